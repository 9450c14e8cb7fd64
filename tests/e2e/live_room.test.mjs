// The viewer's live room and the merchant's back office on the embedded demo marketplace, checked
// against the native CLI's answers for the same data (one core, same report in every shell).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, axe, screenshot } from './harness.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const CLI = process.env.LIVETRUST_CLI ?? path.join(here, '../../target/debug/livetrust');

let app;
let reports;
before(async () => {
  // The app generates the default demo marketplace in the browser; the CLI writes the same one.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-demo-'));
  execFileSync(CLI, ['demo', '--out', dir], { stdio: 'ignore' });
  reports = new Map(JSON.parse(execFileSync(CLI, ['index', '--data', dir], { maxBuffer: 1 << 28 }).toString())
    .map((r) => [r.merchantId, r]));
  fs.rmSync(dir, { recursive: true, force: true });
  app = await start();
});
after(async () => { await app?.close(); });

const TIER_ZH = { leading: '领先', average: '平均', slightlyBelow: '略低于同行' };
const expectedSentence = (r) => (r.placement.status === 'tiered'
  ? `回头客推荐指数：${TIER_ZH[r.placement.tier]}，超过${r.placement.betterThanPercent}%同行`
  : '回头客推荐指数：暂无足够数据');

test('the live room shows shops with the badges the CLI computes, and a badge opens its dimensions', async () => {
  const page = await app.page({ locale: 'zh-CN' });
  await page.goto(app.url);
  await page.locator('.merchant').first().waitFor({ timeout: 30000 });
  assert.equal(await page.locator('h1').textContent(), '直播间');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.locator('.merchant').count(), 8);
  const rows = await page.locator('.merchant').evaluateAll((els) => els.map((e) => ({
    id: e.dataset.merchantId,
    label: e.querySelector('.badge-button').textContent,
  })));
  for (const { id, label } of rows) {
    assert.ok(reports.has(id), `merchant ${id} is in the CLI's report`);
    assert.equal(label, expectedSentence(reports.get(id)), `badge of ${id}`);
  }
  // Open the first badge with a click: the four dimensions appear, nothing else moves.
  const first = page.locator('.merchant').first();
  // Where the next row is on the page (not in the viewport: the click may scroll to the badge).
  const onPage = () => page.locator('.merchant').nth(1).evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
  });
  const before = await onPage();
  await first.locator('.badge-button').click();
  await first.locator('.badge-panel li').first().waitFor({ state: 'visible', timeout: 5000 });
  assert.equal(await first.locator('.badge-button').getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await first.locator('.dim-name').allTextContents(), ['品质', '服务', '内容', '回头客购物体验']);
  assert.deepEqual(await onPage(), before, 'opening the panel shifts no layout');
  await screenshot(page, 'live-room-zh');
  assert.deepEqual(await axe(page), []);
  await page.keyboard.press('Escape');
  assert.equal(await first.locator('.badge-button').getAttribute('aria-expanded'), 'false');
  assert.deepEqual(page.errors, []);
});

test('one tap, click, Enter or Space toggles the badge, Escape closes it, and on a phone it stays on screen', async () => {
  for (const [name, options] of [
    ['phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
    ['desktop', { viewport: { width: 1280, height: 900 } }],
  ]) {
    const page = await app.page({ locale: 'zh-CN', ...options });
    await page.goto(app.url);
    await page.locator('.merchant').first().waitFor({ timeout: 30000 });
    // The last shop on the page: its panel would open past the bottom edge if it dropped down.
    const row = page.locator('.merchant').last();
    const button = row.locator('.badge-button');
    const expanded = () => button.getAttribute('aria-expanded');
    if (name === 'phone') await button.tap(); else await button.click();
    assert.equal(await expanded(), 'true', `${name}: one tap opens`);
    const panel = row.locator('.badge-panel');
    await panel.waitFor({ state: 'visible' });
    const box = await panel.boundingBox();
    const view = page.viewportSize();
    assert.ok(box.y >= 0 && box.y + box.height <= view.height && box.x >= 0 && box.x + box.width <= view.width,
      `${name}: the panel is on screen (${JSON.stringify(box)})`);
    assert.match(await panel.locator('.badge-meaning').textContent(), /领先＝超过至少75%的同行/);
    await screenshot(page, `badge-open-${name}`);
    // A second tap on the badge closes it; on a phone the sheet can cover the badge, and its
    // close button is in reach instead.
    if (name === 'phone') await panel.locator('.badge-close').tap(); else await button.click();
    assert.equal(await expanded(), 'false', `${name}: a second tap closes`);
    await button.focus();
    await page.keyboard.press('Enter');
    assert.equal(await expanded(), 'true', `${name}: Enter opens`);
    await page.keyboard.press('Enter');
    assert.equal(await expanded(), 'false', `${name}: Enter closes`);
    await page.keyboard.press(' ');
    assert.equal(await expanded(), 'true', `${name}: Space opens`);
    await page.keyboard.press('Escape');
    assert.equal(await expanded(), 'false', `${name}: Escape closes`);
    assert.deepEqual(page.errors, [], name);
    await page.context().close();
  }
});

test('a badge without a tier says what is missing', async () => {
  const r = [...reports.values()].find((x) => x.placement.status === 'notEnoughData');
  const page = await app.page({ locale: 'zh-CN' });
  await page.goto(`${app.url}merchant/${r.merchantId}`);
  const button = page.locator('.overall .badge-button');
  await button.waitFor({ timeout: 30000 });
  await button.click();
  const why = await page.locator('.overall .badge-why').textContent();
  assert.ok(why.length > 10 && !/undefined/.test(why), why);
  assert.deepEqual(page.errors, []);
});

test('a merchant reads the back office: dimensions, metrics, suggestions and a what-if', async () => {
  const page = await app.page({ locale: 'zh-CN' });
  await page.goto(app.url);
  await page.locator('.merchant').first().waitFor({ timeout: 30000 });
  const id = await page.locator('.merchant').first().getAttribute('data-merchant-id');
  await page.locator('.merchant').first().locator('a.details').click();
  await page.locator('.overall-value').waitFor({ timeout: 10000 });
  const r = reports.get(id);
  assert.ok(Math.abs(Number(await page.locator('.overall-value').textContent()) - r.overall.value) <= 0.051);
  assert.equal(await page.locator('.dimension-chart .data-table tbody tr').count(), 4);
  assert.equal(await page.locator('table.metrics tbody tr').count(), r.metrics.length);
  assert.equal(await page.locator('.suggestions li').count(), Math.min(6, r.suggestions.length));
  assert.equal(await page.locator('.trend-chart tbody tr').count(), 5, 'five weekly points');
  const lastTrend = Number(await page.locator('.trend-chart tbody tr').last().locator('td').first().textContent());
  assert.ok(Math.abs(lastTrend - r.overall.value) <= 0.051, 'the latest trend point is today\'s score');
  // What-if: a perfect first metric changes the simulated score.
  const input = page.locator('.what-if-field input').first();
  await input.fill('100');
  await page.locator('.what-if-result').waitFor({ timeout: 5000 });
  assert.match(await page.locator('.what-if-result').textContent(), /^模拟综合得分 \d+\.\d → \d+\.\d（[+-]\d+\.\d）；同行位置 /);
  await screenshot(page, 'merchant-zh');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
});

test('the back office of a merchant of each tier shows what the CLI computes', async () => {
  const pick = (pred) => [...reports.values()].find(pred);
  const cases = {
    leading: pick((r) => r.placement.tier === 'leading'),
    average: pick((r) => r.placement.tier === 'average'),
    slightlyBelow: pick((r) => r.placement.tier === 'slightlyBelow'),
    notEnoughData: pick((r) => r.placement.status === 'notEnoughData'),
  };
  for (const [name, r] of Object.entries(cases)) {
    assert.ok(r, `the demo has a ${name} merchant`);
    const page = await app.page({ locale: 'zh-CN' });
    await page.goto(`${app.url}merchant/${r.merchantId}`);
    await page.locator('.overall-value').waitFor({ timeout: 30000 });
    assert.equal(await page.locator('.overall .badge-button').textContent(), expectedSentence(r), name);
    assert.ok(Math.abs(Number(await page.locator('.overall-value').textContent()) - r.overall.value) <= 0.051, name);
    // Shown with one decimal (Rust rounds ties to even, JavaScript's toFixed away from zero); a
    // dimension without a score says so instead of showing a number.
    const dims = await page.locator('.dimension-chart .data-table tbody tr td:first-of-type').allTextContents();
    r.dimensions.forEach((d, i) => {
      if (d.score) assert.ok(Math.abs(Number(dims[i]) - d.score.value) <= 0.051, `${name}: ${dims[i]} vs ${d.score.value}`);
      else assert.equal(dims[i], d.status === 'noData' ? '暂无数据' : '同行数据不足', `${name}: ${d.dimension}`);
    });
    if (r.placement.status === 'notEnoughData') {
      assert.equal(await page.locator('.why-no-tier li').count(), r.placement.missing.length, `${name}: why no tier`);
    }
    await screenshot(page, `merchant-${name}`);
    assert.deepEqual(await axe(page), [], name);
    assert.deepEqual(page.errors, [], name);
    await page.context().close();
  }
});

test('switching to English relabels the page and the badges', async () => {
  const page = await app.page();
  await page.goto(app.url);
  await page.locator('.merchant').first().waitFor({ timeout: 30000 });
  await page.selectOption('#lang-select', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.locator('h1').textContent(), 'Live room');
  const labels = await page.locator('.badge-button').evaluateAll((els) => els.map((e) => e.textContent));
  for (const label of labels) {
    assert.match(label, /^Repeat-buyer index: ((Leading|Average|Slightly below peers), better than \d{1,3}% of peers|Not enough data yet)$/);
  }
  await screenshot(page, 'live-room-en');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
});

test('the language switch is reachable and operable from the keyboard', async () => {
  const page = await app.page();
  await page.goto(app.url);
  await page.locator('.merchant').first().waitFor({ timeout: 30000 });
  let focused = '';
  for (let i = 0; i < 10 && focused !== 'lang-select'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.id ?? '');
  }
  assert.equal(focused, 'lang-select');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 5000 });
  assert.deepEqual(page.errors, []);
});

test('an unknown address shows a not-found page with a way back', async () => {
  const page = await app.page();
  await page.goto(`${app.url}no/such/page`);
  await page.locator('h1').waitFor({ timeout: 20000 });
  assert.equal(await page.locator('h1').textContent(), '页面不存在');
  await page.getByRole('link', { name: '返回直播间' }).click();
  await page.locator('.merchant').first().waitFor({ timeout: 30000 });
  assert.deepEqual(await axe(page), []);
});

test('a dimension without data says 暂无数据 in the badge panel, never a tier', async () => {
  // The shops in the live room all stream; one that does not has no content data. Its badge
  // is on its back office page.
  const id = [...reports.keys()].find((m) => reports.get(m).dimensions.some((d) => d.status === 'noData'));
  assert.ok(id, 'a shop of the demo has a dimension without data');
  const page = await app.page({ locale: 'zh-CN' });
  await page.goto(`${app.url}merchant/${id}`);
  const row = page.locator('.trust-badge').first();
  await row.waitFor({ timeout: 90000 });
  await row.locator('.badge-button').click();
  await row.locator('.badge-panel li').first().waitFor({ state: 'visible', timeout: 5000 });
  for (const d of reports.get(id).dimensions) {
    const text = await row.locator(`li[data-dimension="${d.dimension}"] .dim-tier`).textContent();
    if (d.status === 'noData') assert.equal(text, '暂无数据', d.dimension);
    else if (d.tier) assert.equal(text, TIER_ZH[d.tier], d.dimension);
    else assert.notEqual(text, '暂无数据', d.dimension);
  }
  assert.deepEqual(page.errors, []);
});

test('the back office of a brushed shop shows what was discounted and why, as the CLI reports it', async () => {
  const r = [...reports.values()].filter((x) => x.guard.discountedBuyers > 0)
    .sort((a, b) => b.guard.discountedBuyers - a.guard.discountedBuyers)[0];
  assert.ok(r, 'the demo plants brushing rings');
  for (const [viewport, name] of [[{ width: 1280, height: 900 }, 'desktop'], [{ width: 390, height: 844 }, 'phone']]) {
    const page = await app.page({ locale: 'zh-CN', viewport });
    await page.goto(`${app.url}merchant/${r.merchantId}`);
    await page.locator('.guard-summary').waitFor({ timeout: 30000 });
    const g = r.guard;
    assert.equal(await page.locator('.guard-summary').textContent(),
      `已剔除 ${g.discountedBuyers} 个可疑买家的 ${g.discountedOrders} 笔订单和 ${g.discountedReviews} 条评价，其中近30天订单 ${g.discountedRecentOrders} 笔。`);
    assert.deepEqual((await page.locator('.guard-reasons tbody td').allTextContents()).map(Number), g.reasons.map((x) => x.buyers));
    assert.deepEqual(await page.locator('.guard-examples tbody th').allTextContents(), g.examples.map((x) => x.buyerId));
    await page.locator('.guard').scrollIntoViewIfNeeded();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= viewport.width, `${name}: nothing wider than the screen`);
    await screenshot(page, `merchant-brushed-${name}`);
    assert.deepEqual(await axe(page), [], name);
    assert.deepEqual(page.errors, [], name);
    await page.context().close();
  }
});

test('the live room and the back office on a phone', async () => {
  const page = await app.page({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.goto(app.url);
  await page.locator('.merchant').first().waitFor({ timeout: 30000 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390, 'the live room fits a phone');
  await screenshot(page, 'live-room-phone');
  assert.deepEqual(await axe(page), []);
  await page.locator('.merchant').first().locator('a.details').click();
  await page.locator('.overall-value').waitFor({ timeout: 10000 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390, 'the back office fits a phone');
  await screenshot(page, 'merchant-phone');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
});

test('the live room shows its layout at once and fills in from the worker, which computes the demo', async () => {
  const page = await app.page({ viewport: { width: 360, height: 740 } });
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(app.url);
  // The heading is there before the shops (their reports come from the worker).
  await page.locator('h1#live-room-title').waitFor({ timeout: 30000 });
  await page.locator('.merchant').first().waitFor({ timeout: 30000 });
  assert.ok(workers.some((u) => u.endsWith('/livetrust-worker_loader.js')), `a worker computed the live room: ${workers}`);
  for (const row of await page.locator('.merchant').evaluateAll((els) => els.map((e) => ({ id: e.dataset.merchantId, label: e.querySelector('.badge-button').textContent })))) {
    assert.equal(row.label, expectedSentence(reports.get(row.id)), row.id);
  }
  // 360 px wide: no sideways scrolling, names wrap by words, tap targets of at least 44 px.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal scroll at 360 px');
  const small = await page.evaluate(() => [...document.querySelectorAll('main a, main button, header a, header select')].filter((e) => !e.closest('p'))
    .map((e) => ({ e: `${e.tagName}.${e.className} ${e.textContent.trim().slice(0, 12)}`, h: e.getBoundingClientRect().height }))
    .filter((t) => t.h > 0 && t.h < 44));
  assert.deepEqual(small, [], 'tap targets under 44 px');
  await screenshot(page, 'live-room-360');
  // The back office needs every record: the demo is computed there, and its page fills in.
  await page.locator('.merchant').first().locator('a.details').click();
  await page.locator('.overall').waitFor({ timeout: 30000 });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('without Web Workers the live room is computed on the page and still shows the CLI badges', async () => {
  const page = await app.page();
  await page.addInitScript(() => { delete window.Worker; });
  await page.goto(app.url);
  await page.locator('.merchant').first().waitFor({ timeout: 30000 });
  for (const row of await page.locator('.merchant').evaluateAll((els) => els.map((e) => ({ id: e.dataset.merchantId, label: e.querySelector('.badge-button').textContent })))) {
    assert.equal(row.label, expectedSentence(reports.get(row.id)), row.id);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the featured shop\'s next session is previewed in the live room, and reserving downloads its .ics', async () => {
  const page = await app.page({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
  await page.goto(app.url);
  const card = page.locator('.live-preview .lt-preview');
  await card.waitFor({ timeout: 60000 });
  assert.ok((await card.locator('.lt-preview-title').textContent()).length >= 4);
  assert.ok(await card.locator('.lt-preview-item').count() >= 1, 'hero or welfare items are shown');
  const [download] = await Promise.all([page.waitForEvent('download'), card.locator('.lt-preview-reserve').click()]);
  assert.match(download.suggestedFilename(), /^livetrust-.+-next\.ics$/);
  const ics = fs.readFileSync(await download.path(), 'utf8');
  assert.match(ics, /\r\nDTSTART;TZID=Asia\/Shanghai:\d{8}T200000\r\n/);
  await card.locator('.lt-preview-status', { hasText: '已预约' }).waitFor();
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'live-room-preview-phone');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
