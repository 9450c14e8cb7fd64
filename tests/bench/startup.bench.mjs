// Time from navigation to the live room showing badges: the demo marketplace is generated and
// indexed in the browser at start-up. Usage: node tests/bench/startup.bench.mjs [DIST_DIR]
import { start } from '../e2e/harness.mjs';
const app = await start(process.argv[2] ?? new URL('../../dist', import.meta.url).pathname);
const times = [];
for (let i = 0; i < 5; i++) {
  const page = await app.page();
  const t0 = Date.now();
  await page.goto(app.url);
  await page.locator('.merchant').first().waitFor({ timeout: 60000 });
  times.push(Date.now() - t0);
  await page.context().close();
}
times.sort((a, b) => a - b);
console.log('navigation → live room with badges (ms):', times.join(', '), 'median', times[2]);
await app.close();
