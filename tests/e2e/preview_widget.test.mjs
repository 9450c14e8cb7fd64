// The live preview as a host page uses it: <livetrust-preview> on the plain-HTML example
// (examples/plain-html/preview.html, strict CSP) fed the CLI's generated preview. The page's
// clock is Playwright's, so the countdown, the live and the ended states are checked at exact
// times; reserving downloads an .ics file that is read back; the reservation survives a reload
// and cancelling clears it; bad data is a typed error naming the field; axe on a phone and a
// desktop, in Chinese and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { start, axe, screenshot } from './harness.mjs';
import { demoReports, buildSite } from './widget_site.mjs';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let server;
let preview;

before(async () => {
  const data = demoReports({ previewAt: '2026-11-24T04:00:00Z' });
  preview = data.preview;
  assert.equal(preview.preview.start, '2026-11-24T12:00:00Z', 'generation proposes 20:00 in Shanghai');
  const { site } = buildSite(data);
  server = await start(site);
});

after(async () => {
  await server?.close();
});

const START = Date.parse('2026-11-24T12:00:00Z');

/** Opens the example with the page's clock a little before `at`, waits for the card, then
 *  pauses the clock at `at` (Playwright's waits poll on the page's timers, so they run first). */
async function open(at, options = {}, query = '') {
  const page = await server.page(options);
  await page.clock.install({ time: at - 10_000 });
  await page.goto(`${server.url}preview.html${query}`);
  await page.waitForFunction(() => document.querySelector('livetrust-preview')?.shadowRoot?.querySelector('.lt-preview'));
  await page.clock.pauseAt(at);
  return page;
}

/** axe and screenshots wait on the page's timers and frames: let the clock run first. */
async function check(page, name) {
  await page.clock.resume();
  assert.deepEqual(await axe(page), []);
  if (name) await screenshot(page, name);
}

function card(page) {
  return page.evaluate(() => {
    const root = document.querySelector('livetrust-preview').shadowRoot;
    const text = (s) => root.querySelector(s)?.textContent ?? null;
    return {
      title: text('.lt-preview-title'),
      when: text('.lt-preview-when'),
      countdown: text('.lt-preview-countdown'),
      groups: [...root.querySelectorAll('.lt-preview-group')].map((g) => g.textContent),
      items: [...root.querySelectorAll('.lt-preview-item')].map((li) => ({
        name: li.querySelector('.lt-preview-name').textContent,
        price: li.querySelector('.lt-preview-price').textContent,
        stock: li.querySelector('.lt-preview-stock')?.textContent ?? null,
      })),
      buttons: [...root.querySelectorAll('button')].map((b) => b.textContent),
      status: text('.lt-preview-status'),
    };
  });
}

const yuan = (fen) => (fen % 100 === 0 ? `${fen / 100}` : (fen / 100).toFixed(2));

test('the card shows the CLI preview: heroes, then welfare deals with their stock, and counts down to the start', { timeout: 120_000 }, async () => {
  const page = await open(START - 3600_000, { viewport: PHONE });
  const shown = await card(page);
  const items = preview.preview.items;
  assert.equal(shown.title, preview.preview.title);
  assert.equal(shown.when, '11月24日 20:00开播');
  assert.deepEqual(shown.groups, ['爆款', '福利款']);
  const expected = [...items.filter((i) => i.role === 'hero'), ...items.filter((i) => i.role === 'welfare')]
    .map((i) => ({ name: i.title, price: `¥${yuan(i.livePriceFen)}`, stock: i.stock ? `限量${i.stock}件` : null }));
  assert.deepEqual(shown.items, expected);
  assert.equal(shown.countdown, '距开播 01:00:00');
  // Each tick wakes just after the next whole second.
  await page.clock.runFor(2100);
  assert.equal((await card(page)).countdown, '距开播 00:59:58');
  await check(page, 'preview-widget-phone');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('reserving downloads an .ics in Shanghai time, tells the page, survives a reload, and cancelling clears it', { timeout: 120_000 }, async () => {
  const page = await open(START - 2 * 86_400_000, { viewport: DESKTOP });
  assert.equal((await card(page)).countdown, '距开播 2天00:00:00');
  const reserve = page.locator('livetrust-preview .lt-preview-reserve');
  const [download] = await Promise.all([page.waitForEvent('download'), reserve.click()]);
  assert.equal(download.suggestedFilename(), `livetrust-${preview.sessionId}.ics`);
  const ics = fs.readFileSync(await download.path(), 'utf8');
  const unfolded = ics.replace(/\r\n /g, '');
  assert.match(unfolded, /\r\nDTSTART;TZID=Asia\/Shanghai:20261124T200000\r\n/);
  assert.match(unfolded, new RegExp(`\\r\\nDTEND;TZID=Asia/Shanghai:20261124T${String(20 + preview.preview.minutes / 60).padStart(2, '0')}0000\\r\\n`));
  assert.match(unfolded, new RegExp(`\\r\\nUID:${preview.sessionId}@livetrust\\r\\n`));
  assert.match(unfolded, /\r\nTRIGGER:-PT10M\r\n/);
  assert.ok(unfolded.includes(`\r\nSUMMARY:${preview.preview.title.replace(/[,;\\]/g, (c) => `\\${c}`)}\r\n`));
  let shown = await card(page);
  assert.equal(shown.status, '已预约：开播前10分钟提醒，日历文件已下载');
  assert.deepEqual(shown.buttons, ['再次下载日历', '取消预约']);
  assert.equal(await page.textContent('#reservation-log'), `已记录预约：${preview.sessionId}`);
  await check(page, 'preview-widget-reserved-desktop');

  await page.reload();
  await page.waitForFunction(() => document.querySelector('livetrust-preview')?.shadowRoot?.querySelector('.lt-preview'));
  shown = await card(page);
  assert.deepEqual(shown.buttons, ['再次下载日历', '取消预约'], 'the reservation is remembered');
  await page.locator('livetrust-preview button', { hasText: '取消预约' }).click();
  shown = await card(page);
  assert.deepEqual(shown.buttons, ['预约直播']);
  assert.equal(await page.textContent('#reservation-log'), `已取消预约：${preview.sessionId}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('at the start the card says the session is live, after its length that it has ended, with no reserve button', { timeout: 120_000 }, async () => {
  const page = await open(START - 1000, { viewport: PHONE });
  assert.equal((await card(page)).countdown, '距开播 00:00:01');
  await page.clock.runFor(1500);
  assert.equal((await card(page)).countdown, '直播中');
  await page.clock.fastForward(preview.preview.minutes * 60_000);
  await page.clock.runFor(1500);
  const shown = await card(page);
  assert.equal(shown.countdown, '本场直播已结束');
  assert.deepEqual(shown.buttons, []);
  await page.context().close();
});

test('in English, and bad data is a typed error event naming the field', { timeout: 120_000 }, async () => {
  const page = await open(START - 90_000, { viewport: DESKTOP }, '?lang=en');
  const shown = await card(page);
  assert.equal(shown.when, 'Starts 11/24 20:00 (Beijing time)');
  assert.equal(shown.countdown, 'Starts in 00:01:30');
  assert.deepEqual(shown.groups, ['Best sellers', 'Welfare deals']);
  await check(page, 'preview-widget-en-desktop');
  const message = await page.evaluate(() => new Promise((resolve) => {
    const el = document.querySelector('livetrust-preview');
    el.addEventListener('livetrust-error', (e) => resolve(e.detail.message), { once: true });
    el.report = { ...el.report, items: [{ title: 'x', role: 'hero', livePriceFen: 0, listPriceFen: 100 }] };
  }));
  assert.equal(message, 'items[0].livePriceFen: expected a whole number of fen, 1 or more');
  const alert = await page.evaluate(() => document.querySelector('livetrust-preview').shadowRoot.querySelector('[role=alert]')?.textContent);
  assert.ok(alert.includes('items[0].livePriceFen'), alert);
  await page.context().close();
});
