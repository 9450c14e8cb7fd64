// The reply editor when the browser's storage does not cooperate: IndexedDB that cannot be
// opened (private modes, blocked storage) is reported with an export of the draft, and two tabs
// writing the same reply without Web Locks (an older browser) meet the revision check: the later
// write is refused and the merchant chooses which version to keep — nothing is overwritten
// silently.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { start, screenshot } from './harness.mjs';

const PHONE = { width: 390, height: 844 };

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

test('without IndexedDB the editor says drafts cannot be kept and offers them as a file', async () => {
  const context = await app.browser.newContext({ viewport: PHONE, acceptDownloads: true });
  await context.addInitScript(() => {
    IDBFactory.prototype.open = function open() {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  const page = await openReviews(context);
  const item = page.locator('.review-item').first();
  await item.locator('.reply-button').click();
  await item.locator('textarea').fill('没有本机存储也要留住的回复');
  await item.locator('.draft-warning', { hasText: '不能在本机保存草稿' }).waitFor();
  await screenshot(page, 'reviews-storage-unavailable-phone');
  const [download] = await Promise.all([page.waitForEvent('download'), item.locator('.export-drafts').click()]);
  const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(saved[0].draft, '没有本机存储也要留住的回复');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('without Web Locks, a stale tab\'s write is refused and the merchant keeps the version they choose', async () => {
  const context = await app.browser.newContext({ viewport: PHONE });
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true });
  });
  const first = await openReviews(context);
  const second = await openReviews(context);
  const id = await first.locator('.review-item').nth(2).getAttribute('data-review-id');
  const item = (p) => p.locator(`.review-item[data-review-id="${id}"]`);
  // Both open the editor on the same (unwritten) reply; neither is told to wait.
  await item(first).locator('.reply-button').click();
  await item(second).locator('.reply-button').click();
  assert.equal(await item(second).locator('textarea').getAttribute('readonly'), null);
  // The second tab types (its autosave is due a second later); meanwhile the first types and
  // leaves the field, which saves at once: the second tab's write then finds a newer record.
  await item(second).locator('textarea').fill('第二个标签页的版本');
  await item(first).locator('textarea').fill('第一个标签页');
  await item(first).locator('textarea').evaluate((el) => el.blur());
  await item(second).locator('.draft-warning', { hasText: '在你之后保存' }).waitFor();
  assert.equal(await item(second).locator('textarea').inputValue(), '第二个标签页的版本', 'nothing typed is lost');
  await screenshot(second, 'reviews-conflict-phone');
  await item(second).locator('.keep-mine').click();
  await item(second).locator('.draft-status', { hasText: '草稿已保存' }).waitFor();
  const stored = await second.evaluate((key) => new Promise((resolve) => {
    const open = indexedDB.open('livetrust');
    open.onsuccess = () => {
      const get = open.result.transaction('replies').objectStore('replies').get(key);
      get.onsuccess = () => { resolve(get.result); open.result.close(); };
    };
  }), `${shop}/${id}`);
  assert.equal(stored.draft, '第二个标签页的版本');
  assert.ok(stored.rev >= 2, `rev ${stored.rev}`);
  assert.deepEqual(first.errors, []);
  assert.deepEqual(second.errors, []);
  await context.close();
});
