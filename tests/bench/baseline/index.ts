// The repeat-buyer index written idiomatically in TypeScript: the baseline the wasm build is
// measured against in the same browser (tests/bench/index.bench.mjs). It is an independent
// reimplementation of docs/index-methodology.md, written from the document, not from the Rust
// code: windows and metric definitions, the brushing guard (account evidence, ring clusters by
// size or of fresh buyers only, 48-hour spikes and bursts against the median from the shop's
// first day, the lower median of whole-fen unit prices, newcomer spikes, instant and copied
// reviews, then linkedToRing and withTheRing expansion), shrinkage, the document's uncertainty
// formulas, interval-averaged peer ranks, missing data and effective weights, placement and tier
// support. It is a benchmark baseline, not product code.
//
// computeIndex(d, asOf, merchantId, config?) takes the tables as parsed NDJSON records
// ({ categories, merchants, buyers?, orders, reviews, serviceEvents, liveSessions }), T as
// YYYY-MM-DD (or null: the Shanghai day after the latest order) and an optional partial
// IndexConfig, and returns that merchant's overall score, tier, "better than", dimensions,
// metrics and what the guard discounted. Without `buyers` there is no account evidence (no new
// accounts, no shared devices or addresses).
//
// Where it knowingly differs from the core:
// - Peers are exact: ranks are taken over sorted arrays of the peers' exact values (with prefix
//   sums for the interval averages), where the core keeps log-spaced sketch buckets (< 0.8 %
//   relative width) and takes each peer at its bucket's midpoint, values in one bucket counting
//   as equal. Scores can differ by a fraction of a point, and "better than x %" by a peer's step
//   where two peers' scores share a bucket.
// - Where the document says something else than the core computes, this follows the document:
//   a newcomer spike is judged on all the product's orders that day, at any price (the core
//   counts only the spike's orders at most the median unit price, and gives the evidence only to
//   them); a ring day can be any day (the core looks only at the history days); a merchant
//   without an overall score reports fewPeers with the most merchants having data for one of
//   the category's metrics (the core also counts the repeat-experience metric the category does
//   not use).
// - Ties the document leaves open: reviews written at the same instant are taken in the reviews
//   table's order; of two equally suspicious orders of a buyer the first in the orders table
//   gives the evidence shown.
// - Only the requested merchant's category is computed (the core indexes every category); the
//   guard still sees every order of every buyer of that category's shops (where else they shop).
// - Asia/Shanghai days are taken as UTC+8 (the zone has had no offset change since 1991).

// ---------------------------------------------------------------------------------------------
// Configuration (IndexConfig, camelCase; a partial override fills in the defaults)

type Metric =
  | 'repeatBuyerRate' | 'positiveReviewRate' | 'dissatisfactionRate' | 'qualityRefundRate'
  | 'refundOnlyHours' | 'returnRefundHours' | 'firstResponseMinutes' | 'complaintRate'
  | 'shipWithin48hRate' | 'deliveryHours' | 'liveEngagement' | 'explainCoverage';
type Dimension = 'quality' | 'service' | 'content' | 'repeatExperience';
type Evidence =
  | 'newAccount' | 'onlyThisShop' | 'sharedDevice' | 'sharedAddress' | 'orderSpike'
  | 'newcomerSpike' | 'reviewBurst' | 'instantReview' | 'copiedText' | 'linkedToRing' | 'withTheRing';

export interface IndexConfig {
  weights: Record<Exclude<Metric, 'positiveReviewRate'>, number>;
  windows: { recent: [number, number]; lagged: [number, number]; settleDays: number };
  priorStrength: number;
  intervalZ: number;
  minOrders: number;
  minPeers: number;
  tierSupport: number;
  tierCutoffs: { leadingFrom: number; averageFrom: number };
  guard: {
    maxReviewsPerBuyer: number; historyDays: number; burstMinReviews: number; burstRatio: number;
    newAccountDays: number; deviceRingBuyers: number; addressRingBuyers: number;
    spikeMinOrders: number; spikeRatio: number; newcomerSpikeShare: number; instantReviewMinutes: number;
    copiedTextMinChars: number; ringDayOrders: number; points: Record<Evidence, number>; discountFromPoints: number;
    discountWeight: number;
  };
}
type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

export const DEFAULT_CONFIG: IndexConfig = {
  weights: {
    repeatBuyerRate: 25, dissatisfactionRate: 17.5, qualityRefundRate: 7.5, refundOnlyHours: 3.75,
    returnRefundHours: 3.75, firstResponseMinutes: 7.5, complaintRate: 5, shipWithin48hRate: 10,
    deliveryHours: 5, liveEngagement: 7.5, explainCoverage: 7.5,
  },
  windows: { recent: [30, 1], lagged: [44, 15], settleDays: 14 },
  priorStrength: 20,
  intervalZ: 1.645,
  minOrders: 30,
  minPeers: 5,
  tierSupport: 0.5,
  tierCutoffs: { leadingFrom: 75, averageFrom: 25 },
  guard: {
    maxReviewsPerBuyer: 3, historyDays: 60, burstMinReviews: 3, burstRatio: 4, newAccountDays: 30,
    deviceRingBuyers: 3, addressRingBuyers: 4, spikeMinOrders: 5, spikeRatio: 4, newcomerSpikeShare: 0.5,
    instantReviewMinutes: 60, copiedTextMinChars: 8, ringDayOrders: 3,
    points: {
      newAccount: 1, onlyThisShop: 1, sharedDevice: 3, sharedAddress: 2, orderSpike: 1, newcomerSpike: 1,
      reviewBurst: 2, instantReview: 1, copiedText: 1, linkedToRing: 3, withTheRing: 2,
    },
    discountFromPoints: 4,
    discountWeight: 0,
  },
};

function merge<T>(base: T, over: any): T {
  if (over === undefined || over === null) return base;
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return over as T;
  const out: any = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = merge((base as any)[k], v);
  return out;
}

const DIMENSIONS: Dimension[] = ['quality', 'service', 'content', 'repeatExperience'];
const DIMENSION_OF: Record<Metric, Dimension> = {
  repeatBuyerRate: 'repeatExperience', positiveReviewRate: 'repeatExperience',
  dissatisfactionRate: 'quality', qualityRefundRate: 'quality',
  refundOnlyHours: 'service', returnRefundHours: 'service', firstResponseMinutes: 'service',
  complaintRate: 'service', shipWithin48hRate: 'service', deliveryHours: 'service',
  liveEngagement: 'content', explainCoverage: 'content',
};
const HIGHER_IS_BETTER = new Set<Metric>(['repeatBuyerRate', 'positiveReviewRate', 'shipWithin48hRate', 'liveEngagement', 'explainCoverage']);
const IS_MEAN = new Set<Metric>(['refundOnlyHours', 'returnRefundHours', 'firstResponseMinutes', 'deliveryHours', 'liveEngagement']);
const EVIDENCE_ORDER: Evidence[] = [
  'newAccount', 'onlyThisShop', 'sharedDevice', 'sharedAddress', 'orderSpike', 'newcomerSpike',
  'reviewBurst', 'instantReview', 'copiedText', 'linkedToRing', 'withTheRing',
];

// ---------------------------------------------------------------------------------------------
// Time: milliseconds since the epoch, and Asia/Shanghai day numbers (days since 1970-01-01)

const HOUR = 3_600_000;
const DAY = 86_400_000;
const SHANGHAI = 8 * HOUR;
const ms = (t: string): number => Date.parse(t);
const msOrNull = (t: string | null | undefined): number | null => (t == null ? null : Date.parse(t));
const dayOf = (t: number): number => Math.floor((t + SHANGHAI) / DAY);
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// Tallies: rates are (successes, cases), means (sum, sum of squares, cases); weights allow the
// guard's discountWeight.

interface Tally { sum: number; sumSq: number; n: number }
const newTally = (): Tally => ({ sum: 0, sumSq: 0, n: 0 });
const addCase = (t: Tally, ok: boolean, w: number) => { t.n += w; if (ok) t.sum += w; };
const addValue = (t: Tally, v: number, w: number) => { t.n += w; t.sum += w * v; t.sumSq += w * v * v; };

function median(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  const s = Float64Array.from(values).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// ---------------------------------------------------------------------------------------------
// Text normal form for copied reviews: HTML entities decoded, full-width ASCII forms and the
// ideographic space folded, lower case, letters and digits only.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const NOT_ALNUM = /[^\p{Alphabetic}\p{N}]+/gu;
const WIDE = /[\uff01-\uff5e\u3000]/g;

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&]{0,11});/g, (all, name: string) => {
    if (name in ENTITIES) return ENTITIES[name];
    const m = /^#(?:[xX]([0-9a-fA-F]+)|([0-9]+))$/.exec(name);
    if (!m) return all;
    const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return all;
    return String.fromCodePoint(code);
  });
}

function normalizeText(text: string): string {
  return decodeEntities(text)
    .replace(WIDE, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    // Per-character lower case: String.toLowerCase would make a word-final Σ a ς.
    .replace(/\u03a3/g, '\u03c3')
    .toLowerCase()
    .replace(NOT_ALNUM, '');
}

// ---------------------------------------------------------------------------------------------
// Records as the index uses them: times parsed once, buyers numbered once (a Map from id to
// number), so that per-shop passes index arrays instead of hashing id strings.

interface Order {
  id: string; buyerId: string; b: number; merchantId: string; productId: string; live: boolean;
  /** Whole fen: amountFen ÷ quantity, rounded down. */
  unitPrice: number; paid: number; shipped: number | null; delivered: number | null;
  refund: { kind: string; reason: string; requested: number; completed: number | null; disputed: boolean } | null;
  reviews: Review[];
  /** The buyer's index among the shop's buyers (set by the guard). */
  li: number;
}
interface Review {
  id: string; buyerId: string; order: Order; overall: number; quality: number | null;
  valueForMoney: string | null; text: string; created: number;
  /** Position in the reviews table: reviews written at the same instant are taken in its order. */
  seq: number;
  /** Evidence bits of the review, for a review that counts (set by the guard). */
  ev: number;
}
interface Shop {
  id: string;
  no: number;
  orders: Order[];
  reviews: Review[]; // every review of the shop's orders
  conversations: { b: number; started: number; firstResponseSeconds: number | null }[];
  complaints: { b: number; created: number }[];
  sessions: any[];
}
/** What is known about the buyers, by buyer number. */
interface Buyers {
  shopOf: number[]; // the merchant number of the buyer's orders, or MANY_SHOPS
  registered: Float64Array; // NaN when unknown
  device: Int32Array; // cluster number, -1 when unknown
  address: Int32Array;
  devices: number; // cluster numbers in use
  addresses: number;
  slot: Int32Array; // scratch: index among the current shop's buyers, -1 otherwise
}
const MANY_SHOPS = -1;
/** Review.ev bit of a review that counts (the evidence bits are below it). */
const COUNTS = 1 << 16;

/** The order in which reviews were written (ties: the reviews table's order). */
const writtenBefore = (a: Review, b: Review): number => a.created - b.created || a.seq - b.seq;

/** Only reviews of delivered orders written by their buyer at or after delivery count. */
const countsAsReview = (r: Review): boolean =>
  r.order.delivered != null && r.buyerId === r.order.buyerId && r.created >= r.order.delivered;

// ---------------------------------------------------------------------------------------------
// Brushing guard

const BIT = Object.fromEntries(EVIDENCE_ORDER.map((e, i) => [e, 1 << i])) as Record<Evidence, number>;
const evidenceList = (mask: number): Evidence[] => EVIDENCE_ORDER.filter((e) => mask & BIT[e]);

interface BuyerJudgement {
  buyerId: string; points: number; evidence: Evidence[]; orders: number; reviews: number;
}
interface Guard {
  /** The shop's buyers by local index (their buyer numbers), and which are discounted. */
  buyers: number[];
  discounted: Uint8Array;
  discountedBuyers: number; discountedOrders: number; discountedReviews: number; discountedRecentOrders: number;
  reasons: { evidence: Evidence; buyers: number }[];
  examples: BuyerJudgement[];
  spikes: { productId: string; firstDay: string; lastDay: string; orders: number; usual: number }[];
  bursts: { firstDay: string; lastDay: string; reviews: number; usual: number }[];
}

/** Days of the history needed before anything is judged unusual: a week. */
const MIN_USUAL_DAYS = 7;

/** Days inside an unusual 48-hour span (two consecutive Shanghai days) of daily counts over the
 * history days (index 0 = T - historyDays). Only the days from `from` on (the shop's first day
 * with an order) make the usual count, the median over their spans; with fewer than a week of
 * them nothing is unusual. A span is unusual with at least `minCount` and more than `ratio`
 * times the usual count, taken as at least 1. */
function unusualDays(counts: Int32Array, from: number, minCount: number, ratio: number) {
  const marked = new Uint8Array(counts.length);
  const runs: { first: number; last: number; count: number }[] = [];
  if (counts.length - from < MIN_USUAL_DAYS) return { marked, usual: 0, runs, any: false };
  const spans: number[] = [];
  for (let d = from + 1; d < counts.length; d++) spans.push(counts[d - 1] + counts[d]);
  const usual = median(spans);
  const threshold = ratio * Math.max(usual, 1);
  let any = false;
  spans.forEach((c, i) => {
    if (c >= minCount && c > threshold) { marked[from + i] = marked[from + i + 1] = 1; any = true; }
  });
  // Consecutive marked days, as reported.
  for (let d = 0; d < marked.length; d++) {
    if (!marked[d]) continue;
    const last = runs[runs.length - 1];
    if (last && last.last === d - 1) { last.last = d; last.count += counts[d]; }
    else runs.push({ first: d, last: d, count: counts[d] });
  }
  return { marked, usual, runs, any };
}

function judgeShop(shop: Shop, T: number, cfg: IndexConfig, B: Buyers, recentFrom: number, recentTo: number): Guard {
  const g = cfg.guard;
  const pts = g.points;
  const POINTS = new Int32Array(1 << EVIDENCE_ORDER.length);
  for (let mask = 0; mask < POINTS.length; mask++) POINTS[mask] = evidenceList(mask).reduce((s, e) => s + pts[e], 0);

  // The shop's buyers (local index li), their number of orders and first payment.
  const buyers: number[] = [];
  for (const o of shop.orders) {
    let li = B.slot[o.b];
    if (li < 0) { li = B.slot[o.b] = buyers.length; buyers.push(o.b); }
    o.li = li;
  }
  const n = buyers.length;
  const orderCount = new Int32Array(n);
  const firstPaid = new Float64Array(n).fill(Infinity);
  for (const o of shop.orders) {
    orderCount[o.li]++;
    if (o.paid < firstPaid[o.li]) firstPaid[o.li] = o.paid;
  }

  // Account evidence that needs nothing but the account: new accounts, buyers of this shop only;
  // fresh buyers have both.
  const accountMask = new Int32Array(n);
  const fresh = new Uint8Array(n);
  const newAccount = g.newAccountDays * DAY;
  for (let li = 0; li < n; li++) {
    const b = buyers[li];
    if (!Number.isNaN(B.registered[b]) && firstPaid[li] - B.registered[b] <= newAccount) accountMask[li] |= BIT.newAccount;
    if (B.shopOf[b] === shop.no) accountMask[li] |= BIT.onlyThisShop;
    if ((accountMask[li] & (BIT.newAccount | BIT.onlyThisShop)) === (BIT.newAccount | BIT.onlyThisShop)) fresh[li] = 1;
  }

  // Ring clusters: shared by at least deviceRingBuyers (addressRingBuyers) buyers of the shop, or
  // by two or more buyers of the shop who are all fresh.
  const deviceBuyers = new Int32Array(B.devices), deviceFresh = new Int32Array(B.devices);
  const addressBuyers = new Int32Array(B.addresses), addressFresh = new Int32Array(B.addresses);
  for (let li = 0; li < n; li++) {
    const b = buyers[li];
    if (B.device[b] >= 0) { deviceBuyers[B.device[b]]++; deviceFresh[B.device[b]] += fresh[li]; }
    if (B.address[b] >= 0) { addressBuyers[B.address[b]]++; addressFresh[B.address[b]] += fresh[li]; }
  }
  const ring = (buyersIn: number, freshIn: number, min: number) => buyersIn >= min || (buyersIn >= 2 && freshIn === buyersIn);
  for (let li = 0; li < n; li++) {
    const b = buyers[li];
    const dc = B.device[b], ac = B.address[b];
    if (dc >= 0 && ring(deviceBuyers[dc], deviceFresh[dc], g.deviceRingBuyers)) accountMask[li] |= BIT.sharedDevice;
    if (ac >= 0 && ring(addressBuyers[ac], addressFresh[ac], g.addressRingBuyers)) accountMask[li] |= BIT.sharedAddress;
  }

  // The history days [T - historyDays, T - 1]; the usual counts start at the shop's first day
  // with an order.
  const first = T - g.historyDays;
  let shopFirstDay = Infinity;
  for (const o of shop.orders) shopFirstDay = Math.min(shopFirstDay, dayOf(o.paid));
  const usualFrom = Math.max(0, shopFirstDay - first);
  const historyIndex = (t: number) => { const d = dayOf(t) - first; return d >= 0 && d < g.historyDays ? d : -1; };

  // Order spikes: per product, orders per Shanghai day of payment over the history days. The
  // median unit price is the lower median of the whole-fen unit prices of the shop's orders paid
  // in the history days.
  const prices: number[] = [];
  const perProduct = new Map<string, Int32Array>();
  for (const o of shop.orders) {
    const d = historyIndex(o.paid);
    if (d < 0) continue;
    prices.push(o.unitPrice);
    let days = perProduct.get(o.productId);
    if (!days) perProduct.set(o.productId, (days = new Int32Array(g.historyDays)));
    days[d]++;
  }
  prices.sort((a, b) => a - b);
  const medianUnitPrice = prices.length ? prices[(prices.length - 1) >> 1] : 0;
  const spikeDays = new Map<string, Uint8Array>();
  const spikes: Guard['spikes'] = [];
  for (const [productId, days] of perProduct) {
    const u = unusualDays(days, usualFrom, g.spikeMinOrders, g.spikeRatio);
    if (!u.any) continue;
    spikeDays.set(productId, u.marked);
    for (const r of u.runs) spikes.push({ productId, firstDay: dateOf(first + r.first), lastDay: dateOf(first + r.last), orders: r.count, usual: u.usual });
  }
  spikes.sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : a.firstDay < b.firstDay ? -1 : 1));
  const spikeDayOf = (o: Order) => {
    const marked = spikeDays.get(o.productId);
    if (!marked) return -1;
    const d = historyIndex(o.paid);
    return d >= 0 && marked[d] === 1 ? d : -1;
  };
  // Newcomer spikes: spike days of a product on which at least newcomerSpikeShare of its orders
  // are by fresh buyers.
  const spikeOrders = new Map<string, { all: number; fresh: number }>();
  for (const o of shop.orders) {
    const d = spikeDayOf(o);
    if (d < 0) continue;
    const key = `${o.productId}\u0000${d}`;
    const c = spikeOrders.get(key) ?? { all: 0, fresh: 0 };
    c.all++;
    c.fresh += fresh[o.li];
    spikeOrders.set(key, c);
  }

  // Review evidence, over the reviews that count (delivered orders, written by their buyer at or
  // after delivery), in the order they were written: bursts of look-alike reviews, instant
  // reviews, copied text.
  const counted = shop.reviews.filter(countsAsReview).sort(writtenBefore);
  const lookAlike = (r: Review) => (r.overall === 5 || r.overall === 1) && orderCount[r.order.li] === 1;
  const perDay = new Int32Array(g.historyDays);
  for (const r of counted) {
    const d = historyIndex(r.created);
    if (d >= 0 && lookAlike(r)) perDay[d]++;
  }
  const burst = unusualDays(perDay, usualFrom, g.burstMinReviews, g.burstRatio);
  const bursts = burst.runs.map((r) => ({ firstDay: dateOf(first + r.first), lastDay: dateOf(first + r.last), reviews: r.count, usual: burst.usual }));
  // Who first wrote each normal form at the shop.
  const firstWriter = new Map<string, number>();
  for (const r of counted) {
    let ev = 0;
    const d = historyIndex(r.created);
    if (burst.any && d >= 0 && burst.marked[d] && lookAlike(r)) ev |= BIT.reviewBurst;
    if (r.created - r.order.delivered! <= g.instantReviewMinutes * 60_000) ev |= BIT.instantReview;
    const normal = normalizeText(r.text);
    if (normal.length >= g.copiedTextMinChars && [...normal].length >= g.copiedTextMinChars) {
      const writer = firstWriter.get(normal);
      if (writer === undefined) firstWriter.set(normal, r.order.b);
      else if (writer !== r.order.b) ev |= BIT.copiedText;
    }
    r.ev = ev | COUNTS;
  }

  // Each order's evidence: orderSpike (in a spike, at most the median unit price), newcomerSpike
  // and the evidence of its review; a buyer's activity is its most suspicious order.
  const activityMask = new Int32Array(n);
  const activityPoints = new Int32Array(n);
  for (const o of shop.orders) {
    let mask = 0;
    const d = spikeDayOf(o);
    if (d >= 0) {
      if (o.unitPrice <= medianUnitPrice) mask |= BIT.orderSpike;
      const c = spikeOrders.get(`${o.productId}\u0000${d}`)!;
      if (c.fresh >= g.newcomerSpikeShare * c.all) mask |= BIT.newcomerSpike;
    }
    let review = 0;
    for (const r of o.reviews) {
      if (r.ev & COUNTS && POINTS[r.ev & ~COUNTS] > POINTS[review]) review = r.ev & ~COUNTS;
    }
    const p = POINTS[mask | review];
    if (p > activityPoints[o.li]) { activityPoints[o.li] = p; activityMask[o.li] = mask | review; }
  }
  const discounted = new Uint8Array(n);
  const judge = (li: number) => { if (POINTS[accountMask[li]] + activityPoints[li] >= g.discountFromPoints) discounted[li] = 1; };
  for (let li = 0; li < n; li++) judge(li);

  // Expansion 1: buyers of the shop on the device or at the address of a buyer discounted there
  // get linkedToRing and are judged again. The clusters are those of the first verdicts, so a
  // link of a link is not followed.
  const ringDevice = new Uint8Array(B.devices);
  const ringAddress = new Uint8Array(B.addresses);
  for (let li = 0; li < n; li++) {
    if (!discounted[li]) continue;
    const b = buyers[li];
    if (B.device[b] >= 0) ringDevice[B.device[b]] = 1;
    if (B.address[b] >= 0) ringAddress[B.address[b]] = 1;
  }
  for (let li = 0; li < n; li++) {
    if (discounted[li]) continue;
    const b = buyers[li];
    if ((B.device[b] >= 0 && ringDevice[B.device[b]]) || (B.address[b] >= 0 && ringAddress[B.address[b]])) {
      accountMask[li] |= BIT.linkedToRing;
      judge(li);
    }
  }

  // Expansion 2: ring days, on which the shop's discounted buyers placed at least ringDayOrders
  // orders of a product and at least half of its orders; buyers whose every order fell on a ring
  // day of its product get withTheRing and are judged again. Without a discounted buyer there is
  // no ring day.
  const dayOrders = new Map<string, { all: number; ring: number }>();
  const dayKey = (o: Order) => `${o.productId}\u0000${dayOf(o.paid)}`;
  const anyDiscounted = discounted.includes(1);
  if (anyDiscounted) for (const o of shop.orders) {
    const key = dayKey(o);
    const c = dayOrders.get(key) ?? { all: 0, ring: 0 };
    c.all++;
    c.ring += discounted[o.li];
    dayOrders.set(key, c);
  }
  const offRingDay = new Uint8Array(n);
  if (anyDiscounted) for (const o of shop.orders) {
    if (discounted[o.li] || offRingDay[o.li]) continue;
    const c = dayOrders.get(dayKey(o))!;
    if (!(c.ring >= g.ringDayOrders && 2 * c.ring >= c.all)) offRingDay[o.li] = 1;
  }
  const withTheRing: number[] = [];
  if (anyDiscounted) for (let li = 0; li < n; li++) if (!discounted[li] && !offRingDay[li]) withTheRing.push(li);
  for (const li of withTheRing) { accountMask[li] |= BIT.withTheRing; judge(li); }

  // What the merchant is shown.
  let discountedBuyers = 0, discountedOrders = 0, discountedRecentOrders = 0, discountedReviews = 0;
  const reviewCount = new Int32Array(n);
  const buyerIds = new Map<number, string>();
  for (const o of shop.orders) {
    if (!discounted[o.li]) continue;
    discountedOrders++;
    const d = dayOf(o.paid);
    if (d >= recentFrom && d <= recentTo) discountedRecentOrders++;
    for (const r of o.reviews) if (r.ev & COUNTS) reviewCount[o.li]++;
    if (!buyerIds.has(o.li)) buyerIds.set(o.li, o.buyerId);
  }
  const reasonCount = new Map<Evidence, number>();
  const examples: BuyerJudgement[] = [];
  for (let li = 0; li < n; li++) {
    if (!discounted[li]) continue;
    discountedBuyers++;
    discountedReviews += reviewCount[li];
    const evidence = evidenceList(accountMask[li] | activityMask[li]);
    for (const e of evidence) reasonCount.set(e, (reasonCount.get(e) ?? 0) + 1);
    examples.push({ buyerId: buyerIds.get(li)!, points: POINTS[accountMask[li]] + activityPoints[li], evidence, orders: orderCount[li], reviews: reviewCount[li] });
  }
  examples.sort((a, b) => b.points - a.points || (a.buyerId < b.buyerId ? -1 : 1));
  return {
    buyers, discounted,
    discountedBuyers, discountedOrders, discountedReviews, discountedRecentOrders,
    reasons: EVIDENCE_ORDER.filter((e) => reasonCount.has(e)).map((e) => ({ evidence: e, buyers: reasonCount.get(e)! })),
    examples: examples.slice(0, 5), spikes, bursts,
  };
}

// ---------------------------------------------------------------------------------------------
// One shop's tallies

interface ShopTallies {
  tallies: Record<Metric, Tally>;
  recentOrders: number;
  guard: Guard;
  ignoredReviews: number;
  cappedReviews: number;
}

function tallyShop(shop: Shop, T: number, cfg: IndexConfig, B: Buyers): ShopTallies {
  const win = cfg.windows;
  const [recentFrom, recentTo] = [T - win.recent[0], T - win.recent[1]];
  const [laggedFrom, laggedTo] = [T - win.lagged[0], T - win.lagged[1]];
  const shipTo = T - 3; // [T-30, T-3]: every order had its 48 hours
  const settle = win.settleDays * DAY;
  const inRecent = (d: number) => d >= recentFrom && d <= recentTo;
  const inLagged = (d: number) => d >= laggedFrom && d <= laggedTo;
  const guard = judgeShop(shop, T, cfg, B, recentFrom, recentTo);
  const dw = cfg.guard.discountWeight;
  /** Weight of the records of the shop's buyer number `li` (-1: not a buyer of the shop). */
  const weight = (li: number) => (li >= 0 && guard.discounted[li] ? dw : 1);
  const t = {} as Record<Metric, Tally>;
  for (const m of Object.keys(DIMENSION_OF) as Metric[]) t[m] = newTally();

  let recentOrders = 0;
  const liveOrders = new Int32Array(guard.buyers.length).fill(-1); // -1: no order in the window
  for (const o of shop.orders) {
    const w = weight(o.li);
    const paidDay = dayOf(o.paid);
    if (inRecent(paidDay)) {
      if (!guard.discounted[o.li]) recentOrders++;
      if (liveOrders[o.li] < 0) liveOrders[o.li] = 0;
      if (o.live) liveOrders[o.li]++;
    }
    if (inLagged(paidDay)) {
      const r = o.refund;
      addCase(t.qualityRefundRate, r != null && r.reason === 'quality' && r.requested >= o.paid && r.requested - o.paid <= settle, w);
    }
    if (paidDay >= recentFrom && paidDay <= shipTo && (o.shipped == null || o.shipped >= o.paid)) {
      addCase(t.shipWithin48hRate, o.shipped != null && o.shipped - o.paid <= 48 * HOUR, w);
    }
    if (o.delivered != null && o.delivered >= o.paid && inRecent(dayOf(o.delivered))) {
      addValue(t.deliveryHours, (o.delivered - o.paid) / HOUR, w);
    }
    const r = o.refund;
    if (r && r.completed != null && !r.disputed && r.completed >= r.requested && inRecent(dayOf(r.completed))) {
      addValue(r.kind === 'refundOnly' ? t.refundOnlyHours : t.returnRefundHours, (r.completed - r.requested) / HOUR, w);
    }
  }
  liveOrders.forEach((live, li) => { if (live >= 0) addCase(t.repeatBuyerRate, live >= 2, weight(li)); });

  // Reviews.
  let ignoredReviews = 0;
  let cappedReviews = 0;
  const latest: (Review | undefined)[] = new Array(guard.buyers.length);
  const rated = new Map<number, Review[]>();
  for (const r of shop.reviews) {
    if (!countsAsReview(r)) { ignoredReviews++; continue; }
    const li = r.order.li;
    if (!(weight(li) > 0)) continue; // a discounted buyer's reviews count nowhere
    if (inRecent(dayOf(r.created))) {
      const prev = latest[li];
      if (!prev || writtenBefore(prev, r) < 0) latest[li] = r;
    }
    if (inLagged(dayOf(r.order.paid)) && r.created - r.order.paid <= settle && (r.quality != null || r.valueForMoney != null)) {
      const list = rated.get(li);
      if (list) list.push(r); else rated.set(li, [r]);
    }
  }
  latest.forEach((r, li) => { if (r) addCase(t.positiveReviewRate, r.overall >= 4, weight(li)); });
  for (const [li, list] of rated) {
    list.sort(writtenBefore);
    const kept = list.slice(0, cfg.guard.maxReviewsPerBuyer);
    cappedReviews += list.length - kept.length;
    for (const r of kept) addCase(t.dissatisfactionRate, (r.quality != null && r.quality <= 3) || r.valueForMoney === 'notWorth', weight(li));
  }

  // Service events.
  const localOf = (b: number) => (b >= 0 ? B.slot[b] : -1);
  for (const c of shop.conversations) {
    if (!inRecent(dayOf(c.started))) continue;
    addValue(t.firstResponseMinutes, c.firstResponseSeconds == null ? 60 : Math.min(60, c.firstResponseSeconds / 60), weight(localOf(c.b)));
  }
  let complaints = 0;
  for (const c of shop.complaints) if (inRecent(dayOf(c.created))) complaints += weight(localOf(c.b));
  // Complaints over genuine orders paid in the window, at most one; no rate without orders.
  t.complaintRate.n = recentOrders;
  t.complaintRate.sum = Math.min(complaints, recentOrders);

  // Live sessions.
  for (const s of shop.sessions) {
    if (!inRecent(dayOf(ms(s.startAt)))) continue;
    // Per-second signals when the session has them, else its summary (viewer-minutes).
    let viewerMinutes = 0, comments = 0;
    if (s.signals) {
      let viewers = 0;
      for (const v of s.signals.viewers) viewers += v;
      for (const c of s.signals.comments) comments += c;
      viewerMinutes = viewers / 60;
    } else if (s.summary) {
      viewerMinutes = s.summary.viewerMinutes;
      comments = s.summary.comments;
    }
    if (viewerMinutes > 0) addValue(t.liveEngagement, (comments * 1000) / viewerMinutes, 1);
    const marks = new Map<string, number[]>();
    for (const e of s.explainMarks ?? []) {
      const list = marks.get(e.productId);
      if (list) list.push(e.second); else marks.set(e.productId, [e.second]);
    }
    for (const a of s.onAir ?? []) {
      const seconds = marks.get(a.productId) ?? [];
      addCase(t.explainCoverage, seconds.some((x) => a.startSecond <= x && x < a.endSecond), 1);
    }
  }
  for (const b of guard.buyers) B.slot[b] = -1; // free the scratch for the next shop
  return { tallies: t, recentOrders, guard, ignoredReviews, cappedReviews };
}

// ---------------------------------------------------------------------------------------------
// Peers: exact values, sorted, with prefix sums for interval-averaged ranks

class Peers {
  readonly values: number[];
  private readonly prefix: number[];
  constructor(values: number[]) {
    this.values = [...values].sort((a, b) => a - b);
    this.prefix = [0];
    for (const v of this.values) this.prefix.push(this.prefix[this.prefix.length - 1] + v);
  }
  get count() { return this.values.length; }
  /** Number of peers below x (strictly), and at most x. */
  private lower(x: number) { let lo = 0, hi = this.values.length; while (lo < hi) { const m = (lo + hi) >> 1; if (this.values[m] < x) lo = m + 1; else hi = m; } return lo; }
  private upper(x: number) { let lo = 0, hi = this.values.length; while (lo < hi) { const m = (lo + hi) >> 1; if (this.values[m] <= x) lo = m + 1; else hi = m; } return lo; }
  /** Mid-rank share (0–1): peers below count 1, equal ones half. */
  midRank(x: number): number {
    const below = this.lower(x), atMost = this.upper(x);
    return (below + (atMost - below) / 2) / this.values.length;
  }
  /** Share of peers below, averaged over [c - h, c + h]: a peer at p counts
   * clamp((c + h - p) / 2h, 0, 1); with h = 0 the mid-rank. */
  share(c: number, h: number): number {
    if (!(h > 0)) return this.midRank(c);
    const i = this.upper(c - h); // p <= c - h: 1
    const j = this.lower(c + h); // p >= c + h: 0
    let s = i;
    if (j > i) s += ((c + h) * (j - i) - (this.prefix[j] - this.prefix[i])) / (2 * h);
    return s / this.values.length;
  }
}

// ---------------------------------------------------------------------------------------------
// Scores

interface Interval { value: number; low: number; high: number }
interface MetricResult {
  metric: Metric; dimension: Dimension; status: 'scored' | 'fewPeers' | 'noData';
  raw: number | null; shrunk: number | null; sample: number; score: Interval | null;
  weight: number; effectiveWeight: number; contribution: number; peerCount: number;
}
interface DimensionResult {
  dimension: Dimension; status: 'scored' | 'fewPeers' | 'noData'; score: Interval | null; weight: number;
  nominalWeight: number; betterThanPercent: number | null; tier: string | null; peerCount: number;
}
interface Scored { metrics: MetricResult[]; dimensions: DimensionResult[]; overall: Interval | null }

const clamp100 = (x: number) => Math.min(100, Math.max(0, x));

export function computeIndex(d: any, asOf: string | null | undefined, merchantId: string, config: DeepPartial<IndexConfig> = {}) {
  const cfg = merge(DEFAULT_CONFIG, config);
  const target = (d.merchants as any[]).find((m) => m.id === merchantId);
  if (!target) throw new Error(`unknown merchant ${merchantId}`);
  const category = (d.categories as any[]).find((c) => c.id === target.categoryId);
  if (!category || (category.repurchase !== 'high' && category.repurchase !== 'low')) {
    throw new Error(`category ${target.categoryId} has no repurchase flag`);
  }
  const repeatSlot: Metric = category.repurchase === 'high' ? 'repeatBuyerRate' : 'positiveReviewRate';
  const metricsUsed = (Object.keys(DIMENSION_OF) as Metric[]).filter((m) => m !== (repeatSlot === 'repeatBuyerRate' ? 'positiveReviewRate' : 'repeatBuyerRate'));
  const weightOf = (m: Metric) => cfg.weights[m === 'positiveReviewRate' ? 'repeatBuyerRate' : m];

  // The shops of the category; every buyer numbered, with where it shops (over every order in
  // the data: the guard needs to know who buys elsewhere).
  const merchantNo = new Map<string, number>();
  for (const m of d.merchants) merchantNo.set(m.id, merchantNo.size);
  const shops = new Map<string, Shop>();
  for (const m of d.merchants) {
    if (m.categoryId === target.categoryId) shops.set(m.id, { id: m.id, no: merchantNo.get(m.id)!, orders: [], reviews: [], conversations: [], complaints: [], sessions: [] });
  }
  const buyerNo = new Map<string, number>();
  const shopOf: number[] = [];
  const reviewsOf = new Map<string, [any, number][]>(); // order id → its review records
  (d.reviews as any[]).forEach((r, seq) => {
    const list = reviewsOf.get(r.orderId);
    if (list) list.push([r, seq]); else reviewsOf.set(r.orderId, [[r, seq]]);
  });
  let latestPaid = -Infinity;
  for (const o of d.orders) {
    let m = merchantNo.get(o.merchantId);
    if (m === undefined) merchantNo.set(o.merchantId, (m = merchantNo.size));
    let b = buyerNo.get(o.buyerId);
    if (b === undefined) { buyerNo.set(o.buyerId, (b = shopOf.length)); shopOf.push(m); }
    else if (shopOf[b] !== m) shopOf[b] = MANY_SHOPS;
    const shop = shops.get(o.merchantId);
    if (!shop && asOf) continue;
    const paid = ms(o.paidAt);
    if (paid > latestPaid) latestPaid = paid;
    if (!shop) continue;
    const r = o.refund;
    const order: Order = {
      id: o.id, buyerId: o.buyerId, b, merchantId: o.merchantId, productId: o.productId,
      live: o.channel === 'liveRoom', unitPrice: Math.floor(o.amountFen / o.quantity), paid,
      shipped: msOrNull(o.shippedAt), delivered: msOrNull(o.deliveredAt),
      refund: r ? { kind: r.kind, reason: r.reason, requested: ms(r.requestedAt), completed: msOrNull(r.completedAt), disputed: !!r.disputed } : null,
      reviews: [], li: -1,
    };
    shop.orders.push(order);
    for (const [x, seq] of reviewsOf.get(o.id) ?? []) {
      const review: Review = {
        id: x.id, buyerId: x.buyerId, order, overall: x.ratings.overall, quality: x.ratings.quality ?? null,
        valueForMoney: x.ratings.valueForMoney ?? null, text: x.text ?? '', created: ms(x.createdAt), seq, ev: 0,
      };
      order.reviews.push(review);
      shop.reviews.push(review);
    }
  }
  // T: the as-of day, by default the Shanghai day after the latest order.
  const T = asOf ? dayNumber(asOf) : dayOf(latestPaid) + 1;

  for (const e of d.serviceEvents ?? []) {
    const shop = shops.get(e.merchantId);
    if (!shop) continue;
    const b = buyerNo.get(e.buyerId) ?? -1;
    if (e.kind === 'conversation') shop.conversations.push({ b, started: ms(e.startedAt), firstResponseSeconds: e.firstResponseSeconds ?? null });
    else if (e.kind === 'complaint') shop.complaints.push({ b, created: ms(e.createdAt) });
  }
  for (const s of d.liveSessions ?? []) shops.get(s.merchantId)?.sessions.push(s);

  // Accounts of the category's buyers (the buyers table is optional); clusters numbered.
  const nBuyers = shopOf.length;
  const B: Buyers = {
    shopOf, registered: new Float64Array(nBuyers).fill(NaN), device: new Int32Array(nBuyers).fill(-1),
    address: new Int32Array(nBuyers).fill(-1), devices: 0, addresses: 0, slot: new Int32Array(nBuyers).fill(-1),
  };
  const inCategory = new Uint8Array(nBuyers);
  for (const shop of shops.values()) for (const o of shop.orders) inCategory[o.b] = 1;
  const deviceNo = new Map<string, number>();
  const addressNo = new Map<string, number>();
  for (const a of d.buyers ?? []) {
    const b = buyerNo.get(a.id);
    if (b === undefined || !inCategory[b]) continue;
    if (a.registeredAt != null) B.registered[b] = ms(a.registeredAt);
    if (a.deviceCluster != null) {
      let c = deviceNo.get(a.deviceCluster);
      if (c === undefined) deviceNo.set(a.deviceCluster, (c = deviceNo.size));
      B.device[b] = c;
    }
    if (a.addressCluster != null) {
      let c = addressNo.get(a.addressCluster);
      if (c === undefined) addressNo.set(a.addressCluster, (c = addressNo.size));
      B.address[b] = c;
    }
  }
  B.devices = deviceNo.size;
  B.addresses = addressNo.size;

  // Tallies per shop, then the category's priors and pooled variances.
  const tallies = new Map<string, ShopTallies>();
  for (const shop of shops.values()) tallies.set(shop.id, tallyShop(shop, T, cfg, B));
  const K = cfg.priorStrength;
  const z = cfg.intervalZ;
  interface Value { raw: number; shrunk: number; h: number; n: number }
  const values = new Map<Metric, Map<string, Value>>();
  const peers = new Map<Metric, Peers>();
  for (const m of metricsUsed) {
    let sum = 0, sumSq = 0, n = 0;
    for (const st of tallies.values()) { const t = st.tallies[m]; sum += t.sum; sumSq += t.sumSq; n += t.n; }
    const prior = n > 0 ? sum / n : 0;
    // The category's pooled variance, divisor N.
    const pooledVariance = n > 0 ? Math.max(0, sumSq / n - prior * prior) : 0;
    const byShop = new Map<string, Value>();
    for (const [id, st] of tallies) {
      const t = st.tallies[m];
      if (!(t.n > 0)) continue;
      const shrunk = (t.sum + K * prior) / (t.n + K);
      let sd: number;
      if (IS_MEAN.has(m)) {
        // The merchant's own squared deviations with the category's variance as one more
        // observation.
        const ss = Math.max(0, t.sumSq - (t.sum * t.sum) / t.n);
        sd = Math.sqrt((ss + pooledVariance) / t.n / (t.n + K));
      } else {
        // The shrunk rate with one success and one failure added.
        const p = (shrunk * (t.n + K) + 1) / (t.n + K + 2);
        sd = Math.sqrt((p * (1 - p)) / (t.n + K + 1));
      }
      byShop.set(id, { raw: t.sum / t.n, shrunk, h: z * sd, n: t.n });
    }
    values.set(m, byShop);
    peers.set(m, new Peers([...byShop.values()].map((v) => v.shrunk)));
  }

  /** Metric scores, dimensions and the overall score of one shop of the category. */
  const score = (id: string): Scored => {
    const metrics: MetricResult[] = metricsUsed.map((m) => {
      const v = values.get(m)!.get(id);
      const p = peers.get(m)!;
      const base = { metric: m, dimension: DIMENSION_OF[m], weight: weightOf(m), effectiveWeight: 0, contribution: 0 };
      if (!v) return { ...base, status: 'noData', raw: null, shrunk: null, sample: 0, score: null, peerCount: 0 };
      if (p.count < cfg.minPeers) return { ...base, status: 'fewPeers', raw: v.raw, shrunk: v.shrunk, sample: v.n, score: null, peerCount: p.count };
      const at = (c: number) => 100 * p.share(c, v.h);
      let [value, low, high] = [at(v.shrunk), at(v.shrunk - v.h), at(v.shrunk + v.h)];
      if (!HIGHER_IS_BETTER.has(m)) [value, low, high] = [100 - value, 100 - high, 100 - low];
      return { ...base, status: 'scored', raw: v.raw, shrunk: v.shrunk, sample: v.n, score: { value, low, high }, peerCount: p.count };
    });
    // Dimension weights are the configured weights of their metrics; a dimension without scored
    // metrics has no score and its weight goes to the scored dimensions.
    const dimWeight = (dim: Dimension) => metrics.filter((r) => r.dimension === dim).reduce((s, r) => s + r.weight, 0);
    const scoredIn = (dim: Dimension) => metrics.filter((r) => r.dimension === dim && r.status === 'scored' && r.weight > 0);
    const scoredDims = DIMENSIONS.filter((dim) => scoredIn(dim).length > 0);
    const totalDimWeight = scoredDims.reduce((s, dim) => s + dimWeight(dim), 0);
    const combine = (parts: { w: number; s: Interval }[]): Interval => {
      const total = parts.reduce((s, x) => s + x.w, 0);
      const value = parts.reduce((s, x) => s + x.w * x.s.value, 0) / total;
      const down = Math.sqrt(parts.reduce((s, x) => s + (x.w * (x.s.value - x.s.low)) ** 2, 0)) / total;
      const up = Math.sqrt(parts.reduce((s, x) => s + (x.w * (x.s.high - x.s.value)) ** 2, 0)) / total;
      return { value, low: clamp100(value - down), high: clamp100(value + up) };
    };
    const dimensions: DimensionResult[] = DIMENSIONS.map((dim) => {
      const scored = scoredIn(dim);
      const nominalWeight = dimWeight(dim);
      if (scored.length === 0) {
        const status = metrics.some((r) => r.dimension === dim && r.status === 'fewPeers') ? 'fewPeers' : 'noData';
        return { dimension: dim, status, score: null, weight: 0, nominalWeight, betterThanPercent: null, tier: null, peerCount: 0 };
      }
      const dimShare = nominalWeight / totalDimWeight;
      const metricTotal = scored.reduce((s, r) => s + r.weight, 0);
      for (const r of scored) {
        r.effectiveWeight = 100 * dimShare * (r.weight / metricTotal);
        r.contribution = (r.effectiveWeight * r.score!.value) / 100;
      }
      return { dimension: dim, status: 'scored', score: combine(scored.map((r) => ({ w: r.weight, s: r.score! }))), weight: 100 * dimShare, nominalWeight, betterThanPercent: null, tier: null, peerCount: 0 };
    });
    const scoredMetrics = metrics.filter((r) => r.effectiveWeight > 0);
    const overall = scoredMetrics.length ? combine(scoredMetrics.map((r) => ({ w: r.effectiveWeight, s: r.score! }))) : null;
    return { metrics, dimensions, overall };
  };
  const all = new Map<string, Scored>();
  for (const id of shops.keys()) all.set(id, score(id));
  const mine = all.get(merchantId)!;
  const st = tallies.get(merchantId)!;

  // Placement among the category's overall scores (merchants with one).
  const cut = cfg.tierCutoffs;
  const tierOf = (pct: number) => (pct >= cut.leadingFrom ? 'leading' : pct >= cut.averageFrom ? 'average' : 'slightlyBelow');
  const band = (tier: string): [number, number] => (tier === 'leading' ? [cut.leadingFrom, 100] : tier === 'average' ? [cut.averageFrom, cut.leadingFrom] : [0, cut.averageFrom]);
  const place = (s: Interval, p: Peers) => {
    // Rounded down, at most 99: the merchant is one of its own peers.
    const pct = (x: number) => Math.min(99, Math.floor(100 * p.midRank(x)));
    const [better, low, high] = [pct(s.value), pct(s.low), pct(s.high)];
    const tier = tierOf(better);
    const [a, b] = band(tier);
    // Share of the "better than" interval inside the tier's band (a point lies in its own band).
    const support = high > low ? Math.max(0, Math.min(high, b) - Math.max(low, a)) / (high - low) : 1;
    return { better, low, high, tier, supported: support >= cfg.tierSupport };
  };
  const overallPeers = new Peers([...all.values()].filter((s) => s.overall).map((s) => s.overall!.value));
  const missing: any[] = [];
  let placement: ReturnType<typeof place> | null = null;
  // Without an overall score: fewPeers when one of its dimensions is fewPeers, with the most
  // merchants of the category that have data for any one metric; else noData.
  const peerCount = overallPeers.count; // merchants of the category with an overall score
  if (!mine.overall) {
    const fewPeers = mine.dimensions.some((dim) => dim.status === 'fewPeers');
    const metricPeers = Math.max(0, ...metricsUsed.map((m) => peers.get(m)!.count));
    missing.push(fewPeers ? { kind: 'fewPeers', peers: metricPeers } : { kind: 'noData' });
  } else if (peerCount < cfg.minPeers) missing.push({ kind: 'fewPeers', peers: peerCount });
  else placement = place(mine.overall, overallPeers);
  if (st.recentOrders < cfg.minOrders) missing.push({ kind: 'fewOrders', orders: st.recentOrders });
  if (placement && !placement.supported) missing.push({ kind: 'wideInterval', low: placement.low, high: placement.high });
  const tiered = missing.length === 0;

  // Dimensions against the category's dimension scores; their own tier only under a tiered overall.
  for (const dim of mine.dimensions) {
    if (!dim.score) continue;
    const p = new Peers([...all.values()].map((s) => s.dimensions.find((x) => x.dimension === dim.dimension)!.score).filter((s): s is Interval => s != null).map((s) => s.value));
    dim.peerCount = p.count;
    if (p.count < cfg.minPeers) continue;
    const dp = place(dim.score, p);
    dim.betterThanPercent = dp.better;
    dim.tier = tiered && dp.supported ? dp.tier : null;
  }

  const g = st.guard;
  return {
    merchantId,
    categoryId: target.categoryId,
    repurchase: category.repurchase,
    asOf: dateOf(T),
    overall: mine.overall ? mine.overall.value : null,
    overallInterval: mine.overall,
    recentOrders: st.recentOrders,
    status: tiered ? 'tiered' : 'notEnoughData',
    tier: tiered ? placement!.tier : null,
    betterThanPercent: placement ? placement.better : null,
    betterThanLow: placement ? placement.low : null,
    betterThanHigh: placement ? placement.high : null,
    peerCount,
    missing,
    discountedBuyers: g.discountedBuyers,
    guard: {
      ignoredReviews: st.ignoredReviews, cappedReviews: st.cappedReviews,
      discountedBuyers: g.discountedBuyers, discountedOrders: g.discountedOrders,
      discountedReviews: g.discountedReviews, discountedRecentOrders: g.discountedRecentOrders,
      reasons: g.reasons, examples: g.examples, bursts: g.bursts, spikes: g.spikes,
    },
    dimensions: mine.dimensions,
    metrics: Object.fromEntries(mine.metrics.map((r) => [r.metric, r])) as Record<string, MetricResult>,
  };
}
