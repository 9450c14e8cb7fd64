// The repeat-buyer reviews pipeline for a merchant with 100 000 reviews, in headless Chromium
// through the npm package: `Market.repeatBuyerReviews` (the whole pipeline: the brushing guard
// over the marketplace, every review's fingerprint, eligibility, clean-up, tags, ranking) and
// `cleanReviewTexts` over the same merchant's 100 000 texts (clean-up and tags only), beside a
// plain TypeScript version of the clean-up (tests/bench/baseline/reviews.ts) in the same page.
// Usage (cargo xtask bench does this): node tests/bench/reviews.bench.mjs DATA_DIR PKG_DIR
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { start } from '../e2e/harness.mjs';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const ts = require('typescript');

const [dataDir, pkgDir] = process.argv.slice(2);
if (!dataDir || !pkgDir) { console.error('usage: reviews.bench.mjs DATA_DIR PKG_DIR'); process.exit(2); }
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-bench-'));
fs.cpSync(pkgDir, path.join(site, 'livetrust'), { recursive: true });
fs.cpSync(dataDir, path.join(site, 'data'), { recursive: true });
fs.writeFileSync(path.join(site, 'index.html'),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,"></head><body></body></html>');
const names = fs.readdirSync(dataDir).filter((n) => n.endsWith('.ndjson'));
const here = path.dirname(new URL(import.meta.url).pathname);
const source = fs.readFileSync(path.join(here, 'baseline/reviews.ts'), 'utf8');
const compiled = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 } });
fs.writeFileSync(path.join(site, 'baseline.js'), compiled.outputText);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
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
    const pipeline = [];
    let report;
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      report = market.repeatBuyerReviews('big');
      pipeline.push(performance.now() - s);
    }
    // The merchant's own texts, for the bare-text pipeline and the baseline.
    const orders = new Set();
    const decoder = new TextDecoder();
    const lines = (name) => decoder.decode(files.find((f) => f.name === name).bytes).split('\n').filter(Boolean);
    for (const line of lines('orders.ndjson')) { const o = JSON.parse(line); if (o.merchantId === 'big') orders.add(o.id); }
    const texts = [];
    let allReviews = 0;
    for (const line of lines('reviews.ndjson')) {
      allReviews++;
      const rv = JSON.parse(line);
      if (orders.has(rv.orderId)) texts.push(rv.text ?? '');
    }
    const bare = [];
    let bareReport;
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      bareReport = lt.cleanReviewTexts(texts);
      bare.push(performance.now() - s);
    }
    const baseline = await import('./baseline.js');
    const tsTimes = [];
    let tsResult;
    for (let i = 0; i < 3; i++) {
      const s = performance.now();
      tsResult = baseline.cleanTexts(texts);
      tsTimes.push(performance.now() - s);
    }
    return { ua: navigator.userAgent, pipeline, bare, tsTimes, reviews: report.reviews, eligible: report.eligible, kept: report.kept,
      texts: texts.length, allReviews, bareKept: bareReport.kept, tsKept: tsResult.kept, bareFiltered: bareReport.filtered.map((f) => [f.reason, f.count]), tsFiltered: tsResult.filtered };
  }, names);
  console.log(`browser: ${r.ua}`);
  console.log(`marketplace: ${r.allReviews} reviews; merchant big: ${r.reviews} reviews, ${r.eligible} eligible, ${r.kept} kept`);
  console.log(`Market.repeatBuyerReviews('big') (whole pipeline): ${r.pipeline.map((t) => t.toFixed(0)).join(', ')} ms; median ${median(r.pipeline).toFixed(0)} ms`);
  console.log(`cleanReviewTexts(${r.texts} texts): ${r.bare.map((t) => t.toFixed(0)).join(', ')} ms; median ${median(r.bare).toFixed(0)} ms; kept ${r.bareKept}`);
  console.log(`TypeScript baseline clean-up (same texts, same page, no tags): ${r.tsTimes.map((t) => t.toFixed(0)).join(', ')} ms; median ${median(r.tsTimes).toFixed(0)} ms; kept ${r.tsKept}`);
  console.log(`check: livetrust ${JSON.stringify(Object.fromEntries(r.bareFiltered))} vs TypeScript ${JSON.stringify(r.tsFiltered)}`);
} finally {
  await app.close();
  fs.rmSync(site, { recursive: true, force: true });
}
