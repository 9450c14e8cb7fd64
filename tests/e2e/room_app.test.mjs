// The viewer's live room (/live/<session>), reached from the rooms on air: the shop and its trust
// badge, the stream replaying with a ticking clock, the cart with the product the recording has
// on air at that second (checked against the demo data the CLI writes), the coming-up strip, the
// repeat-buyer carousel and the next session's preview; a product staged in the live assistant
// shows in the room's strip with its countdown, also in a room already open in another tab, and
// in the clip plan's "coming up"; phone and desktop, Chinese and English, axe, no sideways
// scroll, no layout shift while it fills in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { start, axe, screenshot } from './harness.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const CLI = process.env.LIVETRUST_CLI ?? path.join(here, '../../target/debug/livetrust');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let app;
let sessions;

before(async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-room-'));
  try {
    execFileSync(CLI, ['demo', '--out', work], { stdio: 'ignore' });
    const file = fs.readdirSync(work).find((f) => f.startsWith('liveSessions'));
    const text = fs.readFileSync(path.join(work, file), 'utf8');
    sessions = file.endsWith('.ndjson') ? text.trim().split('\n').map((l) => JSON.parse(l)) : JSON.parse(text);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  app = await start();
});

after(async () => {
  await app?.close();
});

/** The first room on air, entered from the live room's list. */
async function enter(page) {
  await page.goto(app.url);
  await page.waitForSelector('.room-list li a', { timeout: 90_000 });
  const id = await page.getAttribute('.room-list li >> nth=0', 'data-session');
  await page.click('.room-list li >> nth=0 >> a');
  await page.waitForSelector(`.room-page[data-session="${id}"]`, { timeout: 90_000 });
  return sessions.find((s) => s.id === id);
}

const strip = (page) => page.$$eval('.coming-up-list li', (lis) => lis.map((li) => ({
  productId: li.dataset.product, countdown: Number(li.dataset.countdown),
})));

test('a room on a phone: badge, replay clock, the recording’s product in the cart, strip, carousel, preview', async () => {
  const page = await app.page({ viewport: PHONE });
  // Layout shifts while the page fills in, from the first paint on.
  await page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
  });
  const session = await enter(page);
  assert.ok(session, 'the room is a session of the data');
  // The room's shop, with its trust badge.
  await page.waitForSelector('.room-top .trust-badge');
  await page.waitForSelector('.room-reviews .lt-reviews');
  await page.waitForSelector('.room-preview .lt-preview');

  // The clock ticks; the cart holds what the recording had on air at that second.
  const second = async () => Number(await page.getAttribute('.room-clock', 'data-second'));
  const t0 = await second();
  await page.waitForFunction((t) => Number(document.querySelector('.room-clock').dataset.second) >= t + 2, t0, { timeout: 10_000 });
  await page.click('.room-pause');
  await page.waitForTimeout(300);
  const paused = await second();
  await page.waitForTimeout(1500);
  assert.equal(await second(), paused, 'a paused replay stands still');
  const onAir = session.onAir.find((a) => a.startSecond <= paused && paused < a.endSecond);
  const cart = await page.getAttribute('.cart-on-air', 'data-product');
  assert.equal(cart, onAir ? onAir.productId : null);
  // Without the assistant's zone the strip is the session's own plan: planned at or after the
  // clock, each product once, never the one on air; those within 10 minutes, at least the next.
  const planned = [];
  for (const s of [...session.staged].sort((a, b) => a.plannedSecond - b.plannedSecond)) {
    if (s.plannedSecond < paused || s.productId === cart || planned.some((p) => p.productId === s.productId)) continue;
    planned.push({ productId: s.productId, countdown: s.plannedSecond - paused });
  }
  assert.deepEqual(await strip(page), planned.slice(0, 20).filter((p, i) => p.countdown <= 600 || i === 0));
  assert.match(await page.textContent('.coming-up-source'), /本场直播的上车计划/);

  await screenshot(page, 'room-phone');
  assert.deepEqual(await axe(page), []);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scroll');
  const shifts = await page.evaluate(() => window.__shifts);
  assert.ok(shifts < 0.1, `layout shift ${shifts}`);

  await page.selectOption('#lang-select', 'en');
  await page.waitForSelector('text=Coming up');
  await screenshot(page, 'room-phone-en');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('staged in the live assistant, a product shows in the room’s strip, in an open room too, and in the clip plan', async () => {
  const page = await app.page({ viewport: DESKTOP });
  const session = await enter(page);
  const shop = session.merchantId;
  const room = page.url();
  await screenshot(page, 'room-desktop');
  assert.deepEqual(await axe(page), []);

  // The merchant, in another tab, sets the clock to 10:00 and stages a product in 5 minutes.
  const assistant = await page.context().newPage();
  assistant.errors = [];
  assistant.on('pageerror', (e) => assistant.errors.push(String(e)));
  await assistant.goto(`${app.url}merchant/${shop}/assistant`);
  await assistant.waitForSelector('.plan-products li', { timeout: 90_000 });
  await assistant.selectOption(`select:has(option[value="${session.id}"])`, session.id);
  await assistant.fill('#assistant-clock', '0:10:00');
  await assistant.click('.clock-form button[type=submit]');
  const recordedAt600 = session.onAir.find((a) => a.startSecond <= 600 && 600 < a.endSecond)?.productId;
  const products = await assistant.$$eval('.plan-products li', (lis) => lis.map((li) => li.dataset.product));
  const [first, second] = products.filter((p) => p !== recordedAt600);
  await assistant.click(`.plan-products li[data-product="${first}"] .stage-5`);
  await assistant.locator('.save-status', { hasText: '准备区已保存在本机' }).waitFor();

  // The open room follows at once (another tab's save), counting down from 10:00.
  await page.waitForFunction((p) => !!document.querySelector(`.coming-up-list li[data-product="${p}"]`), first, { timeout: 10_000 });
  assert.match(await page.textContent('.coming-up-source'), /上车准备区/);
  // A room entered now starts at the zone's clock: 300 s to go, less the seconds since.
  await page.goto(room);
  await page.waitForSelector(`.coming-up-list li[data-product="${first}"]`, { timeout: 90_000 });
  const [item] = (await strip(page)).filter((s) => s.productId === first);
  assert.ok(item.countdown <= 300 && item.countdown >= 290, `countdown ${item.countdown}`);
  assert.match(await page.textContent(`.coming-up-list li[data-product="${first}"] .coming-countdown`), /^\d:\d\d 后上车$/);
  const title = (await assistant.textContent(`.plan-products li[data-product="${first}"] .product-name`)).trim();
  assert.equal((await page.textContent(`.coming-up-list li[data-product="${first}"] .coming-name`)).trim(), title);

  // A second product in 10 minutes: after the first in the strip.
  await assistant.click(`.plan-products li[data-product="${second}"] .stage-10`);
  await page.waitForFunction((p) => !!document.querySelector(`.coming-up-list li[data-product="${p}"]`), second, { timeout: 10_000 });
  assert.deepEqual((await strip(page)).map((s) => s.productId), [first, second]);
  await screenshot(page, 'room-desktop-staged');
  assert.deepEqual(await axe(page), []);

  // The clip plan's "coming up" is one of the products the zone stages (the planner picks the
  // stronger segment among those due within its horizon).
  const title2 = (await assistant.textContent(`.plan-products li[data-product="${second}"] .product-name`)).trim();
  await assistant.goto(`${app.url}merchant/${shop}/clip`);
  await assistant.waitForSelector('.segments li', { timeout: 90_000 });
  await assistant.selectOption('.clip-settings select >> nth=0', session.id);
  await assistant.waitForFunction((ts) => ts.some((t) => document.querySelector('.segments li[data-part="ComingUp"]')?.textContent.includes(t)),
    [title, title2], { timeout: 30_000 });
  assert.deepEqual(page.errors, []);
  assert.deepEqual(assistant.errors, []);
  await page.context().close();
});

test('a recording the viewer picks plays in a real <video> and drives the clock', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-room-rec-'));
  const file = path.join(dir, 'rec.mp4');
  try {
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i',
      'testsrc=size=160x284:rate=30:duration=20', '-c:v', 'libx264', '-preset', 'ultrafast',
      '-pix_fmt', 'yuv420p', file]);
    const page = await app.page({ viewport: PHONE });
    await enter(page);
    await page.setInputFiles('.room-recording input[type=file]', file);
    await page.waitForSelector('video.room-video');
    // The session's clock is past the recording's 20 s, so it plays from its start.
    await page.waitForFunction(() => document.querySelector('video.room-video').currentTime > 2, null, { timeout: 15_000 });
    const [clock, time] = await page.evaluate(() => [
      Number(document.querySelector('.room-clock').dataset.second),
      document.querySelector('video.room-video').currentTime,
    ]);
    assert.ok(Math.abs(clock - Math.floor(time)) <= 1, `clock ${clock} s, video at ${time} s`);
    await page.click('.room-pause');
    const paused = await page.evaluate(() => document.querySelector('video.room-video').paused);
    assert.equal(paused, true, 'pause pauses the recording');
    await screenshot(page, 'room-phone-recording');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an unknown room says so and leads back', async () => {
  const page = await app.page({ viewport: PHONE });
  await page.goto(`${app.url}live/no-such-session`);
  await page.waitForSelector('text=找不到这个直播间', { timeout: 90_000 });
  await page.click('.room-back');
  await page.waitForSelector('.room-list li', { timeout: 90_000 });
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});
