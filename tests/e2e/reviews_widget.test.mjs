// The repeat-buyer review carousel as a host page uses it: <livetrust-reviews> on the plain-HTML
// example (examples/plain-html/reviews.html, strict CSP) fed the CLI's ReviewsReport. Checks the
// WAI-ARIA APG carousel behaviour by keyboard only (rotation button first, prev/next keep focus,
// arrow keys), rotation and its pauses (hover, focus, explicit stop, reduced motion, the live
// region's politeness), swipe, that hostile review and reply text is shown as text with nothing
// executed, typed errors, and axe inside the shadow root on a phone and a desktop.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, axe, screenshot } from './harness.mjs';
import { demoReports, buildSite } from './widget_site.mjs';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let server;
let reviews;

before(async () => {
  const data = demoReports({ reviewShops: 2 });
  reviews = data.reviews;
  assert.ok(reviews.size >= 1, 'the demo has shops with repeat-buyer reviews');
  const { site } = buildSite(data);
  server = await start(site);
});

after(async () => {
  await server?.close();
});

/** Opens the example and waits for the carousel's first slide. */
async function open(options = {}, query = '') {
  const page = await server.page(options);
  await page.goto(`${server.url}reviews.html${query}`);
  await page.waitForFunction(() => document.querySelector('livetrust-reviews')?.shadowRoot?.querySelector('.reviews-slide.is-current'));
  return page;
}

/** What the carousel shows now: its position text, the current slide's id, the rotation label and live mode. */
function state(page) {
  return page.evaluate(() => {
    const root = document.querySelector('livetrust-reviews').shadowRoot;
    return {
      position: root.querySelector('.reviews-position')?.textContent,
      current: root.querySelector('.reviews-slide.is-current')?.dataset.reviewId,
      rotation: root.querySelector('.reviews-rotation')?.textContent,
      live: root.querySelector('.reviews-slides')?.getAttribute('aria-live'),
      focused: root.activeElement?.className ?? null,
    };
  });
}

test('the carousel shows the CLI report: the shown reviews in order, each with its repeat-buyer badge, and the shown tags', async () => {
  const page = await open({ viewport: PHONE });
  const [id, report] = [...reviews][0];
  const shown = await page.evaluate(() => {
    const root = document.querySelector('livetrust-reviews').shadowRoot;
    return {
      slides: [...root.querySelectorAll('.reviews-slide')].map((s) => ({
        id: s.dataset.reviewId,
        label: s.getAttribute('aria-label'),
        role: s.getAttribute('role'),
        roledescription: s.getAttribute('aria-roledescription'),
        bought: s.querySelector('.repeat-chip').textContent,
        text: s.querySelector('.slide-text').textContent,
      })),
      tags: [...root.querySelectorAll('.reviews-tag')].map((t) => t.textContent),
      rule: root.querySelector('.reviews-rule').textContent,
      carousel: root.querySelector('section').getAttribute('aria-roledescription'),
    };
  });
  assert.equal(id, new URL(page.url()).searchParams.get('shop') ?? id);
  assert.deepEqual(shown.slides.map((s) => s.id), report.shown.map((r) => r.reviewId));
  assert.deepEqual(shown.slides.map((s) => s.text), report.shown.map((r) => r.text), 'the buyers\' own text');
  assert.deepEqual(shown.slides.map((s) => s.bought), report.shown.map((r) => `第${r.ordersAtShop}次回购`));
  assert.deepEqual(shown.slides.map((s) => s.label), report.shown.map((_, i) => `第 ${i + 1} 条，共 ${report.shown.length} 条`));
  assert.ok(shown.slides.every((s) => s.role === 'group' && s.roledescription === '评价'));
  assert.equal(shown.carousel, '轮播');
  assert.deepEqual(shown.tags, report.tags.filter((t) => t.shown).map((t) => `${t.label} (${t.count})`));
  assert.match(shown.rule, new RegExp(`买过 ${report.rule.minOrders} 次`));
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'reviews-widget-phone');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('by keyboard only: the rotation button comes first, prev and next keep focus, arrows step, and the live region is polite while focus is inside', async () => {
  const page = await open({ viewport: DESKTOP });
  await page.mouse.move(0, 0);
  const count = reviews.values().next().value.shown.length;
  await page.keyboard.press('Tab');
  let s = await state(page);
  assert.equal(s.focused, 'reviews-rotation', 'the first stop inside the carousel');
  assert.equal(s.live, 'polite', 'focus inside pauses rotation: changes are announced');
  assert.match(s.rotation, /停止自动播放/);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  s = await state(page);
  assert.equal(s.focused, 'reviews-next');
  await page.keyboard.press('Enter');
  s = await state(page);
  assert.equal(s.position, `2 / ${count}`);
  assert.equal(s.focused, 'reviews-next', 'next does not move focus');
  await page.keyboard.press(' ');
  assert.equal((await state(page)).position, `3 / ${count}`);
  await page.keyboard.press('ArrowLeft');
  assert.equal((await state(page)).position, `2 / ${count}`);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  s = await state(page);
  assert.equal(s.focused, 'reviews-prev');
  assert.equal(s.position, `1 / ${count}`);
  await page.keyboard.press('ArrowLeft');
  assert.equal((await state(page)).position, `${count} / ${count}`, 'previous wraps to the last');
  // Focus paused rotation: nothing moves while it stays inside.
  const before = (await state(page)).current;
  await page.waitForTimeout(5600);
  assert.equal((await state(page)).current, before, 'no rotation while focus is inside');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  s = await state(page);
  assert.match(s.rotation, /开始自动播放/, 'stopped: the button now offers to start');
  assert.equal(s.live, 'polite');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('it rotates every five seconds, pauses on hover, stops when told, and an explicit start rotates even with focus inside', async () => {
  const page = await open({ viewport: DESKTOP });
  await page.mouse.move(0, 0);
  let s = await state(page);
  assert.equal(s.live, 'off', 'silent while rotating');
  const first = s.current;
  await page.waitForFunction((id) => document.querySelector('livetrust-reviews').shadowRoot
    .querySelector('.reviews-slide.is-current').dataset.reviewId !== id, first, { timeout: 8000 });
  s = await state(page);
  assert.equal(s.position.split(' / ')[0], '2');
  // Hover pauses.
  const box = await page.locator('livetrust-reviews').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const held = (await state(page)).current;
  await page.waitForTimeout(5600);
  assert.equal((await state(page)).current, held, 'no rotation under the pointer');
  await page.mouse.move(0, 0);
  // Stop by the button (clicked, then the pointer leaves): stays stopped.
  await page.locator('livetrust-reviews .reviews-rotation').click();
  await page.mouse.move(0, 0);
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  const stopped = (await state(page)).current;
  assert.match((await state(page)).rotation, /开始自动播放/);
  await page.waitForTimeout(5600);
  assert.equal((await state(page)).current, stopped, 'stopped stays stopped');
  // Start by keyboard: focus stays on the button, and it rotates anyway.
  await page.locator('livetrust-reviews .reviews-rotation').focus();
  await page.keyboard.press('Enter');
  assert.match((await state(page)).rotation, /停止自动播放/);
  await page.waitForFunction((id) => document.querySelector('livetrust-reviews').shadowRoot
    .querySelector('.reviews-slide.is-current').dataset.reviewId !== id, stopped, { timeout: 8000 });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('with prefers-reduced-motion it starts stopped and never rotates by itself; a swipe steps', async () => {
  const page = await open({ viewport: PHONE, reducedMotion: 'reduce', hasTouch: true });
  let s = await state(page);
  assert.match(s.rotation, /开始自动播放/);
  assert.equal(s.live, 'polite');
  await page.waitForTimeout(5600);
  assert.equal((await state(page)).position.split(' / ')[0], '1');
  // A leftward swipe (pointer events, as a finger makes them) shows the next review.
  const box = await page.locator('livetrust-reviews .reviews-slides').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.8, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.2, y, { steps: 5 });
  await page.mouse.up();
  assert.equal((await state(page)).position.split(' / ')[0], '2');
  await page.mouse.move(box.x + box.width * 0.2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, y, { steps: 5 });
  await page.mouse.up();
  assert.equal((await state(page)).position.split(' / ')[0], '1');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('script-like review, tag and reply text is shown as text and nothing runs', async () => {
  const page = await open({ viewport: DESKTOP });
  const hostile = [
    '<img src=x onerror="window.__pwned=1">好吃',
    '</script><script>window.__pwned=2</script>',
    '<a href="javascript:window.__pwned=3">点我</a> javascript:alert(1)',
  ];
  const report = structuredClone(reviews.values().next().value);
  report.shown = report.shown.slice(0, 3).map((r, i) => ({
    ...r,
    text: hostile[i],
    productTitle: hostile[(i + 1) % 3],
    tags: [hostile[(i + 2) % 3]],
    reply: { text: hostile[i], repliedAt: '2026-11-20T08:00:00Z' },
  }));
  report.tags = [{ label: hostile[0], polarity: 'negative', count: 3, shown: true }];
  await page.evaluate((r) => { document.querySelector('livetrust-reviews').report = r; }, report);
  const seen = await page.evaluate(() => {
    const root = document.querySelector('livetrust-reviews').shadowRoot;
    return {
      texts: [...root.querySelectorAll('.slide-text')].map((e) => e.textContent),
      replies: [...root.querySelectorAll('.reply-text')].map((e) => e.textContent),
      products: [...root.querySelectorAll('.slide-product')].map((e) => e.textContent),
      tags: [...root.querySelectorAll('.reviews-tag')].map((e) => e.textContent),
      elements: root.querySelectorAll('img, script, a, iframe').length,
    };
  });
  assert.deepEqual(seen.texts, hostile);
  assert.deepEqual(seen.replies, hostile);
  assert.deepEqual(seen.products, [hostile[1], hostile[2], hostile[0]]);
  assert.deepEqual(seen.tags, [`${hostile[0]} (3)`]);
  assert.equal(seen.elements, 0, 'no element was made from the text');
  // Step through every slide (each one rendered and visible once) and give scripts a chance.
  for (let i = 0; i < 3; i++) await page.locator('livetrust-reviews .reviews-next').click();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await screenshot(page, 'reviews-widget-hostile-desktop');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('unreadable data is a typed error naming the field, shown in place and sent as livetrust-error', async () => {
  const page = await open({ viewport: PHONE });
  const message = await page.evaluate(() => new Promise((resolve) => {
    const el = document.querySelector('livetrust-reviews');
    el.addEventListener('livetrust-error', (e) => resolve(e.detail.message), { once: true });
    const bad = structuredClone(el.report);
    bad.shown[0].rating = 7;
    el.report = bad;
  }));
  assert.equal(message, 'shown[0].rating: expected a whole number of stars from 1 to 5');
  const shown = await page.evaluate(() => document.querySelector('livetrust-reviews').shadowRoot.querySelector('[role=alert]').textContent);
  assert.match(shown, /shown\[0\]\.rating/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('English on request, on a desktop, with axe clean', async () => {
  const page = await open({ viewport: DESKTOP }, '?lang=en');
  const s = await page.evaluate(() => {
    const root = document.querySelector('livetrust-reviews').shadowRoot;
    return [root.querySelector('.reviews-title').textContent, root.querySelector('.repeat-chip').textContent,
      root.querySelector('.reviews-slide').getAttribute('aria-label')];
  });
  assert.equal(s[0], 'Repeat buyers say');
  assert.match(s[1], /^bought \d+ times$/);
  assert.match(s[2], /^1 of \d+$/);
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'reviews-widget-desktop-en');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
