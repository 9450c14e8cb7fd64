// Assembles a host site for the widget tests in a temporary directory: the plain-HTML example
// (examples/plain-html), the built widget bundle (crates/widgets/pkg, from `cargo xtask widgets`)
// under livetrust-widgets/, and reports/ written by the native CLI for the demo marketplace — the
// JSON a platform's server would hand the badges.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const here = path.dirname(new URL(import.meta.url).pathname);
export const ROOT = path.join(here, '../..');
export const CLI = process.env.LIVETRUST_CLI ?? path.join(ROOT, 'target/debug/livetrust');
export const WIDGETS = process.env.WIDGETS_DIR ?? path.join(ROOT, 'crates/widgets/pkg');

/** The CLI's reports for the default demo marketplace, by merchant id, and the merchants; with
 *  `reviewShops`, also the CLI's ReviewsReport of that many shops (those with the most shown);
 *  with `previewAt` (a time), the CLI's generated preview of the first shop at that time. */
export function demoReports({ reviewShops = 0, previewAt = null } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-demo-'));
  execFileSync(CLI, ['demo', '--out', dir], { stdio: 'ignore' });
  const reports = new Map(JSON.parse(execFileSync(CLI, ['index', '--data', dir], { maxBuffer: 1 << 28 }).toString())
    .map((r) => [r.merchantId, r]));
  const merchants = fs.readFileSync(path.join(dir, 'merchants.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const reviews = new Map();
  for (const m of merchants) {
    if (reviews.size >= reviewShops) break;
    const report = JSON.parse(execFileSync(CLI, ['reviews', '--data', dir, '--merchant', m.id], { maxBuffer: 1 << 28 }).toString());
    if (report.shown.length >= 3) reviews.set(m.id, report);
  }
  let preview = null;
  if (previewAt) {
    const m = merchants[0];
    const outcome = JSON.parse(execFileSync(CLI, ['preview', '--data', dir, '--generate', '--merchant', m.id,
      '--now', previewAt], { maxBuffer: 1 << 28 }).toString());
    preview = { sessionId: `${m.id}-next`, merchantName: m.name, preview: outcome.preview };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return { reports, merchants, reviews, preview };
}

/** Twenty shops: every tier and "not enough data" among them, then the first others. */
export function pickShops(reports, merchants, count = 20) {
  const kind = (r) => (r.placement.status === 'tiered' ? r.placement.tier : 'notEnoughData');
  const picked = [];
  for (const k of ['leading', 'average', 'slightlyBelow', 'notEnoughData']) {
    const m = merchants.find((m) => kind(reports.get(m.id)) === k && !picked.includes(m));
    if (m) picked.push(m);
  }
  for (const m of merchants) {
    if (picked.length >= count) break;
    if (!picked.includes(m)) picked.push(m);
  }
  return picked;
}

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyDir(src, dst);
    else fs.copyFileSync(src, dst);
  }
}

/** Writes the site; returns its directory and the shops it lists. */
export function buildSite({ reports, merchants, reviews = new Map(), preview = null }) {
  if (!fs.existsSync(path.join(WIDGETS, 'livetrust-widgets.js'))) {
    throw new Error(`${WIDGETS} has no bundle: run \`cargo xtask widgets\` first (cargo xtask test does)`);
  }
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-host-'));
  copyDir(path.join(ROOT, 'examples/plain-html'), site);
  copyDir(WIDGETS, path.join(site, 'livetrust-widgets'));
  const shops = pickShops(reports, merchants);
  fs.mkdirSync(path.join(site, 'reports'));
  fs.writeFileSync(path.join(site, 'reports/index.json'), JSON.stringify(shops.map((m) => ({ id: m.id, name: m.name }))));
  for (const m of merchants) {
    fs.writeFileSync(path.join(site, `reports/${m.id}.json`), JSON.stringify(reports.get(m.id)));
  }
  const reviewShops = merchants.filter((m) => reviews.has(m.id));
  fs.writeFileSync(path.join(site, 'reports/reviews.json'), JSON.stringify(reviewShops.map((m) => ({ id: m.id, name: m.name }))));
  for (const m of reviewShops) {
    fs.writeFileSync(path.join(site, `reports/${m.id}.reviews.json`), JSON.stringify(reviews.get(m.id)));
  }
  if (preview) fs.writeFileSync(path.join(site, 'reports/preview.json'), JSON.stringify(preview));
  return { site, shops };
}
