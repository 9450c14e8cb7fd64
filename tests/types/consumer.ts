// A front-end team's TypeScript over both npm packages, compiled with `tsc --strict` against the
// generated declarations (tests/e2e/types.test.mjs). It uses every export; a wrong or missing type
// fails the compile, and the `@ts-expect-error` lines fail it if a mistake stops being an error.
import init, {
  AudienceHistory,
  ClipPlanner,
  Market,
  exportClip,
  planClip,
  campaignsIcs,
  checkPreview,
  checkReply,
  reservationIcs,
  reservationOnStart,
  cleanReviewTexts,
  placeAgainstPeers,
  placeMerchant,
  validate,
  version,
  whatIf,
  initSync,
  type AudienceReport,
  type ClipPlan,
  type ClipRequest,
  type ClipSource,
  type ExportFormat,
  type StagingReport,
  type StagingEdit,
  type CalendarReport,
  type ColdStartReport,
  type LeverageReport,
  type MarketLeverage,
  type TrafficReport,
  type CampaignCalendar,
  type IndexReport,
  type PreviewOutcome,
  type PreviewRequest,
  type StartDecision,
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
import {
  define,
  load,
  type BadgeReport,
  type LivetrustBadgeElement,
  type LivetrustPreviewElement,
  type PreviewCardReport,
} from 'livetrust-widgets';

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
  // The live preview: generated from the data, checked, targeted.
  const request: PreviewRequest = { merchantId: ids[0], generate: true, now: '2026-11-24T04:00:00Z' };
  const outcome: PreviewOutcome = market.preview(request);
  const audience: AudienceReport | undefined = outcome.audience;
  out.push(outcome.preview.title, String(outcome.problems.length), String(audience?.size ?? 0));
  const checked: PreviewOutcome = checkPreview({ draft: outcome.preview, now: '2026-11-24T04:00:00Z' });
  out.push(...checked.problems.map((p) => `${p.field}:${p.kind}`));
  // @ts-expect-error a role is hero, welfare or regular.
  checkPreview({ draft: { ...outcome.preview, items: [{ ...outcome.preview.items[0], role: 'star' }] }, now: '' });
  const history = new AudienceHistory([{ id: 'p', categoryId: 'c' }], 1, new Uint32Array([0]), new Uint32Array([0]),
    new Uint16Array([3]), new Uint32Array([990]), new Uint32Array(), new Uint16Array());
  const pack: AudienceReport = history.package([{ productId: 'p', livePriceFen: 990 }], { minAffinity: 0.1 });
  out.push(String(pack.size), String(history.buyerCount));
  history.free();
  const ics: string = reservationIcs({
    uid: 's@x', title: outcome.preview.title, description: '', start: outcome.preview.start, minutes: 60, stamp: '2026-11-24T04:00:00Z',
  });
  const decision: StartDecision = reservationOnStart(outcome.preview.start, outcome.preview.start);
  out.push(ics.slice(0, 15), decision.kind);
  const input: PlacementInput = market.placement(ids[0], undefined);
  const placed: IndexReport = placeMerchant(input);
  const edited: WhatIfInput = { placement: input, edits: [{ metric: 'qualityRefundRate', value: 0.01 }] };
  const simulated: IndexReport = whatIf(edited);
  out.push(placed.merchantId, simulated.merchantId);
  // @ts-expect-error the input of placeMerchant is not a report's placement.
  placeMerchant(placement);

  // The lead-in clip: a session from the data, one plan, a planner re-planning after an edit.
  const sessions: string[] = market.liveSessionIds();
  if (sessions.length > 0) {
    const source: ClipSource = market.clipSource(sessions[0]);
    const request: ClipRequest = { budgetMs: 15000, order: 'strongestFirst' };
    const once: ClipPlan = planClip(source, request);
    const planner = new ClipPlanner(source);
    const first = planner.plan(undefined);
    const s = first.segments[0];
    const edited: ClipPlan = planner.plan({
      ...request,
      locked: [{ part: s.part, sourceIn: s.sourceIn, sourceOut: s.sourceOut + 1, productId: s.productId }],
    });
    const scores: Float64Array = planner.scores(undefined);
    const at: number = planner.defaultAt;
    const formats: ExportFormat[] = ['json', 'otio', 'edl', 'vtt', 'ffconcat'];
    for (const format of formats) out.push(exportClip(edited, format, 'rec.mp4'));
    out.push(String(once.totalScore), String(scores.length), String(at), s.caption);
    // @ts-expect-error a part is "previously" or "comingUp".
    planner.plan({ locked: [{ part: 'later', sourceIn: 0, sourceOut: 1 }] });
    // @ts-expect-error there is no mp4 export: the concat script renders one.
    exportClip(once, 'mp4');
    planner.free();

    // The staging zone: edits under the rules, the coming-up strip, the matching.
    const product: string = market.staging(sessions[0], undefined).plan.products[0].productId;
    const edits: StagingEdit[] = [
      { op: 'clock', nowSecond: 60 },
      { op: 'stage', productId: product, inMinutes: 5 },
      { op: 'move', productId: product, to: 0 },
    ];
    const zone: StagingReport = market.staging(sessions[0], { edits });
    out.push(String(zone.comingUp[0]?.countdownSeconds), String(zone.matching.expectedViewers.expected));
    market.staging(sessions[0], { state: zone.state, edits: [{ op: 'offAir' }] });
    // @ts-expect-error a stage edit names its product.
    market.staging(sessions[0], { edits: [{ op: 'stage', inMinutes: 5 }] });
  }

  // The cold-start plan: each step's progress and the next one.
  const cold: ColdStartReport = market.coldStart(index.merchantId, undefined);
  out.push(cold.next ?? 'all done', ...cold.steps.map((s) => `${s.id}:${s.value}/${s.target}:${s.status}`));
  // @ts-expect-error a goal's kind is one of the documented ones.
  market.coldStart(index.merchantId, { pools: [], plans: [{ merchantType: 'brand', steps: [{ id: 'x', unlocks: 'p', goal: { kind: 'likes', count: 1 } }] }] });

  // "1+N" leverage: a merchant's lift with its interval, or why there is none; the market's view.
  const lev: LeverageReport = market.leverage(index.merchantId, { followingSessions: 3 });
  out.push(lev.verdict, lev.reason ?? '', String(lev.lift?.low ?? 'no number'), String(lev.timeline.length));
  const whole: MarketLeverage = market.marketLeverage(undefined);
  out.push(String(whole.liftQuantiles?.median ?? 'none'), ...whole.merchants.map((m) => `${m.merchantId}:${m.verdict}`));
  // @ts-expect-error settings are typed: the interval width is a number.
  market.leverage(index.merchantId, { maxIntervalWidth: 'wide' });

  // Trust-weighted natural traffic: what a what-if score would mean, or why there is no number.
  const natural: TrafficReport = market.traffic(index.merchantId, 80, { pool: 'grows' });
  out.push(natural.verdict, natural.shortfall ?? '', String(natural.elasticity?.estimate ?? 'no number'));
  out.push(String(natural.whatIf?.changePercent.low ?? ''), ...natural.curve.map((p) => `${p.score}:${p.expectedExposure.estimate}`));
  // @ts-expect-error the pool is `fixed` or `grows`.
  market.traffic(index.merchantId, undefined, { pool: 'shared' });

  // The campaign calendar: the demo's, and one of the team's own with typed gates.
  const calendar: CalendarReport = market.campaignCalendar(index.merchantId, undefined, '2022-05-11');
  const first = calendar.campaigns[0];
  out.push(first.status, String(first.eligible), String(first.keyDates[0].daysFromToday));
  for (const g of first.gates) out.push(g.gate.kind, String(g.passed), String(g.value ?? ''));
  const own: CampaignCalendar = {
    source: 'our plan',
    campaigns: [{
      id: 'summer-2027', name: '夏日好物节', level: 'A+',
      signup: { start: '2027-05-01', end: '2027-05-20' }, event: { start: '2027-06-01', end: '2027-06-18' },
      gameplays: [], rewards: [{ description: '流量券', topN: 10 }],
      gates: [{ kind: 'minFollowers', min: 1000 }, { kind: 'maxMetric', metric: 'complaintRate', max: 0.02 }],
    }],
  };
  market.campaignCalendar(index.merchantId, own, undefined);
  out.push(campaignsIcs(own, ['summer-2027'], '2027-04-01T00:00:00Z'));
  // @ts-expect-error a gate's kind is one of the documented ones.
  own.campaigns[0].gates.push({ kind: 'minVibes', min: 1 });
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
  const card: LivetrustPreviewElement = document.createElement('livetrust-preview');
  const shown: PreviewCardReport = { ...outcome.preview, sessionId: 's1', merchantName: 'shop' };
  card.report = shown;
  card.addEventListener('livetrust-reserve', (e) => out.push(e.detail.sessionId, String(e.detail.reserved)));
  out.push(String(found?.report !== undefined));
  return out;
}
