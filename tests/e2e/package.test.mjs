// The npm package `livetrust` (crates/wasm/pkg, built by `cargo xtask pkg`) embedded the way a
// front-end team would: an ES module imported by a plain page, in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start } from './harness.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const PKG = process.env.PKG_DIR ?? path.join(here, '../../crates/wasm/pkg');

let app;
let site;
before(async () => {
  // A host page beside a copy of the package, served from a scratch directory.
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-embed-'));
  fs.cpSync(PKG, path.join(site, 'livetrust'), { recursive: true });
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
