// The widget bundle on a host page with twenty badges, in headless Chromium: from the wasm's
// arrival (its resource timing's responseEnd) to the first badge painted and to all twenty
// painted, over fresh browser contexts (nothing cached). Two host pages: the plain-HTML example
// (badges fetch their report from `src`) and the same shops server-rendered with `report`
// attributes. Usage: node tests/bench/widgets.bench.mjs (after `cargo xtask widgets` and a CLI build).
import fs from 'node:fs';
import path from 'node:path';
import { start } from '../e2e/harness.mjs';
import { demoReports, buildSite } from '../e2e/widget_site.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const data = demoReports();
const { site, shops } = buildSite(data);
// The server-rendered variant: the same shops, each badge with its report inline.
const esc = (s) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/</g, '&lt;');
const items = shops.map((m) => `<li><span class="name">${esc(m.name)}</span><livetrust-badge data-merchant-id="${m.id}" report='${esc(JSON.stringify(data.reports.get(m.id)))}'></livetrust-badge></li>`).join('\n');
const html = fs.readFileSync(path.join(site, 'index.html'), 'utf8')
  .replace('<ul id="shops" class="shops"></ul>', `<ul class="shops">${items}</ul>`)
  .replace('<script type="module" src="shops.js"></script>', '');
fs.writeFileSync(path.join(site, 'inline.html'), html);

const server = await start(site);

async function once(file) {
  const page = await server.page({ viewport: { width: 390, height: 844 } });
  await page.addInitScript(() => {
    window.__paint = {};
    const tick = () => {
      const badges = [...document.querySelectorAll('livetrust-badge')];
      const painted = badges.filter((b) => b.shadowRoot?.querySelector('.tier-chip')).length;
      // The frame after the DOM has the chip is the one that paints it.
      if (painted >= 1 && window.__paint.first === undefined) requestAnimationFrame(() => { window.__paint.first ??= performance.now(); });
      if (painted === 20 && badges.length === 20) { requestAnimationFrame(() => { window.__paint.all = performance.now(); }); return; }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(server.url + file);
  await page.waitForFunction(() => window.__paint.all !== undefined && window.__paint.first !== undefined, null, { timeout: 30000 });
  const r = await page.evaluate(() => {
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
    return { wasmEnd: wasm.responseEnd, first: window.__paint.first, all: window.__paint.all };
  });
  await page.context().close();
  return { first: r.first - r.wasmEnd, all: r.all - r.wasmEnd };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const [label, file] of [['src (plain-HTML example)', ''], ['report attributes (server-rendered)', 'inline.html']]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(file));
  const first = runs.map((r) => r.first);
  const all = runs.map((r) => r.all);
  console.log(`${label}: wasm arrived → first badge painted median ${median(first).toFixed(1)} ms (min ${Math.min(...first).toFixed(1)}, max ${Math.max(...first).toFixed(1)}); → all 20 painted median ${median(all).toFixed(1)} ms (max ${Math.max(...all).toFixed(1)}), ${RUNS} runs`);
}
await server.close();
