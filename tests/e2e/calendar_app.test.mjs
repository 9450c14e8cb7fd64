// The merchant's campaign calendar (/merchant/<id>/calendar) by keyboard: the list view with
// every gate and the merchant's value as `livetrust calendar` reports them, the month view
// moved a month by keyboard with the phases on their days, the chosen campaign exported as .ics
// and read back; phone and desktop, English, axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { start, axe, screenshot } from './harness.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const CLI = process.env.LIVETRUST_CLI ?? path.join(here, '../../target/debug/livetrust');
const SHOP = 'm0203';

let app;
let work;
let expected;

before(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-calendar-'));
  execFileSync(CLI, ['demo', '--out', path.join(work, 'demo')], { stdio: 'ignore' });
  expected = JSON.parse(execFileSync(CLI, ['calendar', '--data', path.join(work, 'demo'), '--merchant', SHOP], { encoding: 'utf8' }));
  app = await start();
});

after(async () => {
  await app?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** Tabs until the element matching `selector` has focus. */
async function tabTo(page, selector) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`${selector} is not reachable by Tab`);
}

test('an established merchant’s calendar by keyboard: gates as the CLI, the month view, the .ics', async () => {
  const page = await app.page({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await page.goto(`${app.url}merchant/${SHOP}/calendar`);
  await page.waitForSelector('.campaign', { timeout: 90_000 });
  const c = expected.campaigns[0];
  assert.equal(await page.getAttribute('.campaign', 'data-campaign'), c.campaignId);
  assert.equal((await page.$$('.gates tbody tr')).length, c.gates.length);
  const passed = await page.$$eval('.gates tbody tr', (trs) => trs.map((tr) => tr.classList.contains('gate-passed')));
  assert.deepEqual(passed, c.gates.map((g) => g.passed));
  assert.match(await page.textContent('.eligibility'), c.eligible ? /符合报名条件/ : /暂不符合/);
  assert.match(await page.textContent('.campaign-status .status'), /已结束/);
  await screenshot(page, 'calendar-desktop-list');
  assert.deepEqual(await axe(page), []);

  // Choose the campaign and export it, by keyboard.
  await tabTo(page, '.campaign-choose input');
  await page.keyboard.press('Space');
  await tabTo(page, '.export-ics');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const file = path.join(work, 'campaigns.ics');
  await download.saveAs(file);
  const ics = fs.readFileSync(file, 'utf8').replace(/\r\n /g, '');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /DTSTART;VALUE=DATE:20220420\r\nDTEND;VALUE=DATE:20220517\r\n/);
  assert.match(ics, /DTSTART;VALUE=DATE:20220520\r\nDTEND;VALUE=DATE:20220619\r\n/);
  assert.match(ics, /SUMMARY:活动 · 616 实在购物节\r\n/);

  // The month view: April 2022 opens with the sign-up; a month on by keyboard, the event starts.
  await tabTo(page, '.view-switch button:nth-child(2)');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.month-grid');
  assert.match(await page.textContent('.month-title'), /2022 年 4 月/);
  assert.match(await page.textContent('td[data-day="2022-04-20"]'), /报名 · 616 实在购物节/);
  assert.equal(await page.$$eval('td[data-day="2022-04-19"] .phase', (p) => p.length), 0);
  await tabTo(page, '.month-next');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.month-title').textContent.includes('5 月'));
  assert.match(await page.textContent('td[data-day="2022-05-16"]'), /报名/);
  assert.match(await page.textContent('td[data-day="2022-05-20"]'), /活动 · 616 实在购物节/);
  assert.equal(await page.$$eval('td[data-day="2022-05-18"] .phase', (p) => p.length), 0);
  await screenshot(page, 'calendar-desktop-month');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the calendar on a phone, in English too', async () => {
  const page = await app.page({ viewport: { width: 390, height: 844 } });
  await page.goto(`${app.url}merchant/${SHOP}/calendar`);
  await page.waitForSelector('.campaign', { timeout: 90_000 });
  await screenshot(page, 'calendar-phone');
  assert.deepEqual(await axe(page), []);
  await page.selectOption('#lang-select', 'en');
  await page.waitForSelector('text=Campaign calendar');
  await page.click('.view-switch button:nth-child(2)');
  await page.waitForSelector('.month-grid');
  await screenshot(page, 'calendar-phone-month-en');
  assert.deepEqual(await axe(page), []);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scroll');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
