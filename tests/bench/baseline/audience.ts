// The audience package's scoring in plain TypeScript over the same typed-array columns, as a
// front-end team would write it without livetrust: the formula of crates/core/src/preview/
// audience.rs (recency-weighted product and category interest, price fit, follower and
// reservation boosts), the package above a cut-off, expected reservations. Used by
// tests/bench/audience.bench.mjs beside the wasm package, on the same data.

export interface Columns {
  buyerCount: number;
  productCategory: Uint32Array;
  purchaseBuyer: Uint32Array;
  purchaseProduct: Uint32Array;
  purchaseDaysAgo: Uint16Array;
  purchaseUnitPriceFen: Uint32Array;
  followers: Uint32Array;
  earlierReservations: Uint16Array;
}

export interface Planned { product: number; livePriceFen: number }

export function audience(c: Columns, plan: Planned[], minAffinity = 0.2, rate = 0.25): { size: number; expected: number; top: number } {
  // Group purchases by buyer (counting sort), as the core does once per history.
  const n = c.buyerCount;
  const offsets = new Uint32Array(n + 1);
  for (let k = 0; k < c.purchaseBuyer.length; k++) offsets[c.purchaseBuyer[k] + 1]++;
  for (let i = 1; i <= n; i++) offsets[i] += offsets[i - 1];
  const next = offsets.slice();
  const order = new Uint32Array(c.purchaseBuyer.length);
  for (let k = 0; k < c.purchaseBuyer.length; k++) order[next[c.purchaseBuyer[k]]++] = k;
  const follower = new Uint8Array(n);
  for (const b of c.followers) follower[b] = 1;
  const slotOfProduct = new Map<number, number>();
  plan.forEach((p, k) => { if (!slotOfProduct.has(p.product)) slotOfProduct.set(p.product, k); });
  const catSlot = new Map<number, number>();
  const planCat = plan.map((p) => {
    const cat = c.productCategory[p.product];
    if (!catSlot.has(cat)) catSlot.set(cat, catSlot.size);
    return catSlot.get(cat)!;
  });
  const weight = new Float64Array(65536);
  for (let d = 0; d < weight.length; d++) weight[d] = Math.pow(0.5, d / 30);
  const pW = new Float64Array(plan.length);
  const cW = new Float64Array(catSlot.size);
  const cPaid = new Float64Array(catSlot.size);
  const affinities: number[] = [];
  let sum = 0;
  for (let b = 0; b < n; b++) {
    pW.fill(0); cW.fill(0); cPaid.fill(0);
    let any = false;
    for (let i = offsets[b]; i < offsets[b + 1]; i++) {
      const k = order[i];
      const p = c.purchaseProduct[k];
      const cs = catSlot.get(c.productCategory[p]);
      if (cs === undefined) continue;
      const w = weight[c.purchaseDaysAgo[k]];
      cW[cs] += w;
      cPaid[cs] += w * c.purchaseUnitPriceFen[k];
      const ps = slotOfProduct.get(p);
      if (ps !== undefined) pW[ps] += w;
      any = true;
    }
    let best = 0;
    if (any) {
      for (let k = 0; k < plan.length; k++) {
        const cs = planCat[k];
        if (cW[cs] === 0) continue;
        const own = slotOfProduct.get(plan[k].product) === k ? pW[k] : 0;
        const interest = 1 - Math.exp(-(own + 0.4 * Math.max(0, cW[cs] - own)));
        const fit = Math.min(1, cPaid[cs] / cW[cs] / plan[k].livePriceFen);
        best = Math.max(best, interest * fit);
      }
    }
    const r = c.earlierReservations.length ? c.earlierReservations[b] : 0;
    const a = 1 - (1 - best) * (1 - 0.25 * follower[b]) * (1 - 0.35 * (1 - Math.pow(0.5, r)));
    if (a >= minAffinity) { affinities.push(a); sum += a; }
  }
  affinities.sort((x, y) => y - x);
  return { size: affinities.length, expected: rate * sum, top: affinities[0] ?? 0 };
}
