// The trust-weighted natural traffic model: the what-if panel on the merchant page, edited by
// keyboard, says what the new score would mean for natural exposure exactly as `livetrust
// traffic --what-if-score` does; its link leads to the traffic page, whose model section (the
// sentence, the curve's table, the assumptions opened by keyboard) equals `livetrust traffic`;
// phone and desktop, English, axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { start, axe, screenshot, OUT } from './harness.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const CLI = process.env.LIVETRUST_CLI ?? path.join(here, '../../target/debug/livetrust');
const ID = 'm0001';

let app;
let work;
let demo;
let today;

const traffic = (...args) =>
  JSON.parse(execFileSync(CLI, ['traffic', '--data', demo, '--merchant', ID, ...args], { encoding: 'utf8' }));
// Rust's `{:.0}` of an exposure; `{:+.1}%` of a change.
const count = (v) => Math.max(v, 0).toFixed(0);
const signed = (v) => `${v >= 0 ? '+' : ''}${v.toFixed(1)}%`;

before(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-natural-'));
  demo = path.join(work, 'demo');
  execFileSync(CLI, ['demo', '--out', demo], { stdio: 'ignore' });
  today = traffic();
  assert.equal(today.verdict, 'estimated', 'the demo fits the model');
  app = await start();
});

after(async () => {
  await app?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function tabTo(page, selector) {
  for (let i = 0; i < 250; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`${selector} is not reachable by Tab`);
}

test('a what-if score’s natural traffic by keyboard, as the CLI, and on to the model', async () => {
  const page = await app.page({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${app.url}merchant/${ID}`);
  await page.waitForSelector('#what-if-positiveReviewRate', { timeout: 90_000 });
  await tabTo(page, '#what-if-positiveReviewRate');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('100');
  await page.waitForSelector('.what-if-traffic');
  const score = Number(await page.getAttribute('.what-if-traffic', 'data-score'));
  assert.ok(score > today.score, `the edit raises the score: ${score} > ${today.score}`);
  const r = traffic('--what-if-score', String(score));
  const w = r.whatIf;
  const text = await page.textContent('.what-if-traffic');
  assert.ok(
    text.includes(`每场自然曝光约 ${count(r.baselineExposure)} → ${count(w.expectedExposure.estimate)}（${signed(w.changePercent.estimate)}，90% 区间 ${count(w.expectedExposure.low)} 至 ${count(w.expectedExposure.high)}）`),
    text,
  );
  assert.ok(text.includes(`其他店铺的自然流量变化 ${signed(w.peersChangePercent)}`), text);
  await page.locator('.what-if-traffic').scrollIntoViewIfNeeded();
  await screenshot(page, 'natural-what-if-desktop');
  assert.deepEqual(await axe(page), []);

  await tabTo(page, '.natural-link');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#trust-traffic .natural-verdict');
  assert.equal(new URL(page.url()).pathname, `/merchant/${ID}/traffic`);
  assert.equal(await page.getAttribute('#trust-traffic .natural-verdict', 'data-verdict'), 'Estimated');
  const summary = await page.textContent('#trust-traffic .natural-verdict');
  const e = today.elasticity;
  for (const part of [
    `从 ${today.merchantsFitted} 家店、${today.categoriesFitted} 个二级类目拟合`,
    `约多 ${e.estimate.toFixed(2)}%（弹性 90% 区间 ${e.low.toFixed(2)} 至 ${e.high.toFixed(2)}）`,
    `你现在 ${today.score.toFixed(1)} 分，平常每场约 ${count(today.baselineExposure)} 次自然曝光`,
    `${today.categoryMerchants} 家有流量的店里分得约 ${today.sharePercent.toFixed(1)}%`,
  ]) {
    assert.ok(summary.includes(part), `${part} in ${summary}`);
  }
  const rows = await page.$$eval('.natural-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(
    rows,
    today.curve.map((p) => [p.score.toFixed(0), count(p.expectedExposure.estimate), count(p.expectedExposure.low), count(p.expectedExposure.high)]),
  );
  await page.locator('#trust-traffic').scrollIntoViewIfNeeded();
  await screenshot(page, 'natural-traffic-desktop');
  await tabTo(page, '#trust-traffic .assumptions summary');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#trust-traffic .assumptions[open] li');
  const assumptions = await page.$$eval('#trust-traffic .assumptions li', (li) => li.map((x) => x.textContent));
  assert.equal(assumptions.length, 5);
  assert.ok(assumptions[0].includes('粉丝数 + 24000'), assumptions[0]);
  assert.ok(assumptions[3].includes('总量不变'), assumptions[3]);
  await screenshot(page, 'natural-traffic-desktop-assumptions');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the model on a phone, in English', async () => {
  const page = await app.page({ viewport: { width: 390, height: 844 } });
  await page.goto(`${app.url}merchant/${ID}/traffic`);
  await page.waitForSelector('#trust-traffic .natural-verdict', { timeout: 90_000 });
  await page.locator('#trust-traffic').scrollIntoViewIfNeeded();
  await screenshot(page, 'natural-traffic-phone');
  assert.deepEqual(await axe(page), []);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scroll');
  await page.selectOption('#lang-select', 'en');
  await page.waitForSelector('text=Trust-weighted natural traffic');
  assert.match(await page.textContent('#trust-traffic .natural-verdict'), /^Fitted on \d+ shops in \d+ L2 categories: a 1 % higher index brings about /);
  await page.locator('#trust-traffic').scrollIntoViewIfNeeded();
  await screenshot(page, 'natural-traffic-phone-en');
  // The section alone, at the phone's size: the full page is too long to read the chart in.
  await page.locator('#trust-traffic').screenshot({ path: path.join(OUT, 'natural-traffic-phone-en-section.png') });
  assert.deepEqual(await axe(page), []);

  await page.goto(`${app.url}merchant/${ID}`);
  await page.waitForSelector('#what-if-positiveReviewRate', { timeout: 90_000 });
  await page.fill('#what-if-positiveReviewRate', '100');
  await page.waitForSelector('.what-if-traffic');
  assert.match(await page.textContent('.what-if-traffic'), /^By the trust-weighted traffic model, natural exposure per session goes from about \d+ to \d+ /);
  await page.locator('.what-if-traffic').scrollIntoViewIfNeeded();
  await screenshot(page, 'natural-what-if-phone-en');
  await page.locator('.what-if').screenshot({ path: path.join(OUT, 'natural-what-if-phone-en-section.png') });
  assert.deepEqual(await axe(page), []);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scroll');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
