// A lead-in clip in plain TypeScript, as a front-end team would write it without livetrust: each
// signal summed forward over its window, a trailing median and MAD over the last 300 s recomputed
// (by sorting) every 10 s, z-scores above the noise fused with the planner's weights and lags,
// smoothed; peaks by a 45 s non-maximum suppression; 8 s windows around the best peaks taken
// greedily until the budget is spent, then the last seconds before the moment as "coming up".
// No sentence snapping, no comment gate, no exact selection — the planner's core
// (crates/core/src/clip/) does all three. Used by tests/bench/clip.bench.mjs on the same session.

export interface Signals {
  viewers: number[]; comments: number[]; likes: number[]; gifts: number[]; orders: number[]; gmvFen: number[];
}

const WEIGHTS: [keyof Signals, number, number, number][] = [
  // signal, weight, lag (s), forward sum (s)
  ['viewers', 0.15, 10, 1], ['comments', 0.15, 3, 5], ['likes', 0.10, 2, 5],
  ['gifts', 0.10, 3, 10], ['orders', 0.30, 6, 10], ['gmvFen', 0.20, 6, 10],
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[(s.length - 1) >> 1] : 0;
}

function zTrack(raw: number[], sumSeconds: number, lag: number, upTo: number): Float64Array {
  const n = upTo;
  const summed = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    let v = 0;
    for (let k = t; k < Math.min(n, t + sumSeconds); k++) v += raw[k] ?? 0;
    summed[t] = v;
  }
  const all = Array.from(summed);
  const m = median(all);
  const floor = Math.max(1.4826 * median(all.map((x) => Math.abs(x - m))), Math.sqrt(all.reduce((a, b) => a + b, 0) / Math.max(1, n)), 1);
  const z = new Float64Array(n);
  let med = 0, mad = 0;
  for (let t = 0; t < n; t++) {
    if (t % 10 === 0) {
      const win = all.slice(Math.max(0, t - 300), t);
      if (win.length >= 60) {
        med = median(win);
        mad = median(win.map((x) => Math.abs(x - med)));
      }
    }
    const scale = Math.max(1.4826 * mad, floor);
    const score = Math.min(5, Math.max(0, (summed[t] - med) / scale - 2));
    // A reaction `lag` seconds later belongs to this second.
    if (t - lag >= 0) z[t - lag] = score;
  }
  return z;
}

export interface Segment { sourceIn: number; sourceOut: number; score: number; part: 'previously' | 'comingUp' }

export function planClip(signals: Signals, atSecond: number, budgetMs = 30000, fps = 30): { segments: Segment[]; totalScore: number } {
  const fused = new Float64Array(atSecond);
  for (const [name, w, lag, sum] of WEIGHTS) {
    const z = zTrack(signals[name], sum, lag, atSecond);
    for (let t = 0; t < atSecond; t++) fused[t] += w * z[t];
  }
  const smooth = new Float64Array(atSecond);
  for (let t = 0; t < atSecond; t++) {
    let s = 0, c = 0;
    for (let k = Math.max(0, t - 2); k <= Math.min(atSecond - 1, t + 2); k++) { s += fused[k]; c++; }
    smooth[t] = s / c;
  }
  const order = Array.from(smooth.keys()).filter((t) => smooth[t] >= 0.25).sort((a, b) => smooth[b] - smooth[a]);
  const peaks: number[] = [];
  for (const t of order) {
    if (peaks.every((p) => Math.abs(p - t) > 45)) peaks.push(t);
    if (peaks.length === 24) break;
  }
  const budget = Math.floor(budgetMs * fps / 1000);
  const comingUp = 4 * fps;
  let left = budget - comingUp;
  const segments: Segment[] = [];
  for (const p of peaks) {
    const len = 8 * fps;
    if (len > left || segments.length === 5) continue;
    const sourceIn = Math.max(0, Math.round((p - 3.2) * fps));
    const sourceOut = Math.min(atSecond * fps, sourceIn + len);
    if (segments.some((s) => s.sourceIn < sourceOut && sourceIn < s.sourceOut)) continue;
    let score = 0;
    for (let t = Math.floor(sourceIn / fps); t < Math.ceil(sourceOut / fps); t++) score += smooth[t];
    segments.push({ sourceIn, sourceOut, score, part: 'previously' });
    left -= len;
  }
  segments.sort((a, b) => a.sourceIn - b.sourceIn);
  segments.push({ sourceIn: atSecond * fps - comingUp, sourceOut: atSecond * fps, score: 0, part: 'comingUp' });
  return { segments, totalScore: segments.reduce((a, s) => a + s.score, 0) };
}
