// "1+N" leverage for the whole market in headless Chromium through the npm package, on the
// 1 000 000-order fixture: import (Market.fromFiles, not part of the figure), then
// Market.marketLeverage and one merchant's Market.leverage, median of 7 runs each; beside it the
// same estimate in TypeScript (baseline/leverage.ts) on the parsed tables, and whether they agree.
// Usage (cargo xtask bench does this): node tests/bench/leverage.bench.mjs DATA_DIR PKG_DIR
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { start } from '../e2e/harness.mjs';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const ts = require('typescript');

const [dataDir, pkgDir] = process.argv.slice(2);
if (!dataDir || !pkgDir) { console.error('usage: leverage.bench.mjs DATA_DIR PKG_DIR'); process.exit(2); }
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-bench-'));
fs.cpSync(pkgDir, path.join(site, 'livetrust'), { recursive: true });
fs.cpSync(dataDir, path.join(site, 'data'), { recursive: true });
fs.writeFileSync(path.join(site, 'index.html'),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,"></head><body></body></html>');
const names = fs.readdirSync(dataDir).filter((n) => n.endsWith('.ndjson'));
const here = path.dirname(new URL(import.meta.url).pathname);
const source = fs.readFileSync(path.join(here, 'baseline/leverage.ts'), 'utf8');
const compiled = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 } });
fs.writeFileSync(path.join(site, 'baseline.js'), compiled.outputText);

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
    // The baseline gets the two tables it reads as JavaScript objects (parsing is not timed).
    const baseline = await import('./baseline.js');
    const decoder = new TextDecoder();
    const table = (name) => decoder.decode(files.find((f) => f.name === name).bytes).split('\n').filter((l) => l).map((l) => JSON.parse(l));
    const data = { liveSessions: table('liveSessions.ndjson'), sessionTraffic: table('sessionTraffic.ndjson') };
    const [tsMs, tsOut] = median(() => baseline.marketLeverage(data));
    let sameVerdict = 0;
    let maxDiff = 0;
    for (const m of whole.merchants) {
      const other = tsOut.merchants.find((x) => x.merchantId === m.merchantId);
      if (other && other.verdict === m.verdict) sameVerdict += 1;
      if (m.lift && other?.lift) maxDiff = Math.max(maxDiff, Math.abs(m.lift.estimate - other.lift.estimate), Math.abs(m.lift.low - other.lift.low));
    }
    return { marketMs, oneMs, merchants: whole.merchantsWithTraffic, estimated: whole.estimated,
      sessions: whole.merchants.length, oneSessions: one.timeline.length, ua: navigator.userAgent,
      tsMs, sameVerdict, maxDiff, tsMedian: tsOut.median, wasmMedian: whole.liftQuantiles?.median };
  }, names);
  console.log(`browser: ${r.ua}`);
  console.log(`TypeScript baseline (same browser): ${r.tsMs.toFixed(1)} ms (median of 7); wasm is ${(r.tsMs / r.marketMs).toFixed(2)}x faster`);
  console.log(`check: ${r.sameVerdict} of ${r.sessions} verdicts agree; largest lift difference ${r.maxDiff.toExponential(2)}; median lift ${r.tsMedian?.toFixed(4)} (TS) vs ${r.wasmMedian?.toFixed(4)} (wasm)`);
  console.log(`Market.marketLeverage over ${r.merchants} merchants with traffic (${r.estimated} estimated): ${r.marketMs.toFixed(1)} ms (median of 7); Market.leverage('m0002', ${r.oneSessions} sessions): ${r.oneMs.toFixed(1)} ms`);
} finally {
  await app.close();
  fs.rmSync(site, { recursive: true, force: true });
}
