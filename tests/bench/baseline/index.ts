// The repeat-buyer index written idiomatically in TypeScript: the baseline the wasm build is
// measured against in the same browser (tests/bench/index.bench.mjs). It follows
// docs/index-methodology.md — windows, review guard, shrinkage, peer ranks, weights — with exact
// ranks over sorted arrays instead of sketches. It is a benchmark baseline, not product code.

type Tally = { sum: number; sumSq: number; n: number };
type Metric =
  | 'repeatBuyerRate' | 'positiveReviewRate' | 'dissatisfactionRate' | 'qualityRefundRate'
  | 'refundOnlyHours' | 'returnRefundHours' | 'firstResponseMinutes' | 'complaintRate'
  | 'shipWithin48hRate' | 'deliveryHours' | 'liveEngagement' | 'explainCoverage';

const METRICS: Metric[] = [
  'repeatBuyerRate', 'positiveReviewRate', 'dissatisfactionRate', 'qualityRefundRate',
  'refundOnlyHours', 'returnRefundHours', 'firstResponseMinutes', 'complaintRate',
  'shipWithin48hRate', 'deliveryHours', 'liveEngagement', 'explainCoverage',
];
const WEIGHT: Record<Metric, number> = {
  repeatBuyerRate: 25, positiveReviewRate: 25, dissatisfactionRate: 17.5, qualityRefundRate: 7.5,
  refundOnlyHours: 3.75, returnRefundHours: 3.75, firstResponseMinutes: 7.5, complaintRate: 5,
  shipWithin48hRate: 10, deliveryHours: 5, liveEngagement: 7.5, explainCoverage: 7.5,
};
const HIGHER = new Set<Metric>(['repeatBuyerRate', 'positiveReviewRate', 'shipWithin48hRate', 'liveEngagement', 'explainCoverage']);
const MEAN = new Set<Metric>(['refundOnlyHours', 'returnRefundHours', 'firstResponseMinutes', 'deliveryHours', 'liveEngagement']);
const K = 20;

const seconds = (t: string): number => Date.parse(t) / 1000;
/** Start of an Asia/Shanghai day `daysBefore` days before `asOf` (UTC+8 for these dates). */
const dayStart = (asOf: string, daysBefore: number): number =>
  Date.parse(`${asOf}T00:00:00+08:00`) / 1000 - daysBefore * 86400;
const shanghaiDay = (t: number): number => Math.floor((t + 8 * 3600) / 86400);
const newTally = (): Tally => ({ sum: 0, sumSq: 0, n: 0 });
const addCase = (t: Tally, ok: boolean, w = 1) => { t.n += w; if (ok) t.sum += w; };
const addValue = (t: Tally, v: number) => { t.n += 1; t.sum += v; t.sumSq += v * v; };

interface Acc { tallies: Record<Metric, Tally>; buyers: Map<string, [number, number]>; lifetime: Map<string, number>; recentOrders: number }

export function computeIndex(d: any, asOf: string, merchantId: string) {
  const recent: [number, number] = [dayStart(asOf, 30), dayStart(asOf, 0)];
  const lagged: [number, number] = [dayStart(asOf, 44), dayStart(asOf, 14)];
  const ship: [number, number] = [dayStart(asOf, 30), dayStart(asOf, 2)];
  const inside = (t: number, [a, b]: [number, number]) => a <= t && t < b;
  const settle = 14 * 86400;
  const accs = new Map<string, Acc>();
  for (const m of d.merchants) {
    const tallies = Object.fromEntries(METRICS.map((k) => [k, newTally()])) as Record<Metric, Tally>;
    accs.set(m.id, { tallies, buyers: new Map(), lifetime: new Map(), recentOrders: 0 });
  }
  const orderById = new Map<string, any>();
  for (const o of d.orders) {
    const acc = accs.get(o.merchantId);
    if (!acc) continue;
    orderById.set(o.id, o);
    acc.lifetime.set(o.buyerId, (acc.lifetime.get(o.buyerId) ?? 0) + 1);
    const paid = seconds(o.paidAt);
    if (inside(paid, recent)) {
      acc.recentOrders++;
      const b = acc.buyers.get(o.buyerId) ?? [0, 0];
      b[0]++; if (o.channel === 'liveRoom') b[1]++;
      acc.buyers.set(o.buyerId, b);
    }
    if (inside(paid, lagged)) {
      const q = o.refund?.reason === 'quality' && seconds(o.refund.requestedAt) - paid <= settle;
      addCase(acc.tallies.qualityRefundRate, !!q);
    }
    if (inside(paid, ship)) addCase(acc.tallies.shipWithin48hRate, !!o.shippedAt && (seconds(o.shippedAt) - paid) / 3600 <= 48);
    if (o.deliveredAt && inside(seconds(o.deliveredAt), recent)) addValue(acc.tallies.deliveryHours, Math.max(0, (seconds(o.deliveredAt) - paid) / 3600));
    const r = o.refund;
    if (r?.completedAt && !r.disputed && inside(seconds(r.completedAt), recent)) {
      addValue(acc.tallies[r.kind === 'refundOnly' ? 'refundOnlyHours' : 'returnRefundHours'], Math.max(0, (seconds(r.completedAt) - seconds(r.requestedAt)) / 3600));
    }
  }
  for (const acc of accs.values()) for (const [, live] of acc.buyers.values()) addCase(acc.tallies.repeatBuyerRate, live >= 2);

  // Review guard: delivered orders only, look-alike bursts down-weighted, three per buyer.
  const eligible = new Map<string, any[]>();
  for (const r of d.reviews) {
    const o = orderById.get(r.orderId);
    if (!o || !o.deliveredAt || Date.parse(o.deliveredAt) > Date.parse(r.createdAt) || o.buyerId !== r.buyerId) continue;
    const list = eligible.get(o.merchantId) ?? [];
    list.push({ r, o, t: seconds(r.createdAt) });
    eligible.set(o.merchantId, list);
  }
  const today = shanghaiDay(dayStart(asOf, 0));
  for (const [mid, list] of eligible) {
    const acc = accs.get(mid)!;
    list.sort((a, b) => a.t - b.t);
    const suspicious = (x: any) => (acc.lifetime.get(x.r.buyerId) ?? 0) <= 1 && (x.r.ratings.overall === 5 || x.r.ratings.overall <= 1);
    const perDay = new Map<number, number>();
    for (const x of list) { const day = shanghaiDay(x.t); if (day >= today - 60 && suspicious(x)) perDay.set(day, (perDay.get(day) ?? 0) + 1); }
    const spans: number[] = [];
    for (let day = today - 59; day <= today - 1; day++) spans.push((perDay.get(day - 1) ?? 0) + (perDay.get(day) ?? 0));
    const sorted = [...spans].sort((a, b) => a - b);
    const mid2 = sorted.length >> 1;
    const usual = sorted.length % 2 ? sorted[mid2] : (sorted[mid2 - 1] + sorted[mid2]) / 2;
    const burst = new Set<number>();
    for (let day = today - 59; day <= today - 1; day++) {
      const c = (perDay.get(day - 1) ?? 0) + (perDay.get(day) ?? 0);
      if (c >= 3 && c > 4 * Math.max(usual, 1)) { burst.add(day - 1); burst.add(day); }
    }
    const perBuyer = new Map<string, number>();
    const latest = new Map<string, [boolean, number]>();
    for (const x of list) {
      const count = (perBuyer.get(x.r.buyerId) ?? 0) + 1;
      perBuyer.set(x.r.buyerId, count);
      if (count > 3) continue;
      const w = suspicious(x) && burst.has(shanghaiDay(x.t)) ? 0.1 : 1;
      if (inside(x.t, recent)) latest.set(x.r.buyerId, [x.r.ratings.overall >= 4, w]);
      const paid = seconds(x.o.paidAt);
      const rated = x.r.ratings.quality != null || x.r.ratings.valueForMoney != null;
      if (inside(paid, lagged) && x.t - paid <= settle && rated) {
        addCase(acc.tallies.dissatisfactionRate, (x.r.ratings.quality != null && x.r.ratings.quality <= 3) || x.r.ratings.valueForMoney === 'notWorth', w);
      }
    }
    for (const k of [...latest.keys()].sort()) { const [ok, w] = latest.get(k)!; addCase(acc.tallies.positiveReviewRate, ok, w); }
  }
  for (const e of d.serviceEvents) {
    const acc = accs.get(e.merchantId);
    if (!acc) continue;
    if (e.kind === 'conversation' && inside(seconds(e.startedAt), recent)) addValue(acc.tallies.firstResponseMinutes, e.firstResponseSeconds == null ? 60 : Math.min(60, e.firstResponseSeconds / 60));
    if (e.kind === 'complaint' && inside(seconds(e.createdAt), recent)) acc.tallies.complaintRate.sum += 1;
  }
  for (const acc of accs.values()) acc.tallies.complaintRate.n = Math.max(acc.recentOrders, acc.tallies.complaintRate.sum);
  for (const s of d.liveSessions) {
    const acc = accs.get(s.merchantId);
    if (!acc || !inside(seconds(s.startAt), recent)) continue;
    const viewerMinutes = s.signals.viewers.reduce((a: number, b: number) => a + b, 0) / 60;
    if (viewerMinutes > 0) addValue(acc.tallies.liveEngagement, s.signals.comments.reduce((a: number, b: number) => a + b, 0) * 1000 / viewerMinutes);
    for (const a of s.onAir) addCase(acc.tallies.explainCoverage, s.explainMarks.some((e: any) => e.productId === a.productId && a.startSecond <= e.second && e.second < a.endSecond));
  }

  // Scores against category peers.
  const repurchase = new Map<string, string>(d.categories.map((c: any) => [c.id, c.repurchase ?? 'high']));
  const target = d.merchants.find((m: any) => m.id === merchantId);
  const peers = d.merchants.filter((m: any) => m.categoryId === target.categoryId);
  const applies = (k: Metric) => (k === 'repeatBuyerRate' ? repurchase.get(target.categoryId) === 'high' : k === 'positiveReviewRate' ? repurchase.get(target.categoryId) === 'low' : true);
  const shrunk = new Map<string, Record<string, number>>();
  for (const k of METRICS) {
    const pooled = newTally();
    for (const m of peers) { const t = accs.get(m.id)!.tallies[k]; pooled.sum += t.sum; pooled.n += t.n; }
    const prior = pooled.n > 0 ? pooled.sum / pooled.n : 0;
    for (const m of peers) {
      const t = accs.get(m.id)!.tallies[k];
      const row = shrunk.get(m.id) ?? {};
      row[k] = t.n + K > 0 ? (t.sum + K * prior) / (t.n + K) : prior;
      shrunk.set(m.id, row);
    }
  }
  const midRank = (values: number[], v: number) => {
    let below = 0, equal = 0;
    for (const x of values) { if (x < v) below++; else if (x === v) equal++; }
    return (below + equal / 2) / values.length;
  };
  const overall = new Map<string, number>();
  for (const m of peers) {
    let total = 0, weighted = 0;
    for (const k of METRICS) {
      if (!applies(k)) continue;
      const values = peers.map((p: any) => shrunk.get(p.id)![k]);
      const rank = midRank(values, shrunk.get(m.id)![k]);
      weighted += WEIGHT[k] * 100 * (HIGHER.has(k) ? rank : 1 - rank);
      total += WEIGHT[k];
    }
    overall.set(m.id, weighted / total);
  }
  const score = overall.get(merchantId)!;
  const betterThan = Math.floor(100 * midRank([...overall.values()], score));
  return { overall: score, betterThanPercent: betterThan, recentOrders: accs.get(merchantId)!.recentOrders, mean: MEAN.size };
}
