// Lighthouse (simulated mobile: the default config; and desktop) on the widget example host page
// with twenty badges, on the app's live room and on a viewer's room page (/live/:session), with Debian Chromium, served brotli-compressed as
// a real deployment would be. Installs lighthouse into
// this directory on first use. Usage: node tests/bench/lighthouse/lighthouse.bench.mjs [DIST_DIR]
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve } from '../../e2e/serve.mjs';
import { demoReports, buildSite } from '../../e2e/widget_site.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
if (!fs.existsSync(path.join(here, 'node_modules/lighthouse'))) {
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
}
const { default: lighthouse } = await import('lighthouse');
const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
const chromeLauncher = await import('chrome-launcher');

const DIST = process.argv[2] ?? path.join(here, '../../../dist');
const OUT = path.join(here, '../../../target/bench/lighthouse');
fs.mkdirSync(OUT, { recursive: true });
const { site } = buildSite(demoReports());
const RUNS = Number(process.env.RUNS ?? 3);

async function audit(name, root, config, route = '') {
  // LIGHTHOUSE_ONLY=app-room audits only the pages whose name contains it.
  if (process.env.LIGHTHOUSE_ONLY && !name.includes(process.env.LIGHTHOUSE_ONLY)) return;
  const { server, url: base } = await serve(root, 0, { compress: true });
  const url = base + route;
  const results = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const chrome = await chromeLauncher.launch({
        chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      });
      try {
        const res = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' }, config);
        fs.writeFileSync(path.join(OUT, `${name}-${i}.json`), res.report);
        const lhr = res.lhr;
        if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        const a = lhr.audits;
        results.push({
          performance: Math.round(lhr.categories.performance.score * 100),
          accessibility: Math.round(lhr.categories.accessibility.score * 100),
          fcp: a['first-contentful-paint'].numericValue,
          lcp: a['largest-contentful-paint'].numericValue,
          tbt: a['total-blocking-time'].numericValue,
          cls: a['cumulative-layout-shift'].numericValue,
        });
      } finally {
        await chrome.kill();
      }
    }
  } finally {
    server.close();
  }
  results.sort((x, y) => x.performance - y.performance);
  const m = results[Math.floor(results.length / 2)];
  console.log(`${name}: performance ${results.map((r) => r.performance).join('/')} (median ${m.performance}), accessibility ${m.accessibility}, FCP ${Math.round(m.fcp)} ms, LCP ${Math.round(m.lcp)} ms, TBT ${Math.round(m.tbt)} ms, CLS ${m.cls.toFixed(3)}`);
}

await audit('widgets-example-mobile', site, undefined);
await audit('widgets-example-desktop', site, desktopConfig);
await audit('app-live-room-mobile', DIST, undefined);
await audit('app-live-room-desktop', DIST, desktopConfig);
// A viewer's room while its session replays (the clock ticks every second), on a phone: the first
// listed room, which is the latest session with signals of the shop streaming in ls0001.
await audit('app-room-mobile', DIST, undefined, `live/${firstRoom()}`);

function firstRoom() {
  const cli = process.env.LIVETRUST_CLI ?? path.join(here, '../../../target/release/livetrust');
  const dir = fs.mkdtempSync(path.join(OUT, 'demo-'));
  try {
    execFileSync(cli, ['demo', '--out', dir], { stdio: 'ignore' });
    const file = fs.readdirSync(dir).find((f) => f.startsWith('liveSessions'));
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const sessions = file.endsWith('.ndjson') ? text.trim().split('\n').map((l) => JSON.parse(l)) : JSON.parse(text);
    const shop = sessions.find((s) => s.id === 'ls0001').merchantId;
    return sessions.filter((s) => s.merchantId === shop && s.signals)
      .sort((a, b) => Date.parse(b.startAt) - Date.parse(a.startAt))[0].id;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
