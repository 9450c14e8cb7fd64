// The lead-in clip planner (直播引流短视频) on a 4-hour session at 1 Hz in headless Chromium: the
// npm package's `planClip` from scratch (the session crosses into wasm, is scored and planned),
// a `ClipPlanner`'s first plan at a new moment (scored once), and its re-plan after an edit (a
// segment's end moved and locked, the score reused) — beside a plain TypeScript planner
// (tests/bench/baseline/clip.ts: the same baselines, greedy, no snapping) on the same session.
// Also what the planner adds to the package: its size built with and without the `clip` feature.
// Usage (cargo xtask bench clip does this): node tests/bench/clip.bench.mjs PKG_WITHOUT_CLIP PKG_DIR
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { start } from '../e2e/harness.mjs';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const ts = require('typescript');

const [without, pkgDir] = process.argv.slice(2);
if (!without || !pkgDir) { console.error('usage: clip.bench.mjs PKG_WITHOUT_CLIP PKG_DIR'); process.exit(2); }

function sizes(dir) {
  const wasm = fs.readFileSync(path.join(dir, 'livetrust_bg.wasm'));
  const js = fs.readFileSync(path.join(dir, 'livetrust.js'));
  const of = (b) => ({ raw: b.length, gzip: zlib.gzipSync(b, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length });
  return { wasm: of(wasm), js: of(js) };
}

const site = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-bench-'));
fs.cpSync(pkgDir, path.join(site, 'livetrust'), { recursive: true });
const here = path.dirname(new URL(import.meta.url).pathname);
const compiled = ts.transpileModule(fs.readFileSync(path.join(here, 'baseline/clip.ts'), 'utf8'),
  { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 } });
fs.writeFileSync(path.join(site, 'baseline.js'), compiled.outputText);

// A deterministic 4-hour session: 48 products on air for 5 minutes each with an explain mark,
// orders and GMV rising while a product is explained, a chat spam burst every half hour, a
// sentence every 3–5 s, three products staged for the 10 minutes after the moment.
fs.writeFileSync(path.join(site, 'session.js'), `
export const SECONDS = 4 * 3600, AT = SECONDS - 300;
export function source() {
  let s = 2026;
  const rnd = () => { s = (s * 1103515245 + 12345) >>> 0; return s / 4294967296; };
  const poisson = (l) => { let k = 0, p = Math.exp(-l), c = p, u = rnd(); while (u > c && k < 50) { k++; p *= l / k; c += p; } return k; };
  const products = [], onAir = [], explainMarks = [];
  for (let i = 0; i < 51; i++) products.push({ id: 'p' + i, title: '商品 ' + i + ' 号', priceFen: 990 + Math.floor(rnd() * 30000) });
  for (let i = 0; i < 48; i++) {
    const start = i * 300;
    onAir.push({ productId: 'p' + i, startSecond: start, endSecond: start + 290 });
    explainMarks.push({ productId: 'p' + i, second: start + 30 + Math.floor(rnd() * 60) });
  }
  const sig = { viewers: [], comments: [], likes: [], gifts: [], orders: [], gmvFen: [] };
  for (let t = 0; t < SECONDS; t++) {
    const slot = Math.floor(t / 300), into = t % 300;
    const hot = into > 40 && into < 100 && slot % 3 !== 1;
    sig.viewers.push(Math.round(800 + 300 * Math.sin(t / 2000) + (hot ? 150 : 0) + rnd() * 40));
    sig.comments.push(poisson(t % 1800 < 20 ? 40 : hot ? 6 : 3));
    sig.likes.push(poisson(hot ? 40 : 20));
    sig.gifts.push(poisson(0.2));
    const o = poisson(hot ? 1.2 : 0.1);
    sig.orders.push(o);
    sig.gmvFen.push(o * products[Math.min(slot, 50)].priceFen);
  }
  const transcript = [];
  for (let ms = 0; ms < SECONDS * 1000;) {
    const len = 3000 + Math.floor(rnd() * 2000);
    transcript.push({ startMs: ms, endMs: Math.min(ms + len - 200, SECONDS * 1000), text: '这句话说的是第 ' + transcript.length + ' 件事' });
    ms += len;
  }
  const staged = [48, 49, 50].map((i, k) => ({ productId: 'p' + i, plannedSecond: AT + 60 + k * 150 }));
  const startAt = '2026-11-20T11:00:00Z', endAt = '2026-11-20T15:00:00Z';
  return { session: { id: 'bench4h', merchantId: 'm1', startAt, endAt, signals: sig, onAir, explainMarks, staged, transcript }, products };
}
export function time(f, runs) {
  const xs = [];
  let out;
  for (let i = 0; i < runs; i++) { const s = performance.now(); out = f(i); xs.push(performance.now() - s); }
  xs.sort((a, b) => a - b);
  return { median: xs[Math.floor(xs.length / 2)], min: xs[0], max: xs.at(-1), out };
}
`);
// The same session for the native benchmark (cargo bench -p livetrust-core --bench clip).
const { source: make } = await import(path.join(site, 'session.js'));
const sessionFile = process.env.CLIP_SESSION_OUT ?? path.join(here, '../../target/bench/clip-4h.json');
fs.mkdirSync(path.dirname(sessionFile), { recursive: true });
fs.writeFileSync(sessionFile, JSON.stringify(make()));
fs.writeFileSync(path.join(site, 'index.html'),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,"></head><body></body></html>');

const app = await start(site);
try {
  const page = await app.page();
  page.setDefaultTimeout(900000);
  await page.goto(app.url);
  const r = await page.evaluate(async () => {
    const lt = await import('./livetrust/livetrust.js');
    await lt.default();
    const { source, time, AT } = await import('./session.js');
    const base = await import('./baseline.js');
    const src = source();
    const request = { atSecond: AT, budgetMs: 30000 };
    lt.planClip(src, request); // warm the module up
    // From scratch: the session crosses into wasm and is scored, at a new moment each run.
    const cold = time((i) => lt.planClip(src, { ...request, atSecond: AT - i }), 15);
    const stringify = time(() => JSON.stringify(src).length, 5);
    const planner = new lt.ClipPlanner(src);
    const build = time(() => new lt.ClipPlanner(src).free(), 5);
    const first = time((i) => planner.plan({ ...request, atSecond: AT - 20 - i }), 7);
    const plan = planner.plan(request);
    const seg = plan.segments[0];
    // The merchant drags segment 1's end by i + 1 frames: it is locked, the rest re-planned.
    const edit = time((i) => planner.plan({ ...request,
      locked: [{ part: seg.part, sourceIn: seg.sourceIn, sourceOut: seg.sourceOut + 1 + (i % 20), productId: seg.productId }] }), 41);
    const remove = time((i) => planner.plan({ ...request,
      excluded: [{ from: plan.segments[i % (plan.segments.length - 1)].sourceIn, to: plan.segments[i % (plan.segments.length - 1)].sourceOut }] }), 41);
    const tsPlan = time((i) => base.planClip(src.session.signals, AT - i), 7);
    return {
      cold: cold.median, coldMin: cold.min, stringify: stringify.median, build: build.median, first: first.median,
      edit: edit.median, editMax: edit.max, remove: remove.median,
      segments: plan.segments.length, duration: plan.durationFrames, score: plan.totalScore,
      editSegments: edit.out.segments.length,
      ts: tsPlan.median, tsSegments: tsPlan.out.segments.length,
    };
  });
  const ms = (x) => (x < 10 ? `${x.toFixed(2)} ms` : `${x.toFixed(0)} ms`);
  console.log('clip planner, a 4-hour session at 1 Hz (14 400 s × 6 signals, a sentence every 3–5 s), headless Chromium');
  console.log(`  wasm planClip from scratch:          ${ms(r.cold)} median of 15 (min ${ms(r.coldMin)}): ${r.segments} segments, ${r.duration} frames, score ${r.score.toFixed(2)}`);
  console.log(`  of which JSON.stringify(source):     ${ms(r.stringify)} median of 5 (the way into wasm)`);
  console.log(`  new ClipPlanner(source):             ${ms(r.build)} median of 5`);
  console.log(`  ClipPlanner.plan at a new moment:    ${ms(r.first)} median of 7 (scores the session)`);
  console.log(`  re-plan after moving an edge:        ${ms(r.edit)} median of 41 (max ${ms(r.editMax)}), ${r.editSegments} segments`);
  console.log(`  re-plan after removing a segment:    ${ms(r.remove)} median of 41`);
  console.log(`  TypeScript baseline (greedy):        ${ms(r.ts)} median of 7, ${r.tsSegments} segments`);
  const a = sizes(without), b = sizes(pkgDir);
  const row = (name, x) => `  ${name.padEnd(36)}${String(x.raw).padStart(9)}${String(x.gzip).padStart(9)}${String(x.brotli).padStart(9)}`;
  console.log(`package size in bytes                  raw     gzip   brotli`);
  console.log(row('livetrust_bg.wasm without clip', a.wasm));
  console.log(row('livetrust_bg.wasm (published)', b.wasm));
  console.log(row('added by the planner (wasm)', { raw: b.wasm.raw - a.wasm.raw, gzip: b.wasm.gzip - a.wasm.gzip, brotli: b.wasm.brotli - a.wasm.brotli }));
  console.log(row('added by the planner (js glue)', { raw: b.js.raw - a.js.raw, gzip: b.js.gzip - a.js.gzip, brotli: b.js.brotli - a.js.brotli }));
} finally {
  await app.close();
}
