// The merchant's live assistant (/merchant/<id>/assistant): stage products in 5 and 10 minutes,
// reorder them, put one on air, see the coming-up countdown and the priority matching follow —
// each state compared with the CLI's `staging` on the same demo data and edits; a refused edit
// (a time before the clock) shown as a sentence; the zone kept over a reload and shown to a
// second tab; the clip page's "coming up" following the zone; axe and screenshots on a phone and
// a desktop.
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
const SHOP = 'm0270';
const SESSION = 'ls0005';

let app;
let work;

function cli(edits) {
  const file = path.join(work, `request-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify({ edits }));
  return JSON.parse(execFileSync(CLI, ['staging', '--data', path.join(work, 'demo'), '--session-id', SESSION,
    '--request', file], { encoding: 'utf8' }));
}

before(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-assistant-'));
  execFileSync(CLI, ['demo', '--out', path.join(work, 'demo')], { stdio: 'ignore' });
  app = await start();
});

after(async () => {
  await app?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function open(context, viewport) {
  const page = await (context ? context.newPage() : app.page({ viewport }));
  await page.goto(`${app.url}merchant/${SHOP}/assistant`);
  await choose(page);
  return page;
}

// The session the CLI is asked about (the page opens on the shop's latest session).
async function choose(page) {
  await page.waitForSelector('.plan-products li', { timeout: 90_000 });
  await page.selectOption(`select:has(option[value="${SESSION}"])`, SESSION);
  await page.waitForFunction((id) => document.querySelector(`select:has(option[value="${id}"])`)?.value === id, SESSION);
}

const zone = (page) => page.$$eval('.staged li', (lis) => lis.map((li) => ({
  productId: li.dataset.product, countdownSeconds: Number(li.dataset.countdown),
})));

test('stage, reorder and put on air; the page computes what the CLI computes and keeps it', async () => {
  const page = await open(null, DESKTOP);
  const plan = cli([]).plan.products.map((p) => p.productId);
  assert.deepEqual(await page.$$eval('.plan-products li', (lis) => lis.map((li) => li.dataset.product)), plan);
  await page.locator('.nothing-matched').waitFor();

  // The clock to 10:00, then two products staged, the later one brought forward.
  await page.fill('#assistant-clock', '0:10:00');
  await page.click('.clock-form button[type=submit]');
  await page.click(`.plan-products li[data-product="${plan[1]}"] .stage-10`);
  await page.click(`.plan-products li[data-product="${plan[2]}"] .stage-5`);
  await page.click(`.staged li[data-product="${plan[1]}"] .move-up`);
  const edits = [
    { op: 'clock', nowSecond: 600 },
    { op: 'stage', productId: plan[1], inMinutes: 10 },
    { op: 'stage', productId: plan[2], inMinutes: 5 },
    { op: 'move', productId: plan[1], to: 0 },
  ];
  const expected = cli(edits);
  await page.locator('.save-status', { hasText: '准备区已保存在本机' }).waitFor();
  assert.deepEqual(await zone(page), expected.comingUp.map((c) => ({ productId: c.productId, countdownSeconds: c.countdownSeconds })));
  assert.equal(await page.textContent('.matching .matched'), String(expected.matching.matchedBuyers));
  assert.equal(await page.textContent('.matching .expected'),
    `${expected.matching.expectedViewers.expected.toFixed(1)} (${expected.matching.expectedViewers.low}–${expected.matching.expectedViewers.high})`);
  await page.locator('.matching .change').waitFor();
  await screenshot(page, 'assistant-desktop');
  assert.deepEqual(await axe(page), []);

  // A time before the clock is refused with a sentence, and nothing changes.
  await page.fill('#assistant-at', '0:05:00');
  await page.click('.stage-at button[type=submit]');
  await page.locator('.refusal', { hasText: '上车时间早于直播时钟' }).waitFor();
  assert.deepEqual(await zone(page), expected.comingUp.map((c) => ({ productId: c.productId, countdownSeconds: c.countdownSeconds })));

  // On air: out of the zone.
  await page.click(`.staged li[data-product="${plan[2]}"] .go-on-air`);
  const onAir = cli([...edits, { op: 'onAir', productId: plan[2] }]);
  await page.waitForFunction((n) => document.querySelectorAll('.staged li').length === n, onAir.comingUp.length);
  assert.match(await page.textContent('.on-air-now'), /正在讲解/);
  await page.locator('.save-status', { hasText: '准备区已保存在本机' }).waitFor();

  // A second tab sees the same zone; a reload keeps it.
  const second = await open(page.context());
  assert.deepEqual(await zone(second), onAir.comingUp.map((c) => ({ productId: c.productId, countdownSeconds: c.countdownSeconds })));
  await second.close();
  await page.reload();
  await choose(page);
  await page.waitForSelector('.staged li', { timeout: 90_000 });
  assert.deepEqual(await zone(page), onAir.comingUp.map((c) => ({ productId: c.productId, countdownSeconds: c.countdownSeconds })));

  // The clip page's "coming up" is the product the zone stages next.
  const title = await page.textContent(`.plan-products li[data-product="${plan[1]}"] .product-name`);
  await page.goto(`${app.url}merchant/${SHOP}/clip`);
  await page.waitForSelector('.segments li', { timeout: 90_000 });
  const comingUp = await page.textContent('.segments li[data-part="ComingUp"]');
  assert.ok(comingUp.includes(title.trim()), `coming up: ${comingUp}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the assistant on a phone, in English too', async () => {
  const page = await open(null, PHONE);
  await page.click('.plan-products li >> nth=0 >> .stage-5');
  await page.waitForSelector('.staged li');
  await screenshot(page, 'assistant-phone');
  assert.deepEqual(await axe(page), []);
  await page.selectOption('#lang-select', 'en');
  await page.waitForSelector('text=Staging zone');
  await screenshot(page, 'assistant-phone-en');
  assert.deepEqual(await axe(page), []);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no horizontal overflow');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
