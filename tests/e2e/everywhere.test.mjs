// What every page shares, as people use it on a phone and a desktop: the chosen language stays
// after a reload and names the document too, focus goes to the new page's heading after a
// navigation, the first Tab reaches a skip link, and the header fits a phone in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, axe, screenshot } from './harness.mjs';

const VIEWPORTS = [
  ['phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
  ['desktop', { viewport: { width: 1280, height: 900 } }],
];

let app;
before(async () => { app = await start(); });
after(async () => { await app?.close(); });

async function openLiveRoom(options) {
  const page = await app.page({ locale: 'zh-CN', ...options });
  await page.goto(app.url);
  await page.locator('.merchant').first().waitFor({ timeout: 30000 });
  return page;
}

test('the chosen language survives a reload and titles the document', async () => {
  for (const [name, options] of VIEWPORTS) {
    const page = await openLiveRoom(options);
    assert.equal(await page.title(), '直播间 · 回头客信任', name);
    await page.selectOption('#lang-select', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await page.title(), 'Live room · livetrust', `${name}: the title follows the language`);
    await page.reload();
    await page.locator('.merchant').first().waitFor({ timeout: 30000 });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', `${name}: still English after a reload`);
    assert.equal(await page.locator('h1').textContent(), 'Live room');
    assert.equal(await page.locator('#lang-select').inputValue(), 'en');
    // A second tab of the same browser opens in the same language.
    const second = await page.context().newPage();
    await second.goto(`${app.url}import`);
    await second.locator('h1').waitFor({ timeout: 30000 });
    assert.equal(await second.locator('h1').textContent(), 'Import data', `${name}: a second tab`);
    assert.equal(await second.title(), 'Import data · livetrust');
    assert.deepEqual(page.errors, [], name);
    await page.context().close();
  }
});

test('after a navigation focus is on the new page\'s heading; the first Tab stop skips to the content', async () => {
  for (const [name, options] of VIEWPORTS) {
    const page = await openLiveRoom(options);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ text: document.activeElement.textContent, href: document.activeElement.getAttribute('href') }));
    assert.deepEqual(first, { text: '跳到正文', href: '#main' }, `${name}: the skip link is the first stop`);
    const skip = await page.locator('.skip-link').boundingBox();
    assert.ok(skip && skip.y >= 0 && skip.x >= 0, `${name}: the focused skip link is on screen`);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main', `${name}: Enter moves focus to the content`);
    // From the live room to a back office and on to the import page, by the links a person uses.
    await page.locator('.merchant').first().locator('a.details').click();
    await page.locator('.overall').waitFor({ timeout: 10000 });
    assert.equal(await page.evaluate(() => document.activeElement.tagName + '#' + document.activeElement.id), 'H1#merchant-title', name);
    await page.locator('nav').getByRole('link', { name: '导入数据' }).click();
    await page.locator('#import-files').waitFor({ state: 'attached', timeout: 10000 });
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1', name);
    assert.equal(await page.evaluate(() => document.activeElement.textContent), '导入数据');
    assert.match(await page.title(), /^导入数据 · /);
    // Back with the browser's own button: the heading again.
    await page.goBack();
    await page.locator('.overall').waitFor({ timeout: 10000 });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'merchant-title', `${name}: after Back`);
    assert.deepEqual(page.errors, [], name);
    await page.context().close();
  }
});

test('the header fits a phone in both languages: no word broken, the language select whole', async () => {
  for (const [name, options] of VIEWPORTS) {
    const page = await openLiveRoom(options);
    const width = options.viewport.width;
    for (const lang of ['zh-CN', 'en']) {
      await page.selectOption('#lang-select', lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      const links = await page.locator('.site-header nav a').evaluateAll((as) => as.map((a) => {
        const rects = a.getClientRects();
        return { text: a.textContent, lines: new Set([...rects].map((r) => Math.round(r.top))).size, right: a.getBoundingClientRect().right };
      }));
      for (const l of links) {
        assert.equal(l.lines, 1, `${name} ${lang}: «${l.text}» is on one line`);
        assert.ok(l.right <= width, `${name} ${lang}: «${l.text}» is on screen`);
      }
      const select = await page.locator('#lang-select').boundingBox();
      assert.ok(select.x >= 0 && select.x + select.width <= width, `${name} ${lang}: the language select is whole (${JSON.stringify(select)})`);
      const chosen = await page.locator('#lang-select').evaluate((s) => {
        // The chosen option's text fits the select's box (not cut off by a narrow select).
        const probe = document.createElement('span');
        probe.style.cssText = `position:absolute;visibility:hidden;white-space:nowrap;font:${getComputedStyle(s).font}`;
        probe.textContent = s.options[s.selectedIndex].text;
        document.body.append(probe);
        const w = probe.getBoundingClientRect().width;
        probe.remove();
        return { text: w, box: s.clientWidth };
      });
      assert.ok(chosen.text <= chosen.box, `${name} ${lang}: the chosen language reads in full (${JSON.stringify(chosen)})`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, `${name} ${lang}: nothing wider than the screen`);
      await screenshot(page, `header-${lang}-${name}`);
    }
    assert.deepEqual(await axe(page), [], name);
    assert.deepEqual(page.errors, [], name);
    await page.context().close();
  }
});

test('every page works from 360 px wide: no sideways scrolling, words unbroken, tap targets of 44 px', async () => {
  const pages = [
    ['live room', '', '.merchant'],
    ['back office', 'merchant/m0001', '.overall'],
    ['cold start', 'merchant/m0326/coldstart', '.cold-steps'],
    ['push leverage', 'merchant/m0002/traffic', '.leverage-verdict'],
    ['import', 'import', '#import-files'],
    ['not found', 'no/such/page', 'h1'],
  ];
  for (const lang of ['zh-CN', 'en']) {
    const page = await app.page({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await page.addInitScript((l) => localStorage.setItem('livetrust.lang', l), lang);
    for (const [name, route, ready] of pages) {
      await page.goto(app.url + route);
      await page.locator(ready).first().waitFor({ state: 'attached', timeout: 30000 });
      const where = `${name} (${lang})`;
      // A mobile browser widens its layout viewport to the content, so compare with the device's 360 px.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), `${where}: no horizontal scroll`);
      // Controls a thumb must hit; links inside a sentence or a table cell keep the text's height.
      const small = await page.evaluate(() => [...document.querySelectorAll('a, button, select, input:not([type="file"])')]
        .filter((e) => !e.closest('p, td, th, li.problem, .visually-hidden, .skip-link') && e.getClientRects().length > 0)
        .map((e) => ({ what: `${e.tagName.toLowerCase()}.${e.className} ${e.textContent.trim().slice(0, 16)}`, height: e.getBoundingClientRect().height }))
        .filter((t) => t.height < 44));
      assert.deepEqual(small, [], `${where}: tap targets under 44 px`);
      await screenshot(page, `page-360-${name.replace(/ /g, '-')}-${lang}`);
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});
