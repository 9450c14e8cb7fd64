// A merchant loads their own data files on the import page: picked (picks add up, files can be
// removed) or dropped, read in the browser, reported in the reader's language, and — once used —
// kept in this browser across reloads until they go back to the demo. Each test runs as a
// person would, on a phone and on a desktop.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, axe, screenshot } from './harness.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const cases = JSON.parse(fs.readFileSync(path.join(here, '../../crates/core/tests/cases/validate.json'), 'utf8'));
const asFiles = (files) => files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.text) }));
const clean = cases[0].files;
const VIEWPORTS = [
  ['phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
  ['desktop', { viewport: { width: 1280, height: 900 } }],
];

let app;
before(async () => { app = await start(); });
after(async () => { await app?.close(); });

async function openImport(options) {
  const page = await app.page({ locale: 'zh-CN', ...options });
  await page.goto(`${app.url}import`);
  await page.locator('#import-files').waitFor({ state: 'attached', timeout: 20000 });
  return page;
}

test('picking clean files reports every record valid, nothing is uploaded, and the data survive a reload until the demo is chosen again', async () => {
  for (const [name, options] of VIEWPORTS) {
    const page = await openImport(options);
    const requests = [];
    page.on('request', (r) => { if (r.method() !== 'GET') requests.push(`${r.method()} ${r.url()}`); });
    await page.setInputFiles('#import-files', asFiles(clean));
    await page.locator('.summary.ok').waitFor({ timeout: 10000 });
    assert.equal(await page.locator('.summary').textContent(), '全部 15 条记录校验通过。');
    assert.equal(await page.locator('table.files tbody tr').count(), 6);
    assert.deepEqual(await page.locator('table.files tbody td:nth-child(2)').allTextContents(),
      ['类目', '商家', '商品', '订单', '评价', '客服记录'], `${name}: table names in Chinese`);
    assert.equal(await page.locator('table.problems').count(), 0);
    await page.getByRole('button', { name: '用这些数据计算回头客推荐指数' }).click();
    await page.locator('h1', { hasText: '直播间' }).waitFor({ timeout: 10000 });
    assert.deepEqual((await page.locator('.merchant-name').allTextContents()).sort(), ['山里鲜果园', '木匠老李'].sort());
    assert.match(await page.locator('.source-banner').textContent(), /当前显示：你导入的数据（2 家商家，来自 6 个文件/);
    // A reload comes back to the merchant's data, not the demo.
    await page.reload();
    await page.locator('.merchant').first().waitFor({ timeout: 30000 });
    assert.deepEqual((await page.locator('.merchant-name').allTextContents()).sort(), ['山里鲜果园', '木匠老李'].sort(),
      `${name}: the imported data are still there after a reload`);
    assert.equal(await page.locator('.source-banner').getAttribute('data-source'), 'imported');
    await screenshot(page, `live-room-imported-${name}`);
    // The import page still shows what was imported.
    await page.locator('nav').getByRole('link', { name: '导入数据' }).click();
    await page.locator('table.files').waitFor({ timeout: 10000 });
    assert.equal(await page.locator('.picked-files li').count(), 6);
    // Back to the demo: it stays the demo after a reload.
    await page.getByRole('button', { name: '回到演示数据' }).click();
    await page.waitForFunction(() => document.querySelector('.source-banner')?.dataset.source === 'demo', null, { timeout: 30000 });
    await page.reload();
    await page.locator('.source-banner[data-source="demo"]').waitFor({ timeout: 30000 });
    assert.deepEqual(requests, [], `${name}: the files never leave the browser`);
    assert.deepEqual(page.errors, [], name);
    await page.context().close();
  }
});

test('a browser that refuses to keep the files still shows them, and says a reload returns to the demo', async () => {
  for (const [name, options] of VIEWPORTS) {
    const page = await app.page({ locale: 'zh-CN', ...options });
    // As in a private window with storage switched off: no IndexedDB at all.
    await page.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { value: undefined }); });
    await page.goto(`${app.url}import`);
    await page.locator('#import-files').waitFor({ state: 'attached', timeout: 20000 });
    await page.setInputFiles('#import-files', asFiles(clean));
    await page.locator('.summary.ok').waitFor({ timeout: 10000 });
    await page.getByRole('button', { name: '用这些数据计算回头客推荐指数' }).click();
    await page.locator('h1', { hasText: '直播间' }).waitFor({ timeout: 10000 });
    assert.deepEqual((await page.locator('.merchant-name').allTextContents()).sort(), ['山里鲜果园', '木匠老李'].sort());
    assert.match(await page.locator('.source-banner').textContent(), /本浏览器拒绝保存它们.*刷新后会回到演示数据/, name);
    await page.reload();
    await page.locator('.source-banner[data-source="demo"]').waitFor({ timeout: 30000 });
    assert.deepEqual(page.errors, [], name);
    await page.context().close();
  }
});

test('problems are sentences in the reader\'s language, grouped, with a fix and the parser\'s detail', async () => {
  // Ten orders of a merchant that is not in the files: one row, counted, with the fix.
  const orders = Array.from({ length: 10 }, (_, i) => JSON.stringify({
    id: `x${i}`, buyerId: 'b1', merchantId: 'm9', productId: 'p1', channel: 'shop', quantity: 1, amountFen: 100,
    paidAt: '2026-11-01T12:00:00Z',
  })).join('\n');
  const files = [...cases[1].files, { name: 'more/orders.ndjson', text: orders }, { name: 'readme.txt', text: 'hello' }];
  for (const [name, options] of VIEWPORTS) {
    const page = await openImport(options);
    await page.setInputFiles('#import-files', asFiles(files));
    await page.locator('table.problems').waitFor({ timeout: 10000 });
    const rows = await page.locator('table.problems tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      count: Number(tr.dataset.count), kind: tr.dataset.kind, file: tr.cells[0].textContent,
      records: tr.cells[1].textContent, problem: tr.querySelector('.problem').textContent,
      fix: tr.querySelector('.fix')?.textContent ?? null, detail: tr.querySelector('.detail code').textContent,
    })));
    const summary = await page.locator('.summary').textContent();
    const total = Number(summary.match(/共发现 (\d+) 个问题/)[1]);
    assert.equal(rows.reduce((n, r) => n + r.count, 0), total, `${name}: every problem is in a row`);
    const m9 = rows.find((r) => r.file === 'more/orders.ndjson');
    assert.equal(m9.count, 10);
    assert.equal(m9.records, '第 1、2、3、4、5、6 条等，共 10 条');
    assert.equal(m9.problem, '字段「merchantId」引用的商家「m9」不在数据中（或那条记录被跳过了）。');
    assert.match(m9.fix, /请同时选择商家表（merchants\.ndjson/);
    assert.match(m9.detail, /^merchantId: refers to merchant `m9`/);
    const negative = rows.find((r) => r.detail.startsWith('amountFen'));
    assert.equal(negative.problem, '字段「amountFen」不能为负数。');
    for (const r of rows) assert.ok(!/expected|invalid type|unknown variant/.test(r.problem), `${name}: ${r.problem}`);
    // The unrecognised file is listed with the files, its problem as the whole file's.
    const unrecognised = page.locator('table.files tr.unrecognised');
    assert.deepEqual(await unrecognised.locator('td:first-child').allTextContents(), ['notes.txt', 'readme.txt']);
    assert.equal(await unrecognised.locator('td').nth(1).textContent(), '无法识别');
    assert.equal(rows.find((r) => r.file === 'notes.txt').records, '整个文件');
    // Every sentence is on screen, not in a column pushed past the edge of a phone.
    const width = options.viewport.width;
    for (const box of await page.locator('table.problems .problem').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
      assert.ok(box.left >= 0 && box.right <= width, `${name}: a problem sentence spans ${box.left}–${box.right}`);
    }
    await screenshot(page, `import-problems-${name}`);
    assert.deepEqual(await axe(page), [], name);
    // The same in English.
    await page.selectOption('#lang-select', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const en = await page.locator('table.problems tbody tr .problem').allTextContents();
    assert.ok(en.includes('Field “merchantId” refers to merchants “m9”, which is not in the data (or was skipped).'), en.join('\n'));
    assert.deepEqual(page.errors, [], name);
    await page.context().close();
  }
});

test('picks add up, a file can be removed, and the index says which tables it still needs', async () => {
  const byName = (names) => clean.filter((f) => names.includes(f.name));
  for (const [name, options] of VIEWPORTS) {
    const page = await openImport(options);
    await page.setInputFiles('#import-files', asFiles(byName(['categories.json', 'merchants.csv'])));
    await page.locator('.picked-files li').nth(1).waitFor({ timeout: 10000 });
    const button = page.getByRole('button', { name: '用这些数据计算回头客推荐指数' });
    assert.equal(await button.isDisabled(), true, `${name}: no orders yet`);
    assert.match(await page.locator('#compute-why').textContent(), /还缺少有效的商品、订单数据/);
    await page.setInputFiles('#import-files', asFiles(byName(['products.ndjson', 'orders.ndjson', 'reviews.csv'])));
    await page.locator('.picked-files li').nth(4).waitFor({ timeout: 10000 });
    assert.equal(await page.locator('.picked-files li').count(), 5, `${name}: the second pick adds to the first`);
    assert.equal(await button.isDisabled(), false);
    // Remove the products: orders now refer to unknown products, and the index needs them.
    await page.getByRole('button', { name: '移除 products.ndjson' }).click();
    await page.locator('.picked-files li').nth(3).waitFor({ timeout: 10000 });
    assert.equal(await page.locator('.picked-files li').count(), 4);
    assert.match(await page.locator('#compute-why').textContent(), /还缺少有效的商品、订单数据/);
    assert.ok(await page.locator('table.problems .fix', { hasText: 'products' }).count() > 0, `${name}: the fix names the products table`);
    // The session stays while the merchant looks elsewhere.
    await page.locator('nav').getByRole('link', { name: '直播间' }).click();
    await page.locator('h1', { hasText: '直播间' }).waitFor({ timeout: 10000 });
    await page.locator('nav').getByRole('link', { name: '导入数据' }).click();
    await page.locator('.picked-files li').nth(3).waitFor({ timeout: 10000 });
    assert.equal(await page.locator('.picked-files li').count(), 4, `${name}: the report is still there`);
    await page.getByRole('button', { name: '清空所选文件' }).click();
    assert.equal(await page.locator('.picked-files li').count(), 0);
    await screenshot(page, `import-picks-${name}`);
    assert.deepEqual(page.errors, [], name);
    await page.context().close();
  }
});

test('files can be dropped onto the page', async () => {
  const page = await openImport({});
  const dataTransfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name));
    return dt;
  }, clean);
  await page.dispatchEvent('.drop-zone', 'dragover', { dataTransfer });
  await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer });
  await page.locator('.summary.ok').waitFor({ timeout: 10000 });
  assert.equal(await page.locator('table.files tbody tr').count(), 6);
  assert.deepEqual(page.errors, []);
});
