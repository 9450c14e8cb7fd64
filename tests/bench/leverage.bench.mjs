// "1+N" leverage for the whole market in headless Chromium through the npm package, on the
// 1 000 000-order fixture: import (Market.fromFiles, not part of the figure), then
// Market.marketLeverage and one merchant's Market.leverage, median of 7 runs each.
// Usage (cargo xtask bench does this): node tests/bench/leverage.bench.mjs DATA_DIR PKG_DIR
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start } from '../e2e/harness.mjs';

const [dataDir, pkgDir] = process.argv.slice(2);
if (!dataDir || !pkgDir) { console.error('usage: leverage.bench.mjs DATA_DIR PKG_DIR'); process.exit(2); }
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
    const market = lt.Market.fromFiles({ files });
    const median = (f) => {
      const times = [];
      let out;
      for (let i = 0; i < 7; i++) {
        const s = performance.now();
        out = f();
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      return [times[3], out];
    };
    const [marketMs, whole] = median(() => market.marketLeverage(undefined));
    const [oneMs, one] = median(() => market.leverage('m0002', undefined));
    return { marketMs, oneMs, merchants: whole.merchantsWithTraffic, estimated: whole.estimated,
      sessions: whole.merchants.length, oneSessions: one.timeline.length, ua: navigator.userAgent };
  }, names);
  console.log(`browser: ${r.ua}`);
  console.log(`Market.marketLeverage over ${r.merchants} merchants with traffic (${r.estimated} estimated): ${r.marketMs.toFixed(1)} ms (median of 7); Market.leverage('m0002', ${r.oneSessions} sessions): ${r.oneMs.toFixed(1)} ms`);
} finally {
  await app.close();
  fs.rmSync(site, { recursive: true, force: true });
}
