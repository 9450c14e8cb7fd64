// The Vite + TypeScript example (examples/vite-ts) as a front-end team builds it: `npm ci`, the
// TypeScript check and `vite build` against the built widget package, then the single-page app in
// Chromium, fed the CLI's reports: its badges show what the CLI computes, a route change drops
// and creates badges with no initialisation call, under the example's strict CSP, on a phone and
// a desktop viewport.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { start, axe, screenshot } from './harness.mjs';
import { ROOT, demoReports, pickShops } from './widget_site.mjs';

const EXAMPLE = path.join(ROOT, 'examples/vite-ts');
const TIER_ZH = { leading: '领先', average: '平均', slightlyBelow: '略低于同行' };

let server;
let data;
let shops;
let out;

function npm(args) {
  execFileSync('npm', args, { cwd: EXAMPLE, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
}

before(async () => {
  npm(['ci', '--no-audit', '--no-fund']);
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-vite-'));
  npm(['run', 'check']);
  execFileSync(path.join(EXAMPLE, 'node_modules/.bin/vite'), ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { cwd: EXAMPLE, stdio: ['ignore', 'pipe', 'pipe'] });
  data = demoReports();
  shops = pickShops(data.reports, data.merchants, 12);
  fs.mkdirSync(path.join(out, 'reports'));
  fs.writeFileSync(path.join(out, 'reports/index.json'), JSON.stringify(shops.map((m) => ({ id: m.id, name: m.name }))));
  for (const m of shops) fs.writeFileSync(path.join(out, `reports/${m.id}.json`), JSON.stringify(data.reports.get(m.id)));
  server = await start(out);
});

after(async () => {
  await server?.close();
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

const want = (id) => {
  const p = data.reports.get(id).placement;
  return p.status === 'tiered' ? `${TIER_ZH[p.tier]}超过${p.betterThanPercent}%同行` : '暂无足够数据';
};

const visible = (page) => page.evaluate(() => [...document.querySelectorAll('livetrust-badge')].map((b) => ({
  id: b.dataset.merchantId,
  text: [...b.shadowRoot.querySelectorAll('.tier-chip, .better-than')].map((e) => e.textContent).join(''),
})));

test('the Vite example renders the CLI values and survives route changes without re-initialisation', async () => {
  for (const [name, viewport] of Object.entries({ phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } })) {
    const page = await server.page({ viewport });
    const wasm = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
    await page.goto(server.url);
    const ready = (n) => page.waitForFunction((n) => {
      const b = [...document.querySelectorAll('livetrust-badge')];
      return b.length === n && b.every((e) => e.shadowRoot?.querySelector('.tier-chip'));
    }, n, { timeout: 20000 });
    await ready(shops.length);
    for (const b of await visible(page)) assert.equal(b.text, want(b.id), `${name}: ${b.id}`);
    await screenshot(page, `widgets-vite-${name}`);
    assert.deepEqual(await axe(page), [], name);
    // Route change: the list is replaced, old badges leave, new ones render from their property.
    const leading = shops.filter((m) => { const p = data.reports.get(m.id).placement; return p.status === 'tiered' && p.tier === 'leading'; });
    assert.ok(leading.length >= 1);
    await page.click('a[data-route="/leading"]');
    await ready(leading.length);
    for (const b of await visible(page)) assert.equal(b.text, want(b.id), `${name}: ${b.id} after the route change`);
    await page.goBack();
    await ready(shops.length);
    for (const b of await visible(page)) assert.equal(b.text, want(b.id), `${name}: ${b.id} back again`);
    await page.locator('livetrust-badge').first().locator('button.badge-button').click();
    assert.equal(await page.locator('livetrust-badge').first().locator('button.badge-button').getAttribute('aria-expanded'), 'true');
    assert.equal(wasm.length, 1, 'the wasm is fetched once across routes');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name}: no horizontal scroll`);
    assert.deepEqual(page.errors, [], `${name}: console errors`);
    await page.context().close();
  }
});
