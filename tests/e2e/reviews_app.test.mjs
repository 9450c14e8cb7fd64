// The merchant's repeat-buyer reviews in the app's back office, as a merchant uses it: filters,
// the reviews left out with their reasons, and replies — a draft that survives a reload, a
// second tab that is told instead of overwriting, a full disk that is reported with an export,
// validation in the merchant's language, and a published reply (markup included) shown as text
// under the review in the live room's carousel.
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

async function openReviews(context) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(`${app.url}merchant/${shop}/reviews`);
  await page.waitForSelector('.review-item', { timeout: 60000 });
  return page;
}

/** The draft this browser keeps for `key` (`<merchant>/<review>`), read from IndexedDB. */
function storedDraft(page, key) {
  return page.evaluate((key) => new Promise((resolve, reject) => {
    const open = indexedDB.open('livetrust');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('replies').objectStore('replies').get(key);
      get.onsuccess = () => { resolve(get.result?.draft ?? null); open.result.close(); };
      get.onerror = () => reject(get.error);
    };
  }), key);
}

/** Waits until the autosave has written `text` as the draft of `key`. */
async function saved(page, key, text) {
  for (let i = 0; i < 100; i++) {
    if ((await storedDraft(page, key)) === text) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`the draft of ${key} was not saved as ${text.slice(0, 20)}…`);
}

/** The first listed review that viewers see (so its reply shows in the live room too). */
async function shownReview(page) {
  return page.locator('.review-item:has(.in-carousel)').first().getAttribute('data-review-id');
}

test('filters narrow the list, the left-out reviews say why, and the page is accessible on a phone', async () => {
  const context = await app.browser.newContext({ viewport: PHONE });
  const page = await openReviews(context);
  const all = await page.locator('.review-filters + p').textContent();
  await page.selectOption('.review-filters label:nth-child(1) select', '5');
  const ratings = await page.locator('.review-item .review-meta span:nth-child(2)').allTextContents();
  assert.ok(ratings.length > 0 && ratings.every((r) => r === '5 星'), ratings.join());
  await page.selectOption('.review-filters label:nth-child(1) select', '');
  const tag = await page.locator('.review-filters label:nth-child(3) option').nth(1).getAttribute('value');
  await page.selectOption('.review-filters label:nth-child(3) select', tag);
  const tagged = await page.locator('.review-item').evaluateAll((items, t) => items.every((i) => i.textContent.includes(t)), tag);
  assert.ok(tagged, `every listed review mentions ${tag}`);
  await page.selectOption('.review-filters label:nth-child(3) select', '');
  assert.equal(await page.locator('.review-filters + p').textContent(), all);
  const reasons = await page.locator('details.left-out').evaluateAll((d) => d.map((x) => x.dataset.reason));
  assert.ok(reasons.includes('notRepeatBuyer'), reasons.join());
  await page.locator('details.left-out[data-reason=notRepeatBuyer] summary').click();
  assert.match(await page.locator('details.left-out[data-reason=notRepeatBuyer] .hint').textContent(), /少于 2 笔/);
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'reviews-back-office-phone');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a reply draft survives a reload, is checked in Chinese, and once published shows as text under the review in the live room', async () => {
  const context = await app.browser.newContext({ viewport: DESKTOP });
  let page = await openReviews(context);
  const id = await shownReview(page);
  const item = (p) => p.locator(`.review-item[data-review-id="${id}"]`);
  await item(page).locator('.reply-button').click();
  const field = item(page).locator('textarea');
  await field.fill('');
  await item(page).locator('.publish').click();
  assert.equal(await item(page).locator('.reply-problem').textContent(), '回复不能为空。');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  await field.fill('超'.repeat(501));
  await item(page).locator('.publish').click();
  assert.match(await item(page).locator('.reply-problem').textContent(), /最多 500 字，现在是 501 字/);
  const reply = '谢谢老顾客！<img src=x onerror="window.__pwned=1"> </script><script>window.__pwned=2</script>';
  await field.fill(reply);
  // Saved a second after typing stops, without leaving the field.
  await saved(page, `${shop}/${id}`, reply);
  await item(page).locator('.draft-status', { hasText: '草稿已保存' }).waitFor();
  // A reload (or a crash: the draft was saved a second after typing) brings the draft back.
  await page.reload();
  await page.waitForSelector('.review-item');
  await item(page).locator('.reply-button').click();
  assert.equal(await item(page).locator('textarea').inputValue(), reply);
  assert.match(await item(page).locator('.draft-status').textContent(), /已恢复/);
  await screenshot(page, 'reviews-reply-editor-desktop');
  assert.deepEqual(await axe(page), []);
  await item(page).locator('.publish').click();
  await item(page).locator('.draft-status.ok').waitFor();
  await item(page).locator('.close-editor').click();
  assert.equal(await item(page).locator('.reply-text').textContent(), reply);
  assert.equal(await item(page).locator('img, script').count(), 0);
  // The viewers' carousel in the live room shows the published reply under that review.
  page = await context.newPage();
  page.errors = [];
  await page.goto(app.url);
  await page.waitForSelector('.live-reviews .reviews-slide');
  await page.locator(`.merchant[data-merchant-id="${shop}"] .show-reviews`).click();
  const slide = page.locator(`.live-reviews .reviews-slide[data-review-id="${id}"]`);
  assert.equal(await slide.locator('.reply-text').textContent(), reply);
  assert.equal(await page.locator('.live-reviews img, .live-reviews script').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await screenshot(page, 'live-room-reviews-desktop');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a second tab editing the same reply is told and read-only, may take it over, and the first is told it lost it', async () => {
  const context = await app.browser.newContext({ viewport: DESKTOP });
  const first = await openReviews(context);
  const id = await first.locator('.review-item').nth(1).getAttribute('data-review-id');
  const item = (p) => p.locator(`.review-item[data-review-id="${id}"]`);
  await item(first).locator('.reply-button').click();
  await item(first).locator('textarea').fill('第一个标签页写的');
  await saved(first, `${shop}/${id}`, '第一个标签页写的');
  const second = await openReviews(context);
  await item(second).locator('.reply-button').click();
  await item(second).locator('.draft-warning', { hasText: '另一个标签页正在编辑' }).waitFor();
  assert.notEqual(await item(second).locator('textarea').getAttribute('readonly'), null);
  assert.equal(await item(second).locator('textarea').inputValue(), '第一个标签页写的');
  // The first tab goes on typing; the read-only tab follows what it saves.
  await item(first).locator('textarea').fill('第一个标签页改过了');
  await saved(first, `${shop}/${id}`, '第一个标签页改过了');
  await second.waitForFunction((rid) => document.querySelector(`.review-item[data-review-id="${rid}"] textarea`).value === '第一个标签页改过了', id);
  await screenshot(second, 'reviews-second-tab-desktop');
  await item(second).locator('.take-over').click();
  await item(first).locator('.draft-warning', { hasText: '接手' }).waitFor();
  assert.notEqual(await item(first).locator('textarea').getAttribute('readonly'), null);
  // The second tab becomes editable once it holds the lock (its own render, not the first's).
  await item(second).locator('textarea:not([readonly])').waitFor({ timeout: 5000 });
  assert.deepEqual(first.errors, []);
  assert.deepEqual(second.errors, []);
  await context.close();
});

test('when storage is full the editor says so and offers the draft as a file', async () => {
  const context = await app.browser.newContext({ viewport: PHONE, acceptDownloads: true });
  await context.addInitScript(() => {
    IDBObjectStore.prototype.put = function put() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const page = await openReviews(context);
  const item = page.locator('.review-item').first();
  await item.locator('.reply-button').click();
  await item.locator('textarea').fill('磁盘满了也不能丢的回复');
  await item.locator('.draft-warning', { hasText: '存储空间已满' }).waitFor();
  await screenshot(page, 'reviews-storage-full-phone');
  const [download] = await Promise.all([page.waitForEvent('download'), item.locator('.export-drafts').click()]);
  assert.equal(download.suggestedFilename(), 'livetrust-reply-drafts.json');
  const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(saved[0].draft, '磁盘满了也不能丢的回复');
  assert.deepEqual(page.errors, []);
  await context.close();
});
