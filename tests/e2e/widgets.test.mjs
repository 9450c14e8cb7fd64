// The viewer widgets as a host page uses them: the plain-HTML example (examples/plain-html) under
// a strict Content-Security-Policy, with twenty <livetrust-badge src=…> fed the CLI's reports.
// Checks what a viewer sees (the CLI's tiers and percentages), what a front-end team relies on
// (attribute and property updates, removal and re-insertion, one wasm fetch, no layout shift, no
// style leaks either way, typed errors) and accessibility inside the shadow roots, on a phone
// and a desktop viewport.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, axe, screenshot } from './harness.mjs';
import { demoReports, buildSite } from './widget_site.mjs';

const VIEWPORTS = { phone: { width: 390, height: 844 }, narrow: { width: 360, height: 740 }, desktop: { width: 1280, height: 900 } };
const TIER_ZH = { leading: '领先', average: '平均', slightlyBelow: '略低于同行' };
const TIER_EN = { leading: 'Leading', average: 'Average', slightlyBelow: 'Slightly below peers' };

let server;
let data;
let site;
let shops;

before(async () => {
  data = demoReports();
  ({ site, shops } = buildSite(data));
  // A page whose own CSS tries everything to restyle the badges (and has a .tier-chip of its own).
  fs.writeFileSync(path.join(site, 'hostile.css'), `
    * { color: rgb(255, 0, 0) !important; font-family: serif !important; letter-spacing: 3px !important; }
    html { font-size: 10px; line-height: 3; }
    livetrust-badge { color: rgb(0, 0, 255); font-size: 30px; font-weight: 100; text-transform: uppercase; }
    button, span, div { background: rgb(255, 0, 255) !important; border: 5px solid lime !important; padding: 20px !important; }
    .tier-chip, .badge-button, .trust-badge { display: none !important; }
  `);
  const head = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
  fs.writeFileSync(path.join(site, 'hostile.html'), head.replace('<link rel="stylesheet" href="host.css" />',
    '<link rel="stylesheet" href="host.css" /><link rel="stylesheet" href="hostile.css" />')
    .replace('<ul id="shops" class="shops"></ul>', '<ul id="shops" class="shops"></ul><p><span id="outside" class="tier-chip badge-button">outside</span></p>'));
  server = await start(site);
});

after(async () => {
  await server?.close();
});

/** Opens a page and waits until every badge on it shows its tier chip. */
async function open(viewport, file = '') {
  const page = await server.page({ viewport });
  await page.goto(server.url + file);
  await page.waitForFunction((n) => {
    const badges = [...document.querySelectorAll('livetrust-badge')];
    return badges.length === n && badges.every((b) => b.shadowRoot?.querySelector('.tier-chip'));
  }, shops.length, { timeout: 20000 });
  return page;
}

/** What each badge shows: tier chip and "better than" text, by merchant id. */
function shown(page) {
  return page.evaluate(() => [...document.querySelectorAll('livetrust-badge')].map((b) => ({
    id: b.dataset.merchantId,
    chip: b.shadowRoot.querySelector('.tier-chip')?.textContent,
    better: b.shadowRoot.querySelector('.better-than')?.textContent ?? null,
    name: b.shadowRoot.querySelector('button.badge-button')?.textContent,
  })));
}

function expected(report, lang) {
  const p = report.placement;
  const tiered = p.status === 'tiered' && p.tier && p.betterThanPercent !== undefined;
  if (lang === 'en') {
    return tiered ? { chip: TIER_EN[p.tier], better: `better than ${p.betterThanPercent}% of peers` } : { chip: 'Not enough data yet', better: null };
  }
  return tiered ? { chip: TIER_ZH[p.tier], better: `超过${p.betterThanPercent}%同行` } : { chip: '暂无足够数据', better: null };
}

test('twenty badges on a strict-CSP host page show what the CLI computes, load the wasm once, shift nothing and pass axe', async () => {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    const page = await server.page({ viewport });
    const wasmFetches = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasmFetches.push(r.url()); });
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(server.url);
    await page.waitForFunction((n) => [...document.querySelectorAll('livetrust-badge')].filter((b) => b.shadowRoot?.querySelector('.tier-chip')).length === n, shops.length, { timeout: 20000 });
    const badges = await shown(page);
    assert.equal(badges.length, 20);
    const tiers = new Set();
    for (const b of badges) {
      const report = data.reports.get(b.id);
      const want = expected(report, 'zh');
      assert.equal(b.chip, want.chip, `${name}: ${b.id}`);
      assert.equal(b.better, want.better, `${name}: ${b.id}`);
      assert.ok(b.name.startsWith('回头客推荐指数：'), b.name);
      tiers.add(report.placement.status === 'tiered' ? report.placement.tier : 'none');
    }
    assert.equal(tiers.size, 4, 'the page shows every tier and a shop without one');
    assert.equal(wasmFetches.length, 1, `one wasm fetch for twenty badges: ${wasmFetches}`);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__shift), 0, 'cumulative layout shift');
    // Phones first: no sideways scrolling, tap targets of at least 44 px.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name}: no horizontal scroll`);
    const heights = await page.evaluate(() => [...document.querySelectorAll('livetrust-badge')]
      .map((b) => b.shadowRoot.querySelector('button.badge-button').getBoundingClientRect().height));
    assert.ok(heights.every((h) => h >= 44), `${name}: badge buttons ${heights}`);
    assert.deepEqual(await axe(page), [], `${name}: axe inside the shadow roots`);
    await screenshot(page, `widgets-host-${name}`);
    // One tap opens the panel (its close button is a 44 px target too), Escape closes it.
    const first = page.locator('livetrust-badge').first();
    await first.locator('button.badge-button').click();
    assert.equal(await first.locator('button.badge-button').getAttribute('aria-expanded'), 'true');
    const panel = first.locator('.badge-panel');
    assert.equal(await panel.locator('li').count(), 4);
    const box = await panel.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= viewport.height + 1, `${name}: panel on screen ${JSON.stringify(box)}`);
    assert.ok((await first.locator('.badge-close').boundingBox()).height >= 44);
    assert.deepEqual(await axe(page), [], `${name}: axe with a panel open`);
    await screenshot(page, `widgets-host-open-${name}`);
    await page.keyboard.press('Escape');
    assert.equal(await first.locator('button.badge-button').getAttribute('aria-expanded'), 'false');
    assert.deepEqual(page.errors, [], `${name}: console errors (CSP violations included)`);
    await page.context().close();
  }
});

test('the keyboard opens and closes a badge inside its shadow root', async () => {
  const page = await open(VIEWPORTS.desktop);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.className);
  assert.equal(focused, 'badge-button');
  await page.keyboard.press('Enter');
  const first = page.locator('livetrust-badge').first();
  assert.equal(await first.locator('button.badge-button').getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Escape');
  assert.equal(await first.locator('button.badge-button').getAttribute('aria-expanded'), 'false');
  await page.keyboard.press('Space');
  assert.equal(await first.locator('button.badge-button').getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Space');
  assert.equal(await first.locator('button.badge-button').getAttribute('aria-expanded'), 'false');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('changing lang, the report attribute, the report property or src updates a badge in place', async () => {
  const page = await open(VIEWPORTS.phone);
  const [a, b] = shops.map((m) => data.reports.get(m.id));
  const badge = page.locator('livetrust-badge').first();
  const read = () => badge.evaluate((el) => ({
    chip: el.shadowRoot.querySelector('.tier-chip')?.textContent,
    better: el.shadowRoot.querySelector('.better-than')?.textContent ?? null,
  }));
  assert.deepEqual(await read(), expected(a, 'zh'));
  await badge.evaluate((el) => el.setAttribute('lang', 'en'));
  await page.waitForFunction(() => document.querySelector('livetrust-badge').shadowRoot.textContent.includes('Repeat-buyer index'));
  assert.deepEqual(await read(), expected(a, 'en'));
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'English fits the phone');
  await screenshot(page, 'widgets-host-en-phone');
  // The report attribute (JSON) replaces what src gave.
  await badge.evaluate((el, json) => el.setAttribute('report', json), JSON.stringify(b));
  await page.waitForFunction((chip) => document.querySelector('livetrust-badge').shadowRoot.querySelector('.tier-chip')?.textContent === chip, expected(b, 'en').chip);
  assert.deepEqual(await read(), expected(b, 'en'));
  // The property takes an object: a bare placement is enough.
  const third = data.reports.get(shops[2].id);
  await badge.evaluate((el, placement) => { el.report = placement; }, third.placement);
  await page.waitForFunction((chip) => document.querySelector('livetrust-badge').shadowRoot.querySelector('.tier-chip')?.textContent === chip, expected(third, 'en').chip);
  assert.deepEqual(await read(), expected(third, 'en'));
  assert.deepEqual(await badge.evaluate((el) => el.report), third.placement);
  // A new src loads that report.
  await badge.evaluate((el, id) => { el.removeAttribute('lang'); el.setAttribute('src', `reports/${id}.json`); }, shops[3].id);
  await page.waitForFunction((chip) => document.querySelector('livetrust-badge').shadowRoot.querySelector('.tier-chip')?.textContent === chip, expected(data.reports.get(shops[3].id), 'zh').chip);
  assert.deepEqual(await read(), expected(data.reports.get(shops[3].id), 'zh'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('bad data shows what is wrong, naming the field, and fires livetrust-error; the page keeps working', async () => {
  const page = await open(VIEWPORTS.phone);
  const problems = await page.evaluate(async () => {
    const seen = [];
    document.addEventListener('livetrust-error', (e) => seen.push(e.detail.message));
    const make = (setup) => {
      const el = document.createElement('livetrust-badge');
      setup(el);
      document.querySelector('main').append(el);
      return el;
    };
    const els = [
      make((el) => el.setAttribute('report', '{"placement": {"status": "great", "peerCount": 1, "missing": []}}')),
      make((el) => el.setAttribute('report', '{not json')),
      make((el) => el.setAttribute('src', 'reports/nobody.json')),
      make((el) => { el.report = { placement: { status: 'tiered', peerCount: 9, missing: [], betterThanPercent: 140 } }; }),
    ];
    await new Promise((r) => setTimeout(r, 1500));
    return { seen, shown: els.map((el) => el.shadowRoot.querySelector('[role="alert"]')?.textContent) };
  });
  assert.equal(problems.shown[0], '无法显示回头客推荐指数：placement.status: expected one of tiered, notEnoughData');
  assert.match(problems.shown[1], /^无法显示回头客推荐指数：report: not JSON/);
  assert.match(problems.shown[2], /^无法显示回头客推荐指数：src: reports\/nobody.json could not be loaded \(HTTP 404\)$/);
  assert.equal(problems.shown[3], '无法显示回头客推荐指数：placement.betterThanPercent: expected a whole percent from 0 to 100');
  assert.equal(problems.seen.length, 4, JSON.stringify(problems.seen));
  // The other badges still work: the wasm did not die.
  const first = page.locator('livetrust-badge').first();
  await first.locator('button.badge-button').click();
  assert.equal(await first.locator('button.badge-button').getAttribute('aria-expanded'), 'true');
  assert.deepEqual(page.errors.filter((e) => !e.includes('404')), []);
  await page.context().close();
});

test('a single-page host removes, moves and re-adds badges without re-initialising anything', async () => {
  const page = await open(VIEWPORTS.desktop);
  const result = await page.evaluate(async () => {
    const list = document.getElementById('shops');
    const item = list.firstElementChild;
    const badge = item.querySelector('livetrust-badge');
    const chip = () => badge.shadowRoot.querySelector('.tier-chip')?.textContent ?? null;
    const before = chip();
    // Moving (remove and insert in one task) keeps the rendered view and its open panel.
    badge.shadowRoot.querySelector('button.badge-button').click();
    await new Promise((r) => setTimeout(r, 50));
    list.append(item);
    await new Promise((r) => setTimeout(r, 50));
    const keptOpen = badge.shadowRoot.querySelector('button.badge-button')?.getAttribute('aria-expanded');
    // Removing frees the view.
    item.remove();
    await new Promise((r) => setTimeout(r, 50));
    const afterRemove = badge.shadowRoot.querySelector('.livetrust-root').childElementCount;
    // Re-adding renders again, from the same data.
    list.prepend(item);
    await new Promise((r) => setTimeout(r, 100));
    const again = chip();
    // A brand-new element added later (a route change in an SPA) renders too.
    const fresh = document.createElement('livetrust-badge');
    fresh.setAttribute('src', badge.getAttribute('src'));
    document.querySelector('main').append(fresh);
    await new Promise((r) => setTimeout(r, 500));
    return { before, keptOpen, afterRemove, again, fresh: fresh.shadowRoot.querySelector('.tier-chip')?.textContent ?? null };
  });
  assert.equal(result.keptOpen, 'true');
  assert.equal(result.afterRemove, 0);
  assert.equal(result.again, result.before);
  assert.equal(result.fresh, result.before);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('host CSS does not restyle a badge, and the badge styles nothing outside it', async () => {
  const style = (page) => page.evaluate(() => {
    const root = document.querySelector('livetrust-badge').shadowRoot;
    const pick = (el) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return { color: s.color, background: s.backgroundColor, font: s.fontFamily, size: s.fontSize, spacing: s.letterSpacing, transform: s.textTransform, border: s.borderTopWidth, display: s.display, width: Math.round(r.width), height: Math.round(r.height) };
    };
    return { chip: pick(root.querySelector('.tier-chip')), button: pick(root.querySelector('.badge-button')), better: pick(root.querySelector('.better-than')) };
  });
  const clean = await open(VIEWPORTS.desktop);
  const want = await style(clean);
  await clean.context().close();
  const hostile = await open(VIEWPORTS.desktop, 'hostile.html');
  assert.deepEqual(await style(hostile), want);
  const outside = await hostile.evaluate(() => getComputedStyle(document.getElementById('outside')).borderRadius);
  assert.equal(outside, '0px', 'the widget stylesheet does not reach host elements with the same class names');
  await screenshot(hostile, 'widgets-host-hostile-desktop');
  assert.deepEqual(hostile.errors, []);
  await hostile.context().close();
});

test('a badge at the window\'s left edge opens its panel to the right, inside the window', async () => {
  const page = await open(VIEWPORTS.desktop);
  const placement = await page.evaluate(async (report) => {
    const el = document.createElement('livetrust-badge');
    // CSSOM, not a style attribute: the page's CSP refuses inline style attributes.
    Object.assign(el.style, { position: 'fixed', left: '0px', top: '120px' });
    el.report = report;
    document.body.append(el);
    await new Promise((r) => setTimeout(r, 300));
    el.shadowRoot.querySelector('button.badge-button').click();
    await new Promise((r) => setTimeout(r, 100));
    const panel = el.shadowRoot.querySelector('.badge-panel');
    return { left: panel.getBoundingClientRect().left, align: panel.dataset.align ?? null };
  }, data.reports.get(shops[0].id));
  assert.equal(placement.align, 'start');
  assert.ok(placement.left >= 0, `panel left edge ${placement.left}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
