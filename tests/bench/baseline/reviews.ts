// What a front-end team might write instead of livetrust's review clean-up: the same rules over
// bare texts in plain TypeScript (String.normalize for widths, a Map for exact and normalised
// duplicates, 64-value MinHash with 16 LSH bands and an exact Jaccard check for near duplicates).
// Used only by tests/bench/reviews.bench.mjs, to compare speed in the same browser.

const BOILERPLATE = ['此用户未填写评价', '此用户没有填写评价', '该用户未填写评价', '用户未填写评价', '未填写评价内容',
  '评价方未及时做出评价系统默认好评', '系统默认好评', '默认好评', '五星好评', '好评', '非常好', '很好', '不错', '满意', '好'];
const NAVIGATION = ['首页', '登录', '注册', '购物车', '我的订单', '上一页', '下一页', '返回顶部', '帮助中心', '客服中心',
  '版权所有', 'copyright', '网站地图', '加入收藏', '关于我们', '联系我们', '全部评价', '收藏本站'];
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function normalize(text: string): string {
  const decoded = text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
  return decoded.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function mix(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
  return z ^ (z >> 31n);
}

// 32-bit hashing (Math.imul): what a JS developer would use rather than BigInt.
function hash32(s: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

const SEEDS = Array.from({ length: 64 }, (_, i) => Number(mix(BigInt(i + 1)) & 0xffffffffn));

interface Print { normal: string; shingles: Set<number>; bands: string[] }

function fingerprint(text: string): Print {
  const normal = normalize(text);
  const chars = [...normal];
  const width = Math.min(3, Math.max(chars.length, 1));
  const shingles = new Set<number>();
  for (let i = 0; i + width <= chars.length; i++) shingles.add(hash32(chars.slice(i, i + width).join(''), 0));
  const signature = new Array<number>(64).fill(0xffffffff);
  for (const h of shingles) {
    for (let k = 0; k < 64; k++) {
      const v = (Math.imul(h ^ SEEDS[k], 0x9e3779b1) >>> 0);
      if (v < signature[k]) signature[k] = v;
    }
  }
  const bands: string[] = [];
  for (let b = 0; b < 16; b++) bands.push(`${b}:${signature.slice(b * 4, b * 4 + 4).join(',')}`);
  return { normal, shingles, bands };
}

function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return a.size === b.size ? 1 : 0;
  let same = 0;
  for (const x of a) if (b.has(x)) same++;
  return same / (a.size + b.size - same);
}

export function cleanTexts(texts: string[]): { kept: number; filtered: Record<string, number> } {
  const filtered: Record<string, number> = {};
  const out = (reason: string) => { filtered[reason] = (filtered[reason] ?? 0) + 1; };
  const raw = new Set<string>();
  const normals = new Set<string>();
  const bands = new Map<string, number[]>();
  const kept: Print[] = [];
  for (const text of texts) {
    const f = fingerprint(text);
    const length = [...f.normal].length;
    let rest = f.normal;
    let found = false;
    for (const p of BOILERPLATE) if (rest.includes(p)) { found = true; rest = rest.split(p).join(''); }
    const lower = text.toLowerCase();
    if (f.normal && found && [...rest].length < 2) out('boilerplate');
    else if (length < 6) out('tooShort');
    else if (lower.includes('http://') || lower.includes('https://') || lower.includes('www.')
      || NAVIGATION.filter((w) => f.normal.includes(w)).length >= 2) out('navigationJunk');
    else if (raw.has(text)) out('exactDuplicate');
    else if (normals.has(f.normal)) out('normalizedDuplicate');
    else {
      const candidates = new Set<number>();
      for (const band of f.bands) for (const k of bands.get(band) ?? []) candidates.add(k);
      let near = false;
      for (const k of candidates) if (jaccard(kept[k].shingles, f.shingles) >= 0.8) { near = true; break; }
      if (near) out('nearDuplicate');
      else {
        raw.add(text);
        normals.add(f.normal);
        for (const band of f.bands) {
          const list = bands.get(band);
          if (list) list.push(kept.length); else bands.set(band, [kept.length]);
        }
        kept.push(f);
      }
    }
  }
  return { kept: kept.length, filtered };
}
