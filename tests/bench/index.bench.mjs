// The index for one merchant with 1 000 000 orders and 200 000 reviews, in headless Chromium
// through the npm package: import (Market.fromFiles), the index (Market.indexReport, which tallies
// the whole marketplace once), and what-if recomputes.
// Usage (cargo xtask bench does this): node tests/bench/index.bench.mjs DATA_DIR PKG_DIR
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start } from '../e2e/harness.mjs';

const [dataDir, pkgDir] = process.argv.slice(2);
if (!dataDir || !pkgDir) { console.error('usage: index.bench.mjs DATA_DIR PKG_DIR'); process.exit(2); }
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-bench-'));
fs.cpSync(pkgDir, path.join(site, 'livetrust'), { recursive: true });
fs.cpSync(dataDir, path.join(site, 'data'), { recursive: true });
fs.writeFileSync(path.join(site, 'index.html'),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,"></head><body></body></html>');
const names = fs.readdirSync(dataDir).filter((n) => n.endsWith('.ndjson'));

const app = await start(site);
try {
  const page = await app.page();
  page.setDefaultTimeout(600000);
  await page.goto(app.url);
  const r = await page.evaluate(async (names) => {
    const lt = await import('./livetrust/livetrust.js');
    await lt.default();
    const files = await Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await (await fetch(`data/${name}`)).arrayBuffer()) })));
    const t0 = performance.now();
    const market = lt.Market.fromFiles({ files });
    const t1 = performance.now();
    const report = market.indexReport('big');
    const t2 = performance.now();
    const placement = market.placement('big');
    const times = [];
    for (let i = 0; i < 21; i++) {
      const s = performance.now();
      lt.whatIf({ placement, edits: [{ metric: 'shipWithin48hRate', value: 0.5 + i / 50 }] });
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    return { importMs: t1 - t0, indexMs: t2 - t1, whatIfMs: times[10], orders: report.recentOrders, ua: navigator.userAgent };
  }, names);
  console.log(`browser: ${r.ua}`);
  console.log(`import (Market.fromFiles): ${r.importMs.toFixed(0)} ms; index of the whole marketplace incl. the ${r.orders}-order merchant (Market.indexReport): ${r.indexMs.toFixed(0)} ms; what-if: ${r.whatIfMs.toFixed(2)} ms (median of 21)`);
} finally {
  await app.close();
  fs.rmSync(site, { recursive: true, force: true });
}
