// The "1+N" push leverage page (/merchant/<id>/traffic) by keyboard from the merchant page: the
// lift with its interval, the ROI and every session's exposure exactly as `livetrust leverage`
// reports them; the assumptions opened by keyboard; a shop without enough data and one that
// never pushes get no number; phone and desktop, English, axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { start, axe, screenshot } from './harness.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const CLI = process.env.LIVETRUST_CLI ?? path.join(here, '../../target/debug/livetrust');

let app;
let work;
let estimated; // { id, report }
let thin; // a pushing shop without enough data
let never; // a shop that never pushes

before(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-traffic-'));
  const demo = path.join(work, 'demo');
  execFileSync(CLI, ['demo', '--out', demo], { stdio: 'ignore' });
  const market = JSON.parse(execFileSync(CLI, ['leverage', '--data', demo, '--market'], { encoding: 'utf8' }));
  const report = (id) => JSON.parse(execFileSync(CLI, ['leverage', '--data', demo, '--merchant', id], { encoding: 'utf8' }));
  const pick = (verdict) => market.merchants.find((m) => m.verdict === verdict)?.merchantId;
  estimated = { id: pick('estimated') };
  estimated.report = report(estimated.id);
  thin = { id: pick('notEnoughData') };
  thin.report = report(thin.id);
  never = { id: pick('noPushes') };
  assert.ok(estimated.id && thin.id && never.id, 'the demo has shops of every kind');
  app = await start();
});

after(async () => {
  await app?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function tabTo(page, selector) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`${selector} is not reachable by Tab`);
}

const pct = (v) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}%`;
const yuan = (fen) => (fen % 100 === 0 ? String(fen / 100) : `${Math.trunc(fen / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`);

test('an estimated shop’s leverage by keyboard: lift, ROI and every session as the CLI', async () => {
  const { id, report } = estimated;
  const page = await app.page({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${app.url}merchant/${id}`);
  await page.waitForSelector('.traffic-link', { timeout: 90_000 });
  await tabTo(page, '.traffic-link');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.leverage-verdict');
  assert.equal(new URL(page.url()).pathname, `/merchant/${id}/traffic`);
  assert.equal(await page.getAttribute('.leverage-verdict', 'data-verdict'), 'Estimated');
  const l = report.lift;
  assert.equal(await page.textContent('.lift-value'), pct(l.estimate));
  assert.match(await page.textContent('.lift-chart figcaption'), new RegExp(`${pct(l.low).replace('+', '\\+')} – ${pct(l.high).replace('+', '\\+')}`));
  assert.match(await page.textContent('.leverage-verdict'), new RegExp(`${report.pushes} 场投流.*共 ${report.leveredSessions} 场`));
  assert.equal(await page.textContent('.roi-paid .roi-value'), report.roiPaidOnly.toFixed(2));
  assert.equal(await page.textContent('.roi-levered .roi-value'), report.roiWithLevered.estimate.toFixed(2));
  const rows = await page.$$eval('.exposure-table tbody tr', (trs) => trs.map((tr) => [tr.dataset.session, ...[...tr.cells].slice(1, 5).map((c) => c.textContent)]));
  assert.deepEqual(rows, report.timeline.map((s) => [s.sessionId, String(s.naturalExposure), String(s.paidExposure), yuan(s.paidSpendFen), yuan(s.gmvFen)]));
  assert.equal(await page.$$eval('.exposure-col.col-pushed', (c) => c.length), report.pushes);
  assert.equal(await page.$$eval('.exposure-col.col-levered', (c) => c.length), report.leveredSessions);
  await screenshot(page, 'traffic-desktop');
  assert.deepEqual(await axe(page), []);
  await tabTo(page, '.assumptions summary');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.assumptions[open] li');
  await screenshot(page, 'traffic-desktop-assumptions');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a phone, in English; without enough data or without pushes there is no number', async () => {
  const page = await app.page({ viewport: { width: 390, height: 844 } });
  await page.goto(`${app.url}merchant/${estimated.id}/traffic`);
  await page.waitForSelector('.leverage-verdict', { timeout: 90_000 });
  await screenshot(page, 'traffic-phone');
  assert.deepEqual(await axe(page), []);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scroll');
  await page.selectOption('#lang-select', 'en');
  await page.waitForSelector('text=Push leverage (1+N)');
  assert.match(await page.textContent('.leverage-verdict'), /^Your pushes raised the live room's natural exposure by /);
  await screenshot(page, 'traffic-phone-en');
  assert.deepEqual(await axe(page), []);

  await page.goto(`${app.url}merchant/${thin.id}/traffic`);
  await page.waitForSelector('.leverage-verdict', { timeout: 90_000 });
  assert.equal(await page.getAttribute('.leverage-verdict', 'data-verdict'), 'NotEnoughData');
  assert.match(await page.textContent('.leverage-verdict'), /^Not enough data/);
  assert.equal((await page.$$('.lift-chart, .roi-levered')).length, 0);
  assert.equal(await page.$$eval('.exposure-table tbody tr', (r) => r.length), thin.report.timeline.length);
  await screenshot(page, 'traffic-phone-thin-en');
  assert.deepEqual(await axe(page), []);

  await page.goto(`${app.url}merchant/${never.id}/traffic`);
  await page.waitForSelector('.leverage-verdict', { timeout: 90_000 });
  assert.equal(await page.getAttribute('.leverage-verdict', 'data-verdict'), 'NoPushes');
  assert.equal((await page.$$('.lift-chart, .roi-card')).length, 0);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scroll');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
