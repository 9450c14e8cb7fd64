// A front-end team's TypeScript over both npm packages, compiled with `tsc --strict` against the
// generated declarations (tests/e2e/types.test.mjs). It uses every export; a wrong or missing type
// fails the compile, and the `@ts-expect-error` lines fail it if a mistake stops being an error.
import init, {
  Market,
  checkReply,
  cleanReviewTexts,
  placeAgainstPeers,
  placeMerchant,
  validate,
  version,
  whatIf,
  initSync,
  type IndexReport,
  type ImportReport,
  type LivetrustError,
  type PeerPlacement,
  type Placement,
  type PlacementInput,
  type ReviewsReport,
  type TextsReport,
  type ValidateInput,
  type WhatIfInput,
} from 'livetrust';
import { define, load, type BadgeReport, type LivetrustBadgeElement } from 'livetrust-widgets';

export async function consume(files: ValidateInput, wasmBytes: BufferSource): Promise<string[]> {
  await init();
  initSync({ module: wasmBytes });
  const out: string[] = [version(), checkReply(' 谢谢老顾客 ')];

  const peer: PeerPlacement = placeAgainstPeers({ score: 70, peerScores: [50, 60, 90] });
  out.push(peer.tier, String(peer.betterThanPercent));

  const report: ImportReport = validate(files);
  out.push(String(report.files.length));

  const market = Market.fromFiles(files);
  const ids: string[] = market.merchantIds();
  const imported: ImportReport = market.importReport();
  out.push(String(imported.files.length));
  const index: IndexReport = market.indexReport(ids[0], null);
  const placement: Placement = index.placement;
  out.push(placement.status, String(placement.peerCount));
  // @ts-expect-error the report's placement has no asOf: the report has it (two types once merged).
  out.push(placement.asOf);
  out.push(index.asOf);

  const reviews: ReviewsReport = market.repeatBuyerReviews(ids[0], null, { shown: 5 });
  out.push(String(reviews.kept), ...reviews.tags.map((t) => `${t.label} ${t.count} ${t.polarity}`));
  out.push(...reviews.filtered.map((f) => `${f.reason} ${f.count}`));
  out.push(...reviews.shown.map((r) => `${r.productTitle} ×${r.ordersAtShop}`), ...reviews.rule.products);
  const texts: TextsReport = cleanReviewTexts(['质量很好，物流很快', '默认好评'], { products: [] });
  out.push(`${texts.kept}/${texts.texts}`);
  const input: PlacementInput = market.placement(ids[0], undefined);
  const placed: IndexReport = placeMerchant(input);
  const edited: WhatIfInput = { placement: input, edits: [{ metric: 'qualityRefundRate', value: 0.01 }] };
  const simulated: IndexReport = whatIf(edited);
  out.push(placed.merchantId, simulated.merchantId);
  // @ts-expect-error the input of placeMerchant is not a report's placement.
  placeMerchant(placement);
  market.free();

  try {
    placeAgainstPeers({ score: Number.NaN, peerScores: [] });
  } catch (e) {
    const error = e as LivetrustError;
    out.push(error.name, error.kind, error.field ?? '', error.reason);
  }

  // The widgets: the badge element is typed by its tag, and takes a report or a placement.
  define();
  await load();
  const badge: LivetrustBadgeElement = document.createElement('livetrust-badge');
  badge.report = index;
  const bare: BadgeReport = index.placement;
  badge.report = bare;
  // @ts-expect-error a badge does not take a number.
  badge.report = 3;
  badge.addEventListener('livetrust-error', (e) => out.push(e.detail.message));
  const found: LivetrustBadgeElement | null = document.querySelector('livetrust-badge');
  out.push(String(found?.report !== undefined));
  return out;
}
