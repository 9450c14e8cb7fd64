// The npm package `livetrust` (crates/wasm/pkg, built by `cargo xtask pkg`) embedded the way a
// front-end team would: an ES module imported by a plain page, in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { start } from './harness.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const PKG = process.env.PKG_DIR ?? path.join(here, '../../crates/wasm/pkg');
const CLI = process.env.LIVETRUST_CLI ?? path.join(here, '../../target/debug/livetrust');

let app;
let site;
before(async () => {
  // A host page beside a copy of the package, served from a scratch directory.
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-embed-'));
  fs.cpSync(PKG, path.join(site, 'livetrust'), { recursive: true });
  // A demo marketplace written by the native CLI, for the index test below: 150 merchants, so most
  // categories have the five peers a placement needs.
  execFileSync(CLI, ['demo', '--merchants', '150', '--out', path.join(site, 'demo')], { stdio: 'ignore' });
  fs.writeFileSync(path.join(site, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host page</title><link rel="icon" href="data:,"></head><body></body></html>');
  app = await start(site);
});
after(async () => {
  await app?.close();
  fs.rmSync(site, { recursive: true, force: true });
});

test('the package declares its API with types generated from the Rust types', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'livetrust');
  assert.equal(pkg.types, 'livetrust.d.ts');
  const dts = fs.readFileSync(path.join(PKG, 'livetrust.d.ts'), 'utf8');
  assert.match(dts, /export function placeAgainstPeers\(input: PeerComparison\): PeerPlacement;/);
  assert.match(dts, /export interface PeerComparison \{[^}]*peerScores: number\[\];[^}]*cutoffs\?: TierCutoffs/s);
  assert.match(dts, /export type PeerTier = "leading" \| "average" \| "slightlyBelow";/);
});

test('a host page imports the package and gets answers and typed errors', async () => {
  const page = await app.page();
  await page.goto(app.url);
  const result = await page.evaluate(async () => {
    const lt = await import('./livetrust/livetrust.js');
    await lt.default();
    const ok = lt.placeAgainstPeers({ score: 70, peerScores: [50, 60, 70, 90] });
    const errors = [];
    for (const bad of [{ score: NaN, peerScores: [1] }, { score: 1 }, undefined]) {
      try { lt.placeAgainstPeers(bad); errors.push(null); } catch (e) {
        errors.push({ isError: e instanceof Error, name: e.name, kind: e.kind, field: e.field ?? null, message: e.message });
      }
    }
    // Still alive after the errors.
    const again = lt.placeAgainstPeers({ score: 99, peerScores: [1] });
    return { version: lt.version(), ok, errors, again };
  });
  assert.deepEqual(result.ok, { tier: 'average', betterThanPercent: 62, peerCount: 4 });
  assert.equal(result.version, JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8')).version);
  assert.deepEqual(result.errors.map((e) => e && [e.isError, e.name, e.kind, e.field]), [
    [true, 'LivetrustError', 'invalidField', 'score'],
    [true, 'LivetrustError', 'invalidInput', null],
    [true, 'LivetrustError', 'invalidInput', null],
  ]);
  assert.match(result.errors[0].message, /^score: must be a finite number$/);
  assert.match(result.errors[1].message, /peerScores/);
  assert.equal(result.again.tier, 'leading');
  assert.deepEqual(page.errors, []);
});

test('the package computes exactly the index and review reports the native CLI prints for the same files', async () => {
  const demo = path.join(site, 'demo');
  const cli = JSON.parse(execFileSync(CLI, ['index', '--data', demo], { maxBuffer: 1 << 28 }).toString());
  const page = await app.page();
  await page.goto(app.url);
  const names = fs.readdirSync(demo);
  const wasm = await page.evaluate(async ({ names, ids }) => {
    const lt = await import('./livetrust/livetrust.js');
    await lt.default();
    const files = await Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await (await fetch(`demo/${name}`)).arrayBuffer()) })));
    const market = lt.Market.fromFiles({ files });
    const reports = ids.map((id) => market.indexReport(id));
    // Placing from tallies and peers alone gives the same report.
    const placed = lt.placeMerchant(market.placement(ids[0]));
    const reviews = ids.slice(0, 3).map((id) => market.repeatBuyerReviews(id));
    return { reports, placed, reviews, problems: market.importReport().problemCount };
  }, { names, ids: cli.map((r) => r.merchantId) });
  for (const [i, r] of wasm.reviews.entries()) {
    const native = JSON.parse(execFileSync(CLI, ['reviews', '--data', demo, '--merchant', cli[i].merchantId], { maxBuffer: 1 << 26 }).toString());
    assert.deepEqual(r, native, `repeat-buyer reviews of ${cli[i].merchantId}: wasm and native are identical`);
  }
  assert.equal(wasm.problems, 0);
  assert.equal(wasm.reports.length, 150 + 36, 'the 150 asked for and the planted cold-start cohort');
  assert.ok(wasm.reports.some((r) => r.placement.status === 'tiered'), 'some merchants are placed');
  assert.ok(wasm.reports.some((r) => r.guard.discountedBuyers > 0), 'the planted brushing is caught');
  assert.deepEqual(wasm.reports, cli, 'wasm and native reports are identical');
  assert.deepEqual(wasm.placed, cli[0]);
  assert.deepEqual(page.errors, []);
});

test('the package proposes, checks and targets the same live previews as the native CLI', async () => {
  const demo = path.join(site, 'demo');
  const ids = fs.readFileSync(path.join(demo, 'merchants.ndjson'), 'utf8').trim().split('\n').slice(0, 4).map((l) => JSON.parse(l).id);
  const now = '2026-11-24T04:00:00Z';
  const page = await app.page();
  await page.goto(app.url);
  const names = fs.readdirSync(demo);
  const wasm = await page.evaluate(async ({ names, ids, now }) => {
    const lt = await import('./livetrust/livetrust.js');
    await lt.default();
    const files = await Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await (await fetch(`demo/${name}`)).arrayBuffer()) })));
    const market = lt.Market.fromFiles({ files });
    return ids.map((merchantId) => market.preview({ merchantId, generate: true, now }));
  }, { names, ids, now });
  for (const [i, outcome] of wasm.entries()) {
    const native = JSON.parse(execFileSync(CLI, ['preview', '--data', demo, '--generate', '--merchant', ids[i], '--now', now], { maxBuffer: 1 << 26 }).toString());
    assert.deepEqual(outcome, native, `preview of ${ids[i]}: wasm and native are identical`);
    assert.ok(outcome.audience.size > 0, `${ids[i]} has an audience`);
  }
  assert.deepEqual(page.errors, []);
});

const indexCase = JSON.parse(fs.readFileSync(path.join(here, '../../crates/core/tests/cases/index.json'), 'utf8'))[0];

/** Everything `expected` says holds in `actual` (a null means absent), as the Rust suites check. */
function assertSubset(expected, actual, at) {
  if (expected === null) { assert.ok(actual === undefined || actual === null, `${at}: expected absent, got ${JSON.stringify(actual)}`); return; }
  if (Array.isArray(expected)) {
    assert.equal(actual.length, expected.length, `${at}: length`);
    expected.forEach((e, i) => assertSubset(e, actual[i], `${at}[${i}]`));
  } else if (typeof expected === 'object') {
    for (const [k, v] of Object.entries(expected)) assertSubset(v, actual?.[k], `${at}.${k}`);
  } else {
    assert.equal(actual, expected, at);
  }
}

test('the package gives the hand-computed index case, and whatIf moves a shop to another tier', async () => {
  const page = await app.page();
  await page.goto(app.url);
  const out = await page.evaluate(async (c) => {
    const lt = await import('./livetrust/livetrust.js');
    await lt.default();
    const enc = new TextEncoder();
    const market = lt.Market.fromFiles({ files: c.files.map((f) => ({ name: f.name, bytes: enc.encode(f.text) })) });
    const reports = Object.fromEntries(Object.keys(c.expected).map((id) => [id, market.indexReport(id, c.asOf, c.config)]));
    // mC trails its two peers; with three peers the intervals are wide, so this placement
    // accepts a tier with 30 % of its interval in the band.
    const placement = market.placement('mC', c.asOf, { ...c.config, tierSupport: 0.3 });
    const before = lt.placeMerchant(placement);
    const after = lt.whatIf({ placement, edits: [
      { metric: 'repeatBuyerRate', value: 0.75 },
      { metric: 'shipWithin48hRate', value: 1 },
      { metric: 'deliveryHours', value: 24 },
    ] });
    return { reports, before, after };
  }, indexCase);
  for (const [id, expected] of Object.entries(indexCase.expected)) assertSubset(expected, out.reports[id], id);
  assert.equal(out.before.placement.tier, 'slightlyBelow');
  assert.equal(out.after.placement.tier, 'leading');
  assert.ok(out.after.overall.value - out.before.overall.value >= 30, `${out.before.overall.value} → ${out.after.overall.value}`);
  assert.deepEqual(page.errors, []);
});

test('every export of the package throws a typed LivetrustError naming the field', async () => {
  const page = await app.page();
  await page.goto(app.url);
  const errors = await page.evaluate(async (c) => {
    const lt = await import('./livetrust/livetrust.js');
    await lt.default();
    const enc = new TextEncoder();
    const market = lt.Market.fromFiles({ files: c.files.map((f) => ({ name: f.name, bytes: enc.encode(f.text) })) });
    const good = market.placement('mA');
    const shortTallies = { ...good, merchant: { ...good.merchant, tallies: good.merchant.tallies.slice(1) } };
    const attempts = {
      placeAgainstPeers: () => lt.placeAgainstPeers({ score: 50, peerScores: [1], cutoff: {} }),
      validate: () => lt.validate({ files: [], maxProblem: 1 }),
      fromFiles: () => lt.Market.fromFiles(42),
      indexReportMerchant: () => market.indexReport('nobody'),
      indexReportDay: () => market.indexReport('mA', '24/11/2026'),
      indexReportConfig: () => market.indexReport('mA', undefined, { guard: { discountWeight: 2 } }),
      reviewsMerchant: () => market.repeatBuyerReviews('nobody'),
      reviewsConfig: () => market.repeatBuyerReviews('mA', undefined, { minOrders: 1 }),
      checkReply: () => lt.checkReply('  \u0007 '),
      placement: () => market.placement('nobody'),
      placeMerchant: () => lt.placeMerchant(shortTallies),
      whatIf: () => lt.whatIf({ placement: good, edits: [{ metric: 'deliveryHours', value: NaN }] }),
      whatIfRate: () => lt.whatIf({ placement: good, edits: [{ metric: 'shipWithin48hRate', value: 1.5 }] }),
    };
    const out = {};
    for (const [name, f] of Object.entries(attempts)) {
      try { f(); out[name] = null; } catch (e) {
        out[name] = { isError: e instanceof Error, name: e.name, kind: e.kind, field: e.field ?? null };
      }
    }
    out.alive = market.indexReport('mA', c.asOf, c.config).merchantId;
    return out;
  }, indexCase);
  const typed = (kind, field = null) => ({ isError: true, name: 'LivetrustError', kind, field });
  assert.deepEqual(errors, {
    placeAgainstPeers: typed('invalidInput'),
    validate: typed('invalidInput'),
    fromFiles: typed('invalidInput'),
    indexReportMerchant: typed('invalidField', 'merchantId'),
    indexReportDay: typed('invalidField', 'asOf'),
    indexReportConfig: typed('invalidField', 'guard.discountWeight'),
    reviewsMerchant: typed('invalidField', 'merchantId'),
    reviewsConfig: typed('invalidField', 'minOrders'),
    checkReply: typed('invalidField', 'reply.text'),
    placement: typed('invalidField', 'merchantId'),
    placeMerchant: typed('invalidField', 'merchant.tallies'),
    whatIf: typed('invalidField', 'edits[0].value'),
    whatIfRate: typed('invalidField', 'edits[0].value'),
    alive: 'mA',
  });
  assert.deepEqual(page.errors, []);
});
