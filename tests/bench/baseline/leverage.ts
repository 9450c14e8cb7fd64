// The "1+N" leverage estimate written idiomatically in TypeScript: the baseline the wasm build is
// measured against in the same browser (tests/bench/leverage.bench.mjs). An independent
// reimplementation of docs/traffic.md, written from the document: levered sessions (a push and
// the N after it), the market's activity per day from the other merchants' unlevered sessions
// (its week's with too few, else 1), the ratio of activity-adjusted means with a delta-method
// error and a t quantile with the smaller side's n − 1 degrees of freedom, not-enough-data rules.
// It is a benchmark baseline, not product code.
//
// marketLeverage(d) takes { liveSessions, sessionTraffic } as parsed NDJSON records and returns
// per merchant its verdict and lift, and the lifts' median.

interface Session { id: string; merchantId: string; startAt: string }
interface Traffic { sessionId: string; naturalExposure: number; paidExposure: number; paidSpendFen: number; gmvFen: number }
interface Row { id: string; start: number; day: number; natural: number; pushed: boolean }

const N = 2;
const MIN_SESSIONS = 4;
const MAX_WIDTH = 0.6;
const MIN_CONTROL = 5;
const DAY_MS = 86_400_000;

/** Student's t 95th percentile (Cornish–Fisher around the normal). */
function t90(df: number): number {
  const z = 1.6448536269514722;
  df = Math.max(df, 1);
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2)
    + (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3);
}

function levered(rows: Row[]): boolean[] {
  let since: number | null = null;
  return rows.map((r) => {
    since = r.pushed ? 0 : since === null ? null : since + 1;
    return since !== null && since <= N;
  });
}

/** Per day of one merchant's unlevered sessions: [sum of natural / their mean, count]. */
function contributions(rows: Row[]): Map<number, [number, number]> {
  const flags = levered(rows);
  const plain = rows.filter((_, i) => !flags[i]);
  const out = new Map<number, [number, number]>();
  if (plain.length < 2) return out;
  const mean = plain.reduce((s, r) => s + r.natural, 0) / plain.length;
  if (mean <= 0) return out;
  for (const r of plain) {
    const c = out.get(r.day) ?? [0, 0];
    c[0] += r.natural / mean;
    c[1] += 1;
    out.set(r.day, c);
  }
  return out;
}

export function marketLeverage(d: { liveSessions: Session[]; sessionTraffic: Traffic[] }) {
  const sessions = new Map(d.liveSessions.map((s) => [s.id, s]));
  const byMerchant = new Map<string, Row[]>();
  for (const t of d.sessionTraffic) {
    const s = sessions.get(t.sessionId);
    if (!s) continue;
    const start = Date.parse(s.startAt);
    const row = { id: s.id, start, day: Math.floor((start + 8 * 3_600_000) / DAY_MS), natural: t.naturalExposure, pushed: t.paidSpendFen > 0 || t.paidExposure > 0 };
    const rows = byMerchant.get(s.merchantId) ?? [];
    rows.push(row);
    byMerchant.set(s.merchantId, rows);
  }
  for (const rows of byMerchant.values()) rows.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let first = Infinity;
  for (const rows of byMerchant.values()) for (const r of rows) first = Math.min(first, r.day);
  const week = (day: number) => Math.floor((day - first) / 7);
  const days = new Map<number, [number, number]>();
  const weeks = new Map<number, [number, number]>();
  const own = new Map<string, Map<number, [number, number]>>();
  for (const [id, rows] of byMerchant) {
    const c = contributions(rows);
    own.set(id, c);
    for (const [day, [sum, n]] of c) {
      const dd = days.get(day) ?? [0, 0]; dd[0] += sum; dd[1] += n; days.set(day, dd);
      const ww = weeks.get(week(day)) ?? [0, 0]; ww[0] += sum; ww[1] += n; weeks.set(week(day), ww);
    }
  }
  const activity = (day: number, mine: Map<number, [number, number]>) => {
    const level = (total: [number, number] | undefined, m: [number, number]) => {
      const sum = (total?.[0] ?? 0) - m[0];
      const n = Math.max(0, (total?.[1] ?? 0) - m[1]);
      return n >= MIN_CONTROL && n > 0 ? sum / n : null;
    };
    const myWeek: [number, number] = [0, 0];
    for (const [dd, c] of mine) if (week(dd) === week(day)) { myWeek[0] += c[0]; myWeek[1] += c[1]; }
    const v = level(days.get(day), mine.get(day) ?? [0, 0]) ?? level(weeks.get(week(day)), myWeek) ?? 1;
    return v > 0 ? v : 1;
  };
  const merchants: { merchantId: string; verdict: string; lift?: { estimate: number; low: number; high: number } }[] = [];
  const lifts: number[] = [];
  for (const [id, rows] of [...byMerchant].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!rows.some((r) => r.pushed)) { merchants.push({ merchantId: id, verdict: 'noPushes' }); continue; }
    const flags = levered(rows);
    const mine = own.get(id)!;
    const w: number[] = []; const c: number[] = [];
    rows.forEach((r, i) => (flags[i] ? w : c).push(r.natural / activity(r.day, mine)));
    if (w.length < MIN_SESSIONS || c.length < MIN_SESSIONS) { merchants.push({ merchantId: id, verdict: 'notEnoughData' }); continue; }
    const stats = (v: number[]) => {
      const m = v.reduce((s, x) => s + x, 0) / v.length;
      return [m, v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1)];
    };
    const [mw, vw] = stats(w); const [mc, vc] = stats(c);
    if (mw <= 0 || mc <= 0) { merchants.push({ merchantId: id, verdict: 'notEnoughData' }); continue; }
    const ratio = mw / mc;
    const se = ratio * Math.sqrt(vw / (w.length * mw * mw) + vc / (c.length * mc * mc));
    const half = t90(Math.min(w.length, c.length) - 1) * se;
    const lift = { estimate: ratio - 1, low: ratio - half - 1, high: ratio + half - 1 };
    if (lift.high - lift.low > MAX_WIDTH) { merchants.push({ merchantId: id, verdict: 'notEnoughData' }); continue; }
    merchants.push({ merchantId: id, verdict: 'estimated', lift });
    lifts.push(lift.estimate);
  }
  lifts.sort((a, b) => a - b);
  const median = lifts.length ? (lifts.length % 2 ? lifts[(lifts.length - 1) / 2] : (lifts[lifts.length / 2 - 1] + lifts[lifts.length / 2]) / 2) : null;
  return { merchants, median };
}
