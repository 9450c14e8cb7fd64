// The audience package (人群包) for 1 000 000 buyers × 20 planned products in headless Chromium:
// the npm package's `AudienceHistory` (built once from typed-array columns, then `package` per
// plan, as the preview editor asks on every change), timed on the page and inside a Web Worker
// while the page measures its longest frame gap (the UI must stay responsive); beside a plain
// TypeScript version of the same scoring (tests/bench/baseline/audience.ts) on the same columns.
// Usage (cargo xtask bench does this): node tests/bench/audience.bench.mjs - PKG_DIR
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { start } from '../e2e/harness.mjs';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const ts = require('typescript');

const pkgDir = process.argv[3];
if (!pkgDir) { console.error('usage: audience.bench.mjs - PKG_DIR'); process.exit(2); }
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-bench-'));
fs.cpSync(pkgDir, path.join(site, 'livetrust'), { recursive: true });
const here = path.dirname(new URL(import.meta.url).pathname);
const compiled = ts.transpileModule(fs.readFileSync(path.join(here, 'baseline/audience.ts'), 'utf8'),
  { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 } });
fs.writeFileSync(path.join(site, 'baseline.js'), compiled.outputText);

// The same deterministic columns on the page and in the worker.
const columns = `
export const BUYERS = 1_000_000, PRODUCTS = 2000, CATEGORIES = 40, PLAN = 20;
export function columns() {
  let s = 2026;
  const rnd = () => { s = (s * 1103515245 + 12345) >>> 0; return s / 4294967296; };
  const products = [], productCategory = new Uint32Array(PRODUCTS), price = new Uint32Array(PRODUCTS);
  for (let p = 0; p < PRODUCTS; p++) {
    productCategory[p] = p % CATEGORIES;
    price[p] = 990 + Math.floor(rnd() * 30000);
    products.push({ id: 'p' + p, categoryId: 'c' + (p % CATEGORIES) });
  }
  const buyer = [], product = [], days = [], unit = [];
  for (let b = 0; b < BUYERS; b++) {
    const n = Math.floor(rnd() * 7); // 0–6 purchases, 3 on average
    const home = Math.floor(rnd() * CATEGORIES);
    for (let i = 0; i < n; i++) {
      const cat = rnd() < 0.7 ? home : Math.floor(rnd() * CATEGORIES);
      const p = cat + CATEGORIES * Math.floor(rnd() * (PRODUCTS / CATEGORIES));
      buyer.push(b); product.push(p); days.push(Math.floor(rnd() * 365));
      unit.push(Math.round(price[p] * (0.6 + 0.5 * rnd())));
    }
  }
  const followers = [], reservations = new Uint16Array(BUYERS);
  for (let b = 0; b < BUYERS; b++) {
    if (rnd() < 0.1) followers.push(b);
    if (rnd() < 0.05) reservations[b] = 1 + Math.floor(rnd() * 3);
  }
  const plan = [];
  for (let k = 0; k < PLAN; k++) {
    const p = (k * 97) % PRODUCTS;
    plan.push({ productId: 'p' + p, product: p, livePriceFen: Math.round(price[p] * 0.8) });
  }
  return {
    products, productCategory, plan,
    purchaseBuyer: Uint32Array.from(buyer), purchaseProduct: Uint32Array.from(product),
    purchaseDaysAgo: Uint16Array.from(days), purchaseUnitPriceFen: Uint32Array.from(unit),
    followers: Uint32Array.from(followers), earlierReservations: reservations,
  };
}
export async function history(lt, c) {
  return new lt.AudienceHistory(c.products, BUYERS, c.purchaseBuyer, c.purchaseProduct,
    c.purchaseDaysAgo, c.purchaseUnitPriceFen, c.followers, c.earlierReservations);
}
export function time(f, runs = 5) {
  const xs = [];
  let out;
  for (let i = 0; i < runs; i++) { const s = performance.now(); out = f(); xs.push(performance.now() - s); }
  xs.sort((a, b) => a - b);
  return { median: xs[Math.floor(xs.length / 2)], min: xs[0], out };
}
`;
fs.writeFileSync(path.join(site, 'columns.js'), columns);
fs.writeFileSync(path.join(site, 'worker.js'), `
import init, * as lt from './livetrust/livetrust.js';
import { columns, history, time } from './columns.js';
await init();
const c = columns();
const h = await history(lt, c);
const plan = c.plan.map(({ productId, livePriceFen }) => ({ productId, livePriceFen }));
postMessage({ ready: true });
onmessage = () => {
  const t = time(() => h.package(plan));
  postMessage({ median: t.median, size: t.out.size });
};
`);
fs.writeFileSync(path.join(site, 'index.html'),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,"></head><body></body></html>');

const app = await start(site);
try {
  const page = await app.page();
  page.setDefaultTimeout(900000);
  await page.goto(app.url);
  const r = await page.evaluate(async () => {
    const lt = await import('./livetrust/livetrust.js');
    await lt.default();
    const { columns, history, time, BUYERS } = await import('./columns.js');
    const base = await import('./baseline.js');
    const c = columns();
    const purchases = c.purchaseBuyer.length;
    const build = time(() => null, 1);
    const s = performance.now();
    const h = await history(lt, c);
    build.median = performance.now() - s;
    const plan = c.plan.map(({ productId, livePriceFen }) => ({ productId, livePriceFen }));
    const wasm = time(() => h.package(plan));
    const tsPlan = c.plan.map(({ product, livePriceFen }) => ({ product, livePriceFen }));
    const tsCols = { buyerCount: BUYERS, ...c };
    const baseline = time(() => base.audience(tsCols, tsPlan), 3);
    // In a worker, while the page counts its longest gap between animation frames.
    const worker = new Worker('./worker.js', { type: 'module' });
    await new Promise((resolve) => { worker.onmessage = (e) => e.data.ready && resolve(); });
    let longest = 0, frames = 0, last = performance.now(), running = true;
    const tick = (t) => { longest = Math.max(longest, t - last); last = t; frames++; if (running) requestAnimationFrame(tick); };
    requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
    const inWorker = await new Promise((resolve) => { worker.onmessage = (e) => resolve(e.data); worker.postMessage('go'); });
    running = false;
    worker.terminate();
    return {
      purchases, build: build.median, wasm: wasm.median, wasmMin: wasm.min, size: wasm.out.size,
      expected: wasm.out.reservations.expected, baseline: baseline.median, baselineSize: baseline.out.size,
      baselineExpected: baseline.out.expected, worker: inWorker.median, workerSize: inWorker.size, longestFrameGap: longest, frames,
    };
  });
  const ms = (x) => `${x.toFixed(0)} ms`;
  console.log(`audience package, 1 000 000 buyers (${r.purchases} purchases) × 20 products, headless Chromium`);
  console.log(`  history from columns (once):        ${ms(r.build)}`);
  console.log(`  wasm AudienceHistory.package:       ${ms(r.wasm)} median of 5 (min ${ms(r.wasmMin)}), package ${r.size}, expected reservations ${r.expected}`);
  console.log(`  same, in a Web Worker:              ${ms(r.worker)} median of 5, package ${r.workerSize}`);
  console.log(`  page's longest frame gap meanwhile: ${ms(r.longestFrameGap)} over ${r.frames} frames`);
  console.log(`  TypeScript baseline (same formula): ${ms(r.baseline)} median of 3, package ${r.baselineSize}, expected ${r.baselineExpected.toFixed(1)}`);
} finally {
  await app.close();
}
