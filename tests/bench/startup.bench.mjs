// Time from navigation to the live room showing badges: the demo marketplace is generated and
// indexed in the app's Web Worker at start-up; the worker reports how long generating the demo,
// computing its index and building the live room's view took (globalThis.livetrustDemoTimings).
// Usage: node tests/bench/startup.bench.mjs [DIST_DIR]
import { start } from '../e2e/harness.mjs';
const app = await start(process.argv[2] ?? new URL('../../dist', import.meta.url).pathname);
const times = [];
const worker = { generateMs: [], indexMs: [], viewMs: [] };
for (let i = 0; i < 5; i++) {
  const page = await app.page();
  const t0 = Date.now();
  await page.goto(app.url);
  await page.locator('.merchant').first().waitFor({ timeout: 60000 });
  times.push(Date.now() - t0);
  const t = await page.evaluate(() => globalThis.livetrustDemoTimings);
  if (t) for (const k of Object.keys(worker)) worker[k].push(t[k]);
  await page.context().close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('navigation → live room with badges (ms):', [...times].sort((a, b) => a - b).join(', '), 'median', median(times));
for (const [k, xs] of Object.entries(worker)) {
  if (xs.length) console.log(`worker ${k}: ${xs.map(Math.round).join(', ')} median ${Math.round(median(xs))}`);
}
await app.close();
