// The index for one merchant with 1 000 000 orders and 200 000 reviews, in headless Chromium
// through the npm package: import (Market.fromFiles), the index (Market.indexReport, which tallies
// the whole marketplace once), and what-if recomputes; beside the TypeScript baseline, measured
// fairly: both sides warmed up by one untimed run, then RUNS timed runs each, medians compared.
// Usage (cargo xtask bench does this): node tests/bench/index.bench.mjs DATA_DIR PKG_DIR
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { start } from '../e2e/harness.mjs';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const ts = require('typescript');

const [dataDir, pkgDir] = process.argv.slice(2);
if (!dataDir || !pkgDir) { console.error('usage: index.bench.mjs DATA_DIR PKG_DIR'); process.exit(2); }
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-bench-'));
fs.cpSync(pkgDir, path.join(site, 'livetrust'), { recursive: true });
fs.cpSync(dataDir, path.join(site, 'data'), { recursive: true });
fs.writeFileSync(path.join(site, 'index.html'),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,"></head><body></body></html>');
const names = fs.readdirSync(dataDir).filter((n) => n.endsWith('.ndjson'));
// The TypeScript baseline, compiled to JavaScript as a bundler would.
const here = path.dirname(new URL(import.meta.url).pathname);
const source = fs.readFileSync(path.join(here, 'baseline/index.ts'), 'utf8');
const compiled = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 } });
fs.writeFileSync(path.join(site, 'baseline.js'), compiled.outputText);

const RUNS = 5;
const app = await start(site);
try {
  const page = await app.page();
  page.setDefaultTimeout(600000);
  await page.goto(app.url);
  const r = await page.evaluate(async ({ names, runs }) => {
    const lt = await import('./livetrust/livetrust.js');
    await lt.default();
    const files = await Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await (await fetch(`data/${name}`)).arrayBuffer()) })));
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // A fresh market per run: the index is cached inside a market. The first run warms up.
    const importTimes = [];
    const indexTimes = [];
    let market;
    let report;
    for (let i = 0; i <= runs; i++) {
      market?.free();
      const t0 = performance.now();
      market = lt.Market.fromFiles({ files });
      const t1 = performance.now();
      report = market.indexReport('big');
      const t2 = performance.now();
      if (i > 0) {
        importTimes.push(t1 - t0);
        indexTimes.push(t2 - t1);
      }
    }
    const placement = market.placement('big');
    const times = [];
    for (let i = 0; i < 21; i++) {
      const s = performance.now();
      lt.whatIf({ placement, edits: [{ metric: 'shipWithin48hRate', value: 0.5 + i / 50 }] });
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    // The baseline gets its records as JavaScript objects (parsing is not timed, as the wasm
    // import above is not part of the index time either), buyers included: without them the
    // brushing guard has no account evidence (new accounts, shared devices and addresses).
    const baseline = await import('./baseline.js');
    const data = { categories: [], merchants: [], buyers: [], orders: [], reviews: [], serviceEvents: [], liveSessions: [] };
    const decoder = new TextDecoder();
    for (const f of files) {
      const table = f.name.replace('.ndjson', '');
      if (!(table in data)) continue;
      for (const line of decoder.decode(f.bytes).split('\n')) if (line) data[table].push(JSON.parse(line));
    }
    const tsTimes = [];
    let tsResult;
    for (let i = 0; i <= runs; i++) {
      const s = performance.now();
      tsResult = baseline.computeIndex(data, report.asOf, 'big');
      if (i > 0) tsTimes.push(performance.now() - s);
    }
    return { importMs: median(importTimes), indexMs: median(indexTimes), importTimes, indexTimes, whatIfMs: times[10], orders: report.recentOrders, ua: navigator.userAgent,
      tsTimes, tsMedian: median(tsTimes), tsOverall: tsResult.overall, tsOrders: tsResult.recentOrders, wasmOverall: report.overall.value };
  }, { names, runs: RUNS });
  console.log(`browser: ${r.ua}`);
  const list = (xs) => xs.map((t) => t.toFixed(0)).join(', ');
  const mb = names.reduce((sum, n) => sum + fs.statSync(path.join(dataDir, n)).size, 0) / 1e6;
  console.log(`import (Market.fromFiles): median ${r.importMs.toFixed(0)} ms of ${RUNS} after a warm-up (${list(r.importTimes)}), ${(mb / (r.importMs / 1000)).toFixed(0)} MB/s over ${mb.toFixed(0)} MB`);
  console.log(`index of the whole marketplace incl. the ${r.orders}-order merchant (Market.indexReport): median ${r.indexMs.toFixed(0)} ms (${list(r.indexTimes)}); what-if: ${r.whatIfMs.toFixed(2)} ms (median of 21)`);
  console.log(`TypeScript baseline (same browser, warmed up): runs ${list(r.tsTimes)} ms, median ${r.tsMedian.toFixed(0)} ms; wasm is ${(r.tsMedian / r.indexMs).toFixed(2)}x faster`);
  const fmt = (x) => (x == null ? 'none' : x.toFixed(2));
  console.log(`check: recent orders ${r.tsOrders} (TS) vs ${r.orders} (wasm); overall score ${fmt(r.tsOverall)} (TS, exact ranks) vs ${fmt(r.wasmOverall)} (wasm, sketch ranks)`);
} finally {
  await app.close();
  fs.rmSync(site, { recursive: true, force: true });
}
