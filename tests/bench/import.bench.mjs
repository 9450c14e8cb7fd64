// Import throughput of NDJSON orders in headless Chromium, through the npm package's `validate`.
// Usage (cargo xtask bench does this): node tests/bench/import.bench.mjs DATA_DIR PKG_DIR
// The orders figure is (time for catalog + orders) - (time for the catalog alone), medians of
// several runs, over the bytes of orders.ndjson.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start } from '../e2e/harness.mjs';

const [dataDir, pkgDir] = process.argv.slice(2);
if (!dataDir || !pkgDir) { console.error('usage: import.bench.mjs DATA_DIR PKG_DIR'); process.exit(2); }

const site = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-bench-'));
fs.cpSync(pkgDir, path.join(site, 'livetrust'), { recursive: true });
fs.cpSync(dataDir, path.join(site, 'data'), { recursive: true });
fs.writeFileSync(path.join(site, 'index.html'),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,"></head><body></body></html>');

const catalog = ['categories.ndjson', 'merchants.ndjson', 'products.ndjson'];
const ordersBytes = fs.statSync(path.join(dataDir, 'orders.ndjson')).size;
const app = await start(site);
try {
  const page = await app.page();
  await page.goto(app.url);
  const result = await page.evaluate(async ({ catalog, runs }) => {
    const lt = await import('./livetrust/livetrust.js');
    await lt.default();
    const load = async (name) => ({ name, bytes: new Uint8Array(await (await fetch(`data/${name}`)).arrayBuffer()) });
    const catalogFiles = await Promise.all(catalog.map(load));
    const withOrders = [...catalogFiles, await load('orders.ndjson')];
    const time = (files) => {
      const t0 = performance.now();
      const report = lt.validate({ files });
      const ms = performance.now() - t0;
      if (report.problemCount !== 0) throw new Error(`bench data has problems: ${JSON.stringify(report.problems.slice(0, 3))}`);
      return ms;
    };
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    time(withOrders); // warm-up (compiles and tiers up the wasm)
    const catalogMs = median(Array.from({ length: runs }, () => time(catalogFiles)));
    const allMs = median(Array.from({ length: runs }, () => time(withOrders)));
    return { catalogMs, allMs, userAgent: navigator.userAgent };
  }, { catalog, runs: 7 });
  const ordersMs = result.allMs - result.catalogMs;
  const mbPerS = ordersBytes / 1e6 / (ordersMs / 1e3);
  console.log(`browser: ${result.userAgent}`);
  console.log(`orders.ndjson: ${(ordersBytes / 1e6).toFixed(1)} MB; catalog ${result.catalogMs.toFixed(1)} ms, catalog + orders ${result.allMs.toFixed(1)} ms (medians of 7)`);
  console.log(`wasm import throughput (NDJSON orders, validate): ${mbPerS.toFixed(1)} MB/s`);
} finally {
  await app.close();
  fs.rmSync(site, { recursive: true, force: true });
}
