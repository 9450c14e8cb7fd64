// The cold-start assistant (/merchant/<id>/coldstart) for the newest shop in the demo data, by
// keyboard from its merchant page: the steps, the next step and the cohort evidence exactly as
// `livetrust coldstart` reports them, the members table opened by keyboard, the next step's link
// followed; a shop whose cohort is too thin says so; phone and desktop, English, axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { start, axe, screenshot } from './harness.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const CLI = process.env.LIVETRUST_CLI ?? path.join(here, '../../target/debug/livetrust');
// Where each kind of goal's work is done (the next step's link).
const ACTION = {
  shortVideoOrders: 'clip', liveSessions: 'preview', orders: 'preview', followers: 'preview',
  repeatBuyers: 'reviews', positiveReviews: 'reviews',
};

let app;
let work;
let newest; // { id, report }: the shop that opened last, with its cold-start report
let thin; // the newest shop whose cohort is too thin to compare

before(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-coldstart-'));
  const demo = path.join(work, 'demo');
  execFileSync(CLI, ['demo', '--out', demo], { stdio: 'ignore' });
  const merchants = fs.readFileSync(path.join(demo, 'merchants.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  merchants.sort((a, b) => b.startDate.localeCompare(a.startDate) || b.id.localeCompare(a.id));
  const report = (id) => JSON.parse(execFileSync(CLI, ['coldstart', '--data', demo, '--merchant', id], { encoding: 'utf8' }));
  newest = { id: merchants[0].id, report: report(merchants[0].id) };
  for (const m of merchants.slice(1, 40)) {
    const r = report(m.id);
    if (r.evidence.questions[0].verdict === 'tooThin') { thin = { id: m.id, report: r }; break; }
  }
  assert.ok(thin, 'some new shop has a thin cohort');
  app = await start();
});

after(async () => {
  await app?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function tabTo(page, selector, key = 'Tab') {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`${selector} is not reachable by ${key}`);
}

const fixed = (v) => (v === undefined ? '–' : v.toFixed(1));
const signed = (v) => `${v >= 0 ? '+' : ''}${v.toFixed(1)}`;

test('a new shop’s assistant by keyboard: steps, next step and evidence as the CLI, members, the next step’s page', async () => {
  const { id, report } = newest;
  assert.ok(report.next, 'the newest shop is still in its cold start');
  assert.ok(report.evidence.own && !report.evidence.own.pathsFinal, 'the newest shop is young');
  const page = await app.page({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${app.url}merchant/${id}`);
  await page.waitForSelector('.coldstart-link', { timeout: 90_000 });
  await tabTo(page, '.coldstart-link');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.cold-steps');
  assert.equal(new URL(page.url()).pathname, `/merchant/${id}/coldstart`);

  // The steps, in plan order, with their status and progress.
  const steps = await page.$$eval('.cold-step', (lis) => lis.map((li) => ({
    id: li.dataset.step,
    status: ['done', 'next', 'later'].find((s) => li.classList.contains(`step-${s}`)),
    progress: li.querySelector('.step-progress').textContent,
  })));
  assert.deepEqual(steps.map((s) => [s.id, s.status]), report.steps.map((s) => [s.id, s.status]));
  report.steps.forEach((s, i) => assert.match(steps[i].progress, new RegExp(`^${s.value} / ${s.target}，`)));
  const next = report.steps.find((s) => s.id === report.next);
  assert.equal(await page.getAttribute('.next-step', 'data-step'), next.id);
  assert.match(await page.textContent('.next-progress'), new RegExp(`还差 ${next.missing}$`));
  assert.match(await page.textContent('.next-step'), new RegExp(next.unlocks.name));
  assert.match(await page.textContent('.coldstart-summary'), new RegExp(`已完成 ${report.done}/${report.steps.length} 步 · 开店第 ${Math.max(1, report.evidence.own.daysOpen)} 天`));
  assert.equal(await page.getAttribute('.coldstart-progress', 'value'), String(report.done));

  // The evidence: every table figure is the CLI's.
  const e = report.evidence;
  assert.match(await page.textContent('.cohort-who'), new RegExp(`${e.members.length} 家`));
  for (const q of e.questions) {
    const chart = `.cohort-chart[data-question="${q.question[0].toUpperCase()}${q.question.slice(1)}"]`;
    const rows = await page.$$eval(`${chart} tbody tr`, (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    q.paths.forEach((p, i) => {
      assert.deepEqual(rows[i].slice(1), [String(p.merchants), fixed(p.mean), fixed(p.median), p.min === undefined ? '–' : `${p.min}–${p.max}`]);
    });
    assert.equal(rows.length, q.paths.length + (q.unclassified > 0 ? 1 : 0));
    if (q.difference) {
      const d = q.difference;
      assert.equal(await page.textContent(`${chart} tfoot td`), `${signed(d.estimate)} [${d.low.toFixed(1)}, ${d.high.toFixed(1)}]`);
    }
    const verdict = await page.getAttribute(`${chart} .verdict`, 'class');
    assert.ok(verdict.includes(`verdict-${q.verdict[0].toUpperCase()}${q.verdict.slice(1)}`), verdict);
  }
  const first = e.questions[0];
  if (first.verdict === 'favours') {
    const label = { shortVideoFirst: '先短视频', liveFirst: '先直播' }[first.favoured];
    assert.match(await page.textContent('.cohort-chart .verdict'), new RegExp(`^${label}的店`));
  }
  if (e.own.channelPath) {
    const label = { shortVideoFirst: '先短视频', liveFirst: '先直播' }[e.own.channelPath];
    assert.match(await page.textContent('.cohort-chart .own-path'), new RegExp(`你的店目前：${label}`));
  }
  await screenshot(page, 'coldstart-desktop');
  assert.deepEqual(await axe(page), []);

  // The members, opened by keyboard.
  await tabTo(page, '.cohort-members summary');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.cohort-members[open] tbody tr');
  const members = await page.$$eval('.cohort-members tbody tr', (trs) => trs.map((tr) => [tr.dataset.merchant, tr.cells[4].textContent]));
  assert.deepEqual(members, e.members.map((m) => [m.merchantId, String(m.outcomeOrders)]));
  await screenshot(page, 'coldstart-desktop-members');
  assert.deepEqual(await axe(page), []);

  // Back up to the next step and follow it to where its work is done.
  await tabTo(page, '.next-action', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/merchant/${id}/${ACTION[next.goal.kind]}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a phone, in English too; a shop with too few similar shops is told so', async () => {
  const page = await app.page({ viewport: { width: 390, height: 844 } });
  await page.goto(`${app.url}merchant/${newest.id}/coldstart`);
  await page.waitForSelector('.cold-steps', { timeout: 90_000 });
  await screenshot(page, 'coldstart-phone');
  assert.deepEqual(await axe(page), []);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scroll');
  await page.selectOption('#lang-select', 'en');
  await page.waitForSelector('text=Cold-start assistant');
  assert.match(await page.textContent('.coldstart-summary'), new RegExp(`^${newest.report.done} of ${newest.report.steps.length} steps done`));
  await screenshot(page, 'coldstart-phone-en');
  assert.deepEqual(await axe(page), []);

  await page.goto(`${app.url}merchant/${thin.id}/coldstart`);
  await page.waitForSelector('.cold-steps', { timeout: 90_000 });
  const q = thin.report.evidence.questions[0];
  const [a, b] = q.paths;
  assert.match(await page.textContent('.cohort-chart .verdict'),
    new RegExp(`^Too few similar shops to tell: each path needs at least 5; now .* has ${a.merchants} and .* has ${b.merchants}\\.$`));
  // No interval is shown for a question too thin to answer.
  assert.equal((await page.$$('.cohort-chart[data-question="ShortVideoOrLive"] tfoot')).length, 0);
  assert.equal((await page.$$('.cohort-members')).length, thin.report.evidence.members.length > 0 ? 1 : 0);
  await screenshot(page, 'coldstart-phone-thin-en');
  assert.deepEqual(await axe(page), []);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scroll');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
