// A merchant loads their own data files on the import page: picked or dropped, read in the
// browser, and validated with the same report as the CLI and the wasm package.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, axe, screenshot } from './harness.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const cases = JSON.parse(fs.readFileSync(path.join(here, '../../crates/core/tests/cases/validate.json'), 'utf8'));
const asFiles = (c) => c.files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.text) }));

let app;
before(async () => { app = await start(); });
after(async () => { await app?.close(); });

test('picking clean files reports every record valid, and nothing is uploaded', async () => {
  const page = await app.page();
  const requests = [];
  page.on('request', (r) => { if (r.method() !== 'GET') requests.push(`${r.method()} ${r.url()}`); });
  await page.goto(`${app.url}import`);
  await page.locator('h1', { hasText: '导入数据' }).waitFor({ timeout: 20000 });
  await page.setInputFiles('#import-files', asFiles(cases[0]));
  await page.locator('.summary.ok').waitFor({ timeout: 10000 });
  assert.equal(await page.locator('.summary').textContent(), '全部 15 条记录校验通过。');
  assert.equal(await page.locator('table.files tbody tr').count(), 6);
  assert.equal(await page.locator('table.problems').count(), 0);
  assert.deepEqual(requests, [], 'the files never leave the browser');
  // The merchant's own data replaces the demo in the live room.
  await page.getByRole('button', { name: '用这些数据计算回头客推荐指数' }).click();
  await page.locator('h1', { hasText: '直播间' }).waitFor({ timeout: 10000 });
  assert.deepEqual((await page.locator('.merchant-name').allTextContents()).sort(), ['山里鲜果园', '木匠老李'].sort());
  assert.deepEqual(await page.locator('.badge-button').allTextContents(), ['回头客推荐指数：暂无足够数据', '回头客推荐指数：暂无足够数据'],
    'three orders are not enough for a tier');
  assert.deepEqual(page.errors, []);
});

test('broken files list each problem with file, record, field and reason', async () => {
  const page = await app.page();
  await page.goto(`${app.url}import`);
  await page.locator('#import-files').waitFor({ state: 'attached', timeout: 20000 });
  await page.setInputFiles('#import-files', asFiles(cases[1]));
  await page.locator('table.problems').waitFor({ timeout: 10000 });
  const rows = await page.locator('table.problems tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  const got = rows.map(([file, record, field]) => `${file}:${record} ${field}`).sort();
  const expected = cases[1].problems.map((p) => p.split(' ').slice(0, 2).join(' ').trim()).sort();
  assert.deepEqual(got.map((s) => s.trim()), expected);
  const negative = rows.find(([, , field]) => field === 'amountFen');
  assert.match(negative[3], /must not be negative, got -1 fen/);
  assert.match(await page.locator('.summary').textContent(), /已接收 15 条记录，跳过 4 条，共发现 7 个问题。/);
  await screenshot(page, 'import-problems-zh');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
});

test('files can be dropped onto the page', async () => {
  const page = await app.page();
  await page.goto(`${app.url}import`);
  await page.locator('.drop-zone').waitFor({ timeout: 20000 });
  const files = cases[0].files;
  const dataTransfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name));
    return dt;
  }, files);
  await page.dispatchEvent('.drop-zone', 'dragover', { dataTransfer });
  await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer });
  await page.locator('.summary.ok').waitFor({ timeout: 10000 });
  assert.equal(await page.locator('table.files tbody tr').count(), 6);
  assert.deepEqual(page.errors, []);
});
