// The merchant's lead-in clip page (/merchant/<id>/clip) with real components: a recording made
// here by Debian's FFmpeg (a burnt-in clock, and a colour that changes with time so cuts can be
// counted), loaded into the page's <video> and played along the plan; the plan compared with the
// CLI's on the same demo data; one segment moved by keyboard, the new plan compared again and
// kept over a reload; every export downloaded — the FFmpeg script rendered by FFmpeg and
// measured with ffprobe, the OTIO and EDL read by OpenTimelineIO, the WebVTT cues parsed; axe on
// a phone and a desktop; screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { start, axe, screenshot } from './harness.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const CLI = process.env.LIVETRUST_CLI ?? path.join(here, '../../target/debug/livetrust');
const PYTHON = path.join(here, '../../target/py/bin/python');
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
// The demo's 50-minute session of m0270, clipped at 30:00 with a 15 s budget (the next staged
// product comes on air after it).
const SHOP = 'm0270';
const SESSION = 'ls0005';
const AT = 1800;

let app;
let work;

/** The CLI's plan for `request` on the demo data (the same data the app generates). */
function cliPlan(request) {
  const file = path.join(work, `request-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(request));
  return JSON.parse(execFileSync(CLI, ['clip', '--data', path.join(work, 'demo'), '--session-id', SESSION,
    '--request', file], { encoding: 'utf8' }));
}

before(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-clip-'));
  execFileSync(CLI, ['demo', '--out', path.join(work, 'demo')], { stdio: 'ignore' });
  // 31 minutes at 30 fps (a minute past the clip's moment): a block whose colour follows two slow
  // sine waves of the time, and the time itself in the corner.
  const colour = "0x%{eif\\:255*abs(sin(t/8))\\:x\\:2}%{eif\\:255*abs(sin(t/23))\\:x\\:2}60";
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i',
    `color=c=black:s=160x90:r=30:d=${AT + 60},` +
    `drawtext=fontfile=${FONT}:text='█':fontsize=400:x=-60:y=-200:fontcolor_expr='${colour}',` +
    `drawtext=fontfile=${FONT}:text='%{pts\\:hms}':fontcolor=white:box=1:boxcolor=black:fontsize=14:x=4:y=4`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '30', '-pix_fmt', 'yuv420p', '-crf', '30',
    path.join(work, 'rec.mp4')]);
  app = await start();
});

after(async () => {
  await app?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function open(viewport) {
  const page = await app.page({ viewport, acceptDownloads: true });
  await page.goto(`${app.url}merchant/${SHOP}/clip`);
  await page.waitForSelector('.segments li', { timeout: 90_000 });
  return page;
}

/** The plan as the page shows it. */
const shown = (page) => page.$$eval('.segments li', (lis) => lis.map((li) => ({
  part: li.dataset.part, sourceIn: Number(li.dataset.in), sourceOut: Number(li.dataset.out),
  locked: li.classList.contains('locked'),
})));

const asShown = (plan) => plan.segments.map((s) => ({
  part: s.part === 'comingUp' ? 'ComingUp' : 'Previously', sourceIn: s.sourceIn, sourceOut: s.sourceOut, locked: s.locked,
}));

/** Frames of a video where the picture jumps (mean Y, U or V changes by more than 8: the colour
 * wave moves a mean by up to about 2 between frames, a cut by tens). */
function cuts(file) {
  const csv = execFileSync('ffprobe', ['-v', 'error', '-f', 'lavfi', '-i', `movie=${file},signalstats`,
    '-show_entries', 'frame_tags=lavfi.signalstats.YAVG,lavfi.signalstats.UAVG,lavfi.signalstats.VAVG',
    '-of', 'csv=p=0'], { encoding: 'utf8' });
  const rows = csv.trim().split('\n').map((l) => l.split(',').map(Number));
  const at = [];
  rows.forEach((r, i) => {
    if (i > 0 && r.some((v, k) => Math.abs(v - rows[i - 1][k]) > 8)) at.push(i);
  });
  return { frames: rows.length, at };
}

test('plan a session, move a segment by keyboard, play the cut, export every format', async () => {
  const page = await open(DESKTOP);
  await page.selectOption('.clip-settings select >> nth=0', SESSION);
  await page.fill('.clip-settings input[type=text]', '0:30:00');
  await page.selectOption('.clip-settings select >> nth=1', '15000');
  await page.locator('.save-status', { hasText: '修改已保存在本机' }).waitFor();
  const request = { atSecond: AT, budgetMs: 15000 };
  const cli = cliPlan(request);
  assert.deepEqual(await shown(page), asShown(cli), 'the page plans what the CLI plans');
  assert.ok(cli.segments.length >= 3 && cli.segments.at(-1).part === 'comingUp');
  await screenshot(page, 'clip-desktop');
  assert.deepEqual(await axe(page), []);

  // Segment 1's end, one second later, by keyboard: it is locked and the rest re-planned.
  const end = page.getByRole('slider', { name: '第 1 段终点' });
  const before1 = Number(await end.getAttribute('aria-valuenow'));
  await end.focus();
  await end.press('PageUp');
  await page.waitForFunction((v) => document.querySelector('.segments li')?.dataset.out === String(v), before1 + 30);
  const first = cli.segments[0];
  const locked = [{ part: first.part, sourceIn: first.sourceIn, sourceOut: first.sourceOut + 30, productId: first.productId }];
  const replanned = cliPlan({ ...request, locked });
  await page.locator('.save-status', { hasText: '修改已保存在本机' }).waitFor();
  assert.deepEqual(await shown(page), asShown(replanned), 'the new plan is the CLI plan around the locked segment');
  assert.equal((await shown(page))[0].locked, true);
  assert.equal(await page.getByRole('slider', { name: '第 1 段终点' }).getAttribute('aria-valuetext'),
    `${Math.floor((first.sourceOut + 30) / 1800)} 分 ${Math.floor((first.sourceOut + 30) / 30) % 60} 秒 ${(first.sourceOut + 30) % 30} 帧`);
  // Arrow keys move one frame.
  await page.getByRole('slider', { name: '第 1 段终点' }).press('ArrowLeft');
  await page.waitForFunction((v) => document.querySelector('.segments li')?.dataset.out === String(v), first.sourceOut + 29);
  await page.locator('.save-status', { hasText: '修改已保存在本机' }).waitFor();
  const plan = cliPlan({ ...request, locked: [{ ...locked[0], sourceOut: first.sourceOut + 29 }] });

  // A reload comes back to the same plan.
  await page.reload();
  await page.waitForSelector('.segments li.locked', { timeout: 90_000 });
  assert.deepEqual(await shown(page), asShown(plan));
  assert.equal(await page.inputValue('.clip-settings input[type=text]'), '0:30:00');

  // The preview player: a real video, jumping through the segments.
  await page.setInputFiles('.clip-player input[type=file]', path.join(work, 'rec.mp4'));
  await page.waitForFunction(() => document.querySelector('.clip-player video').readyState >= 1);
  await page.click('.clip-player .button-primary');
  const samples = [];
  const t0 = Date.now();
  while (Date.now() - t0 < 40_000) {
    const s = await page.evaluate(() => {
      const v = document.querySelector('.clip-player video');
      return { t: v.currentTime, segment: v.dataset.segment, paused: v.paused };
    });
    if (s.segment === '' && samples.length > 0) break;
    if (s.segment !== '') samples.push(s);
    await page.waitForTimeout(40);
  }
  const segs = plan.segments.map((s) => [s.sourceIn / 30, s.sourceOut / 30]);
  const visited = [...new Set(samples.map((s) => Number(s.segment)))];
  assert.deepEqual(visited, segs.map((_, i) => i), 'every segment plays, in order');
  for (const s of samples) {
    const [a, b] = segs[Number(s.segment)];
    // A sample is taken while the page may still be seeking into the segment.
    if (s.t + 0.05 >= a) assert.ok(s.t <= b + 0.2, `at ${s.t} in segment ${s.segment} (${a}–${b})`);
  }
  for (const [i, [a, b]] of segs.entries()) {
    const inside = samples.filter((s) => Number(s.segment) === i && s.t >= a - 0.05 && s.t <= b + 0.2);
    assert.ok(inside.length > 0, `segment ${i} was played`);
    assert.ok(Math.max(...inside.map((s) => s.t)) >= b - 0.4, `segment ${i} played to its end`);
  }
  await screenshot(page, 'clip-desktop-playing');

  // Every export.
  const files = {};
  for (const format of ['json', 'otio', 'edl', 'vtt', 'ffconcat']) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`.export-buttons button[data-format=${format}]`),
    ]);
    files[format] = path.join(work, `clip.${format}`);
    await download.saveAs(files[format]);
  }
  const json = JSON.parse(fs.readFileSync(files.json, 'utf8'));
  assert.deepEqual(asShown(json), asShown(plan));
  const frames = plan.durationFrames;

  // FFmpeg renders the script (next to the recording it names) to the plan's length and cuts.
  const script = fs.readFileSync(files.ffconcat, 'utf8');
  assert.match(script, /^ffconcat version 1\.0\n/);
  assert.match(script, /file 'rec\.mp4'/);
  const out = path.join(work, 'clip.mp4');
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'concat', '-safe', '0',
    '-segment_time_metadata', '1', '-i', files.ffconcat, '-copyts',
    '-vf', 'select=concatdec_select,setpts=N/FRAME_RATE/TB', '-c:v', 'libx264', '-preset', 'ultrafast', out]);
  const duration = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration',
    '-of', 'csv=p=0', out], { encoding: 'utf8' }));
  assert.ok(Math.abs(duration - frames / 30) <= 1 / 30 + 1e-3, `rendered ${duration} s, planned ${frames / 30} s`);
  const rendered = cuts(out);
  assert.ok(Math.abs(rendered.frames - frames) <= 1, `${rendered.frames} frames, planned ${frames}`);
  const expected = plan.segments.slice(1).map((s) => s.recordIn);
  assert.equal(rendered.at.length, expected.length, `cuts at ${rendered.at}, planned ${expected}`);
  rendered.at.forEach((f, i) => assert.ok(Math.abs(f - expected[i]) <= 1, `cut ${i} at frame ${f}, planned ${expected[i]}`));

  // OpenTimelineIO reads the .otio and, with its CMX3600 adapter, the .edl.
  const read = execFileSync(PYTHON, ['-c', `
import json, sys
import opentimelineio as otio
out = {}
for name, kw in (("otio", {}), ("edl", {"rate": 30})):
    t = otio.adapters.read_from_file(sys.argv[1 if name == "otio" else 2], **kw)
    out[name] = [[c.source_range.start_time.value, c.source_range.duration.value] for c in t.tracks[0]]
print(json.dumps(out))
`, files.otio, files.edl], { encoding: 'utf8' });
  const timelines = JSON.parse(read);
  const ranges = plan.segments.map((s) => [s.sourceIn, s.sourceOut - s.sourceIn]);
  assert.deepEqual(timelines.otio, ranges);
  assert.deepEqual(timelines.edl, ranges);

  // WebVTT: one cue per segment on the clip's timeline.
  const vtt = fs.readFileSync(files.vtt, 'utf8');
  assert.match(vtt, /^WEBVTT/);
  const cues = [...vtt.matchAll(/(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})\n(.+)/g)];
  assert.equal(cues.length, plan.segments.length);
  cues.forEach((c, i) => {
    const ms = (h, m, s, f) => ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(f);
    assert.equal(ms(c[1], c[2], c[3], c[4]), Math.round(plan.segments[i].recordIn * 1000 / 30));
    assert.equal(c[9], plan.segments[i].caption);
  });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the clip page on a phone, in English too', async () => {
  const page = await open(PHONE);
  await screenshot(page, 'clip-phone');
  assert.deepEqual(await axe(page), []);
  await page.selectOption('#lang-select', 'en');
  await page.waitForSelector('text=30-second lead-in clip');
  await screenshot(page, 'clip-phone-en');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
