// The merchant's live-preview editor in the app (/merchant/<id>/preview): composing a preview
// from scratch, every validation error at its field, generation that keeps the merchant's own
// title, undo and redo, the audience estimate from the worker, a reload mid-edit that finds the
// draft as it was, two tabs (the second is read only until it takes over, and follows the
// first's saves), storage that cannot be used (a warning and the draft as a file), axe on a
// phone and a desktop, screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { start, axe, screenshot } from './harness.mjs';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let app;
let shop;

before(async () => {
  app = await start();
  const page = await app.page();
  await page.goto(app.url);
  await page.waitForSelector('.merchant');
  shop = await page.getAttribute('.merchant', 'data-merchant-id');
  await page.context().close();
});

after(async () => {
  await app?.close();
});

async function openEditor(context) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(`${app.url}merchant/${shop}/preview`);
  await page.waitForSelector('#preview-title-field', { timeout: 90_000 });
  return page;
}

/** Waits until the last change is saved. */
const saved = (page) => page.locator('.save-status', { hasText: '已自动保存' }).waitFor();

/** The error texts shown at the field described by `id` (its aria-describedby list). */
async function errorsOf(page, selector) {
  return page.evaluate((selector) => {
    const input = document.querySelector(selector);
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    return {
      invalid: input.getAttribute('aria-invalid'),
      errors: ids.flatMap((id) => [...(document.getElementById(id)?.querySelectorAll('li') ?? [])].map((li) => li.textContent)),
    };
  }, selector);
}

/** `YYYY-MM-DDTHH:MM` in Beijing time, `minutes` from now. */
function beijing(minutes) {
  const t = new Date(Date.now() + minutes * 60_000 + 8 * 3600_000);
  return t.toISOString().slice(0, 16);
}

test('compose a preview from scratch: each validation error shows at its field until it is fixed', { timeout: 240_000 }, async () => {
  const context = await app.browser.newContext({ viewport: DESKTOP });
  const page = await openEditor(context);
  // An empty draft: the title is too short and there is no hero.
  assert.deepEqual(await errorsOf(page, '#preview-title-field'), { invalid: 'true', errors: ['至少4个字，现在0个。'] });
  assert.match(await page.textContent('#items-errors'), /至少要有一款爆款/);

  await page.fill('#preview-title-field', '今晚福利专场：爆款直降');
  assert.deepEqual((await errorsOf(page, '#preview-title-field')).errors, []);
  await page.fill('#preview-title-field', '福'.repeat(31));
  assert.deepEqual((await errorsOf(page, '#preview-title-field')).errors, ['最多30个字，现在31个。']);
  await page.fill('#preview-title-field', '今晚福利专场：爆款直降');

  await page.fill('#preview-start', beijing(5));
  assert.deepEqual((await errorsOf(page, '#preview-start')).errors, ['开播时间至少要在10分钟之后。']);
  await page.fill('#preview-start', beijing(60 * 24 * 31));
  assert.deepEqual((await errorsOf(page, '#preview-start')).errors, ['开播时间最多只能提前30天。']);
  await page.fill('#preview-start', beijing(60 * 24));
  assert.deepEqual((await errorsOf(page, '#preview-start')).errors, []);

  await page.fill('#preview-minutes', '5');
  assert.deepEqual((await errorsOf(page, '#preview-minutes')).errors, ['直播时长须在15到720分钟之间。']);
  await page.fill('#preview-minutes', '90');

  // Two products: the first a hero, the second a welfare deal.
  const options = await page.$$eval('#preview-add option', (os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(options.length >= 2, 'the shop has products to add');
  await page.selectOption('#preview-add', options[0]);
  await page.selectOption('#preview-add', options[1]);
  const items = page.locator('.plan-item');
  assert.equal(await items.count(), 2);
  await items.nth(0).locator('.role-toggle', { hasText: '爆款' }).click();
  assert.equal(await page.locator('#items-errors').count(), 0, 'a hero clears the error');
  await items.nth(1).locator('.role-toggle', { hasText: '福利款' }).click();
  // At its list price and without stock, a welfare deal has two problems.
  assert.match(await page.textContent('#item-1-price-errors'), /福利款的直播价须低于原价/);
  assert.deepEqual((await errorsOf(page, '.plan-item:nth-child(2) input[inputmode=numeric]')).errors, ['福利款须设置限量库存。']);
  const price = items.nth(1).locator('input[inputmode=decimal]');
  await price.fill('12.345');
  assert.deepEqual((await errorsOf(page, '.plan-item:nth-child(2) input[inputmode=decimal]')).errors, ['金额最多保留两位小数（精确到分）。']);
  await price.fill('1');
  assert.deepEqual((await errorsOf(page, '.plan-item:nth-child(2) input[inputmode=decimal]')).errors, []);
  const stock = items.nth(1).locator('input[inputmode=numeric]');
  await stock.fill('0');
  assert.deepEqual((await errorsOf(page, '.plan-item:nth-child(2) input[inputmode=numeric]')).errors, ['须大于0。']);
  await stock.fill('50');
  await page.locator('.problem-summary', { hasText: '预告可以发布' }).waitFor();

  // The card shows what viewers will see.
  const card = await page.evaluate(() => ({
    title: document.querySelector('.editor-side .lt-preview-title')?.textContent,
    stock: document.querySelector('.editor-side .lt-preview-stock')?.textContent,
    price: [...document.querySelectorAll('.editor-side .lt-preview-price')].map((p) => p.textContent),
  }));
  assert.equal(card.title, '今晚福利专场：爆款直降');
  assert.equal(card.stock, '限量50件');
  assert.ok(card.price.includes('¥1'), card.price.join());
  // The audience package comes from the worker.
  await page.locator('.audience-size').waitFor({ timeout: 90_000 });
  assert.match(await page.textContent('.audience-size'), /^人群包 \d+ 人（共评估 \d+ 位买家）$/);
  assert.match(await page.textContent('.audience-reservations'), /^预计预约 [\d.]+ 人，区间 \d+–\d+ 人$/);
  await saved(page);
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'preview-editor-desktop');

  // Undo and redo the last change.
  await page.click('button:has-text("撤销")');
  assert.equal(await stock.inputValue(), '0');
  await page.click('button:has-text("重做")');
  assert.equal(await stock.inputValue(), '50');

  // Generation proposes the rest and keeps the merchant's own title.
  await page.click('button:has-text("根据数据生成")');
  assert.equal(await page.inputValue('#preview-title-field'), '今晚福利专场：爆款直降');
  assert.ok(await items.count() >= 2);

  // A reload comes back to the draft exactly as it was.
  await saved(page);
  const before = await page.evaluate(() => [...document.querySelectorAll('.preview-form input, .preview-form textarea')].map((i) => i.value));
  await page.reload();
  await page.waitForSelector('#preview-title-field');
  await page.waitForFunction((n) => document.querySelectorAll('.plan-item').length === n, await items.count());
  const after = await page.evaluate(() => [...document.querySelectorAll('.preview-form input, .preview-form textarea')].map((i) => i.value));
  assert.deepEqual(after, before);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a reload right after typing finds what was typed, even text that is not yet a valid price', { timeout: 120_000 }, async () => {
  const context = await app.browser.newContext({ viewport: PHONE });
  const page = await openEditor(context);
  await page.fill('#preview-title-field', '手机上改的标题');
  const options = await page.$$eval('#preview-add option', (os) => os.map((o) => o.value).filter(Boolean));
  if (options.length) await page.selectOption('#preview-add', options[0]);
  const price = page.locator('.plan-item').last().locator('input[inputmode=decimal]');
  await price.fill('9.999');
  await saved(page);
  await page.reload();
  await page.waitForSelector('#preview-title-field');
  assert.equal(await page.inputValue('#preview-title-field'), '手机上改的标题');
  assert.equal(await page.locator('.plan-item').last().locator('input[inputmode=decimal]').inputValue(), '9.999');
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'preview-editor-phone');
  await context.close();
});

test('a second tab is read only until it takes over; the first then stops editing and follows', { timeout: 180_000 }, async () => {
  const context = await app.browser.newContext({ viewport: DESKTOP });
  const first = await openEditor(context);
  await first.fill('#preview-title-field', '第一个标签页的标题');
  await saved(first);
  const second = await openEditor(context);
  await second.locator('.alert', { hasText: '正在另一个标签页中编辑' }).waitFor();
  assert.notEqual(await second.getAttribute('#preview-title-field', 'readonly'), null, 'read only');
  assert.equal(await second.inputValue('#preview-title-field'), '第一个标签页的标题');
  await screenshot(second, 'preview-editor-second-tab');
  await second.click('button:has-text("在这里继续编辑")');
  await first.locator('.alert', { hasText: '另一个标签页接管了编辑' }).waitFor();
  assert.notEqual(await first.getAttribute('#preview-title-field', 'readonly'), null, 'read only after the take-over');
  await second.fill('#preview-title-field', '第二个标签页接管后改的');
  await saved(second);
  await first.waitForFunction(() => document.querySelector('#preview-title-field').value === '第二个标签页接管后改的');
  assert.deepEqual(first.errors, []);
  assert.deepEqual(second.errors, []);
  await context.close();
});

test('without IndexedDB the editor says the draft cannot be kept and offers it as a file', { timeout: 120_000 }, async () => {
  const context = await app.browser.newContext({ viewport: PHONE, acceptDownloads: true });
  await context.addInitScript(() => {
    IDBFactory.prototype.open = function open() {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  const page = await openEditor(context);
  await page.fill('#preview-title-field', '存不下也不能丢的标题');
  await page.locator('.alert', { hasText: '不允许保存草稿' }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.alert button', { hasText: '导出草稿' }).click()]);
  const draft = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(draft.preview.title, '存不下也不能丢的标题');
  assert.equal(draft.preview.merchantId, shop);
  await context.close();
});
