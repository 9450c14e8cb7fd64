// A merchant reads their back office on a phone and on a desktop: suggestions in the right words,
// a what-if that checks what they type, why there is no tier, what each number means, and charts
// and tables readable on a small screen. Expectations come from the native CLI's reports for the
// same demo data, and from what the words must mean (a refund rate is lowered, never raised).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, axe, screenshot } from './harness.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const CLI = process.env.LIVETRUST_CLI ?? path.join(here, '../../target/debug/livetrust');
const VIEWPORTS = [
  ['phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
  ['desktop', { viewport: { width: 1280, height: 900 } }],
];
const TIER_ZH = { leading: '领先', average: '平均', slightlyBelow: '略低于同行' };
// What a merchant does to each metric to improve it: rates of bad outcomes are lowered, waiting
// times are cut, everything else is raised.
const LOWER = new Set(['qualityRefundRate', 'dissatisfactionRate', 'complaintRate']);
const SHORTEN = new Set(['refundOnlyHours', 'returnRefundHours', 'deliveryHours', 'firstResponseMinutes']);
const verbOf = (metric) => (LOWER.has(metric) ? '降低' : SHORTEN.has(metric) ? '缩短' : '提升');

let app;
let reports;
before(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-demo-'));
  execFileSync(CLI, ['demo', '--out', dir], { stdio: 'ignore' });
  reports = JSON.parse(execFileSync(CLI, ['index', '--data', dir], { maxBuffer: 1 << 28 }).toString());
  fs.rmSync(dir, { recursive: true, force: true });
  app = await start();
});
after(async () => { await app?.close(); });

async function openMerchant(id, options, ready = '.overall') {
  const page = await app.page({ locale: 'zh-CN', ...options });
  await page.goto(`${app.url}merchant/${id}`);
  await page.locator(ready).first().waitFor({ timeout: 30000 });
  return page;
}

test('suggestions lower what should go down, promise only a new tier and at least a point', async () => {
  // A leading shop with a suggestion for a lower-is-better metric: the wrong verb and an empty
  // promise of the tier it has would both show here.
  const r = reports.find((x) => x.placement.tier === 'leading'
    && x.suggestions.slice(0, 6).some((s) => LOWER.has(s.metric) || SHORTEN.has(s.metric)))
    ?? reports.find((x) => x.suggestions.slice(0, 6).some((s) => LOWER.has(s.metric) || SHORTEN.has(s.metric)));
  assert.ok(r, 'the demo has a shop told to lower or cut a metric');
  for (const [name, options] of VIEWPORTS) {
    const page = await openMerchant(r.merchantId, options);
    const shown = await page.locator('.suggestions li').allTextContents();
    assert.equal(shown.length, Math.min(6, r.suggestions.length), name);
    shown.forEach((text, i) => {
      const s = r.suggestions[i];
      assert.match(text, new RegExp(`从.+${verbOf(s.metric)}到`), `${name}: ${s.metric}: ${text}`);
      const gain = Number(text.match(/综合 \+(\d+\.\d) 分/)[1]);
      assert.ok(gain >= 1.0, `${name}: a suggestion worth at least a point: ${text}`);
      if (r.placement.tier) {
        assert.ok(!text.includes(`层级变为「${TIER_ZH[r.placement.tier]}」`), `${name}: no promise of the tier it has: ${text}`);
      }
    });
    // The same words in English: "Lower" / "Cut", never "Raise" for those metrics.
    await page.selectOption('#lang-select', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const en = await page.locator('.suggestions li').allTextContents();
    en.forEach((text, i) => {
      const m = r.suggestions[i].metric;
      const verb = LOWER.has(m) ? 'Lower' : SHORTEN.has(m) ? 'Cut' : 'Raise';
      assert.ok(text.startsWith(`${verb} `), `${name}: ${m}: ${text}`);
    });
    assert.deepEqual(page.errors, [], name);
    await page.context().close();
  }
});

test('the what-if shows units, checks ranges as the merchant types, drops cleared fields, and shows before → after', async () => {
  const r = reports.find((x) => x.placement.status === 'tiered'
    && x.metrics.some((m) => m.metric === 'refundOnlyHours' && m.raw !== null)
    && x.metrics.some((m) => m.metric === 'repeatBuyerRate' && m.raw !== null));
  assert.ok(r, 'the demo has a tiered shop with refund times and repeat buyers');
  for (const [name, options] of VIEWPORTS) {
    const page = await openMerchant(r.merchantId, options);
    const label = (metric) => page.locator(`label[for="what-if-${metric}"]`);
    assert.match(await label('refundOnlyHours').textContent(), /（小时）$/, name);
    assert.match(await label('firstResponseMinutes').textContent(), /（分钟）$/, name);
    assert.match(await label('repeatBuyerRate').textContent(), /（%）$/, name);
    if (await label('liveEngagement').count()) assert.match(await label('liveEngagement').textContent(), /（条\/千人分钟）$/);
    const hours = page.locator('#what-if-refundOnlyHours');
    const repeat = page.locator('#what-if-repeatBuyerRate');
    const result = page.locator('.what-if-result');
    // A negative duration and a rate over 100 % are refused on the spot, naming the range.
    await hours.fill('-5');
    assert.equal(await hours.getAttribute('aria-invalid'), 'true', name);
    assert.equal(await page.locator('#what-if-refundOnlyHours-error').textContent(), '请输入 0–720 之间的数（单位：小时）');
    assert.equal(await result.textContent(), '请先修正标出的数值。', `${name}: no result from a wrong value`);
    await hours.fill('');
    await repeat.fill('150');
    assert.equal(await repeat.getAttribute('aria-invalid'), 'true', name);
    assert.match(await page.locator('#what-if-repeatBuyerRate-error').textContent(), /0–100.*%/);
    // A value in range gives the score, the tier and every dimension before and after.
    await repeat.fill('60');
    assert.equal(await repeat.getAttribute('aria-invalid'), 'false');
    await page.locator('.what-if-dimensions').waitFor({ timeout: 5000 });
    const before = r.overall.value.toFixed(1);
    const text = await result.textContent();
    assert.match(text, new RegExp(`^模拟综合得分 ${before.replace('.', '\\.')} → \\d+\\.\\d（[+-]\\d+\\.\\d）；同行位置 ${TIER_ZH[r.placement.tier]} · 超过${r.placement.betterThanPercent}%同行 → `), `${name}: ${text}`);
    assert.ok(!/超过100%/.test(text), text);
    // Losing the tier with a higher score is explained, as for today's placement.
    if (text.endsWith('暂无足够数据')) assert.ok(await page.locator('.what-if-why li').count() > 0, `${name}: why the tier goes`);
    assert.equal(await page.locator('.what-if-dimensions tbody tr').count(), 4);
    const repeatRow = page.locator('.what-if-dimensions tbody tr').nth(3);
    assert.match(await repeatRow.locator('td').nth(1).textContent(), /\(\+\d+\.\d\)$/, `${name}: the repeat-buyer dimension goes up`);
    await screenshot(page, `what-if-${name}`);
    // Clearing the only edited field drops the edit: no stale result.
    await repeat.fill('');
    assert.equal(await page.locator('.what-if-dimensions').count(), 0, `${name}: the result goes with the edit`);
    assert.equal(await result.count(), 0, name);
    assert.deepEqual(await axe(page), [], name);
    assert.deepEqual(page.errors, [], name);
    await page.context().close();
  }
});

test('a shop without a tier is told which metric is too thin and how many more cases it needs', async () => {
  const r = reports.find((x) => x.placement.missing.some((m) => m.kind === 'wideInterval' && m.metric));
  assert.ok(r, 'the demo has a shop whose interval is too wide for a tier');
  const m = r.placement.missing.find((x) => x.kind === 'wideInterval');
  for (const [name, options] of VIEWPORTS) {
    const page = await openMerchant(r.merchantId, options);
    const why = await page.locator('.why-no-tier li').first().textContent();
    assert.ok(why.includes(`可能超过 ${m.low}%–${m.high}% 的同行`), `${name}: ${why}`);
    assert.ok(why.includes(`（样本 ${Math.round(m.sample)}）`) && why.includes(`再有约 ${m.moreCases} 个样本`), `${name}: ${why}`);
    // The badge says the same, in its panel.
    await page.locator('.overall .badge-button').click();
    assert.equal(await page.locator('.overall .badge-why').textContent(), why);
    // Whether a suggestion gets the shop a tier is said with the suggestion.
    const earning = r.suggestions.slice(0, 6).filter((s) => s.newTier);
    const shown = await page.locator('.suggestions li').allTextContents();
    assert.equal(shown.filter((s) => s.includes('可获得层级「')).length, earning.length, name);
    await screenshot(page, `merchant-why-no-tier-${name}`);
    assert.deepEqual(page.errors, [], name);
    await page.context().close();
  }
});

test('every number says what it is: interval, better-than unit, points that add up, weights and windows', async () => {
  const r = reports.find((x) => x.placement.status === 'tiered' && x.overall);
  for (const [name, options] of VIEWPORTS) {
    const page = await openMerchant(r.merchantId, options);
    assert.equal(await page.locator('.overall .hint').textContent(),
      `90% 可信区间 ${r.overall.low.toFixed(1)}–${r.overall.high.toFixed(1)}（数据越少，区间越宽）`);
    const headers = await page.locator('table.metrics thead th').allTextContents();
    assert.ok(headers.includes('超过同行（%）') && headers.includes('贡献分（合计即综合得分）'), headers.join('|'));
    // The points add up to the score (to rounding), and every weight has one decimal.
    const points = (await page.locator('table.metrics tbody td:last-child').allTextContents()).map(Number);
    assert.ok(Math.abs(points.reduce((a, b) => a + b, 0) - r.overall.value) < 0.01 * points.length + 0.05, name);
    const weights = [
      ...await page.locator('table.metrics tbody td:nth-last-child(2)').allTextContents(),
      ...await page.locator('.dimension-chart .data-table tbody td:last-child').allTextContents(),
    ];
    for (const w of weights) assert.match(w, /^\d+\.\d%$/, `${name}: ${w}`);
    const windows = new Set(await page.locator('table.metrics tbody td:nth-child(4)').allTextContents());
    assert.ok(windows.size > 1, 'the demo metrics have different windows');
    assert.match(await page.locator('.merchant-page > .hint').first().textContent(), /统计周期因指标而异/);
    assert.deepEqual(page.errors, [], name);
    await page.context().close();
  }
});

test('on a phone the charts have readable text, the trend labels stay apart and the metrics are cards', async () => {
  const r = reports.find((x) => x.placement.status === 'tiered' && x.overall);
  for (const [name, options] of VIEWPORTS) {
    const page = await openMerchant(r.merchantId, options);
    await page.locator('.trend-chart svg').waitFor({ timeout: 10000 });
    // Rendered size of the chart labels, after the SVG is scaled to the screen.
    const labels = await page.locator('.trend-chart .chart-label').evaluateAll((els) => els.map((e) => {
      const b = e.getBoundingClientRect();
      return { text: e.textContent, x: b.x, y: b.y, w: b.width, h: b.height };
    }));
    for (const l of labels) assert.ok(l.h >= 12, `${name}: «${l.text}» is ${l.h.toFixed(1)} px tall`);
    const overlap = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        assert.ok(!overlap(labels[i], labels[j]), `${name}: «${labels[i].text}» and «${labels[j].text}» overlap`);
      }
    }
    const dimLabel = await page.locator('.dim-label').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(dimLabel >= 12, `${name}: dimension labels at ${dimLabel} px`);
    // Metric names are read as words, not one character per line, and nothing is off screen.
    const names = await page.locator('table.metrics tbody th').evaluateAll((els) => els.map((e) => {
      const style = getComputedStyle(e);
      return { text: e.textContent, lines: Math.round(e.getBoundingClientRect().height / parseFloat(style.lineHeight || '20')) };
    }));
    for (const n of names) assert.ok(n.lines <= 2, `${name}: «${n.text}» takes ${n.lines} lines`);
    const width = options.viewport.width;
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, `${name}: nothing wider than the screen`);
    if (name === 'phone') {
      // Cards: every cell of a metric is visible within the screen, labelled.
      const cells = await page.locator('table.metrics tbody tr').first().locator('td').evaluateAll((tds) => tds.map((td) => {
        const b = td.getBoundingClientRect();
        return { right: b.right, label: getComputedStyle(td, '::before').content };
      }));
      for (const c of cells) {
        assert.ok(c.right <= width, `${name}: a metric cell ends at ${c.right}`);
        assert.notEqual(c.label, 'none', `${name}: each card cell is labelled`);
      }
    }
    await screenshot(page, `merchant-charts-${name}`);
    assert.deepEqual(page.errors, [], name);
    await page.context().close();
  }
});

test('an unknown merchant says so and offers the way back, on a phone and a desktop', async () => {
  for (const [name, options] of VIEWPORTS) {
    const page = await openMerchant('no-such-shop', options, 'h1');
    assert.equal(await page.locator('h1').textContent(), '找不到该商家');
    assert.match(await page.title(), /^找不到该商家 · /);
    await screenshot(page, `merchant-unknown-${name}`);
    assert.deepEqual(await axe(page), [], name);
    await page.getByRole('link', { name: '返回直播间' }).click();
    await page.locator('.merchant').first().waitFor({ timeout: 30000 });
    assert.equal(new URL(page.url()).pathname, '/');
    assert.deepEqual(page.errors, [], name);
    await page.context().close();
  }
});
