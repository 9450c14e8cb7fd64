// Types of the livetrust viewer widgets (`livetrust-widgets.js`). Importing the module defines the
// custom elements; these declarations make `document.createElement('livetrust-badge')` (and
// `'livetrust-reviews'`) and `querySelector` typed, and describe the data each element takes.

/** A tier among the merchants of the same L2 category. */
export type BadgeTier = 'leading' | 'average' | 'slightlyBelow';

/** Why no tier is shown (`IndexReport.placement.missing[]`). */
export type BadgeShortfall =
  | { kind: 'noData' }
  | { kind: 'fewOrders'; orders: number; needed: number }
  | { kind: 'fewPeers'; peers: number; needed: number }
  | { kind: 'wideInterval'; low: number; high: number; metric?: string; sample: number; moreCases: number };

/** `IndexReport.placement`, as `livetrust index` and the `livetrust` npm package write it. */
export interface BadgePlacement {
  status: 'tiered' | 'notEnoughData';
  tier?: BadgeTier;
  betterThanPercent?: number;
  betterThanLow?: number;
  betterThanHigh?: number;
  peerCount: number;
  missing: BadgeShortfall[];
}

/** One entry of `IndexReport.dimensions` (other fields are allowed and ignored). */
export interface BadgeDimension {
  dimension: 'quality' | 'service' | 'content' | 'repeatExperience';
  status: 'scored' | 'noData' | 'fewPeers';
  tier?: BadgeTier;
}

/** What a badge shows: a whole `IndexReport`, its placement with the dimensions, or the placement alone. */
export type BadgeReport = { placement: BadgePlacement; dimensions?: BadgeDimension[] } | BadgePlacement;

/** `<livetrust-badge report='…' src="…" lang="en">`: the trust badge of one shop. */
export interface LivetrustBadgeElement extends HTMLElement {
  /** The data shown; setting it replaces what `report` or `src` gave. */
  report: BadgeReport | undefined;
}

/** One review the carousel shows (`ReviewsReport.shown[]`; other fields are allowed and ignored). */
export interface ReviewsShownReview {
  reviewId: string;
  productId: string;
  /** Shown when present and not empty. */
  productTitle?: string;
  /** The buyer's paid orders at the shop ("第N次回购"). */
  ordersAtShop: number;
  /** 1 to 5 stars. */
  rating: number;
  /** The buyer's own text, shown as text (never as HTML). */
  text: string;
  mediaCount: number;
  helpfulVotes: number;
  /** RFC 3339, e.g. `2026-11-05T04:00:00Z`; shown as the Asia/Shanghai day. */
  createdAt: string;
  tags: string[];
  reply?: { text: string; repliedAt: string };
}

/** An aspect tag: "质量好 (32)". Tags with `shown: false` are not shown. */
export interface ReviewsTag {
  label: string;
  polarity: 'positive' | 'negative';
  count: number;
  shown?: boolean;
}

/** What a review carousel shows: a whole `ReviewsReport` (`livetrust reviews`, `repeatBuyerReviews`) or these parts of one. */
export interface ReviewsCarouselReport {
  shown: ReviewsShownReview[];
  tags?: ReviewsTag[];
  rule: { minOrders: number; shown: number; includesCritical?: boolean; products?: string[] };
}

/** `<livetrust-reviews report='…' src="…" lang="en">`: the repeat-buyer review carousel (回头客说). */
export interface LivetrustReviewsElement extends HTMLElement {
  /** The data shown; setting it replaces what `report` or `src` gave. */
  report: ReviewsCarouselReport | undefined;
}

/** One item of a live preview (a `PreviewItem` of `livetrust preview`). Money in integer fen. */
export interface PreviewCardItem {
  productId?: string;
  title: string;
  role: 'hero' | 'welfare' | 'regular';
  livePriceFen: number;
  listPriceFen: number;
  stock?: number;
  copy?: string;
}

/** What a preview card shows: a `Preview` (`livetrust preview`, `Market.preview`), with the
 *  session's id (keys the reservation and the calendar entry), the shop's name and the live
 *  room's address when the host has them. */
export interface PreviewCardReport {
  merchantId: string;
  start: string;
  minutes: number;
  title: string;
  coverText?: string;
  items?: PreviewCardItem[];
  sessionId?: string;
  merchantName?: string;
  url?: string;
}

/** `<livetrust-preview report='…' src="…" lang="en">`: the live preview (直播预告) with a countdown
 *  and a reserve button that downloads an .ics file. */
export interface LivetrustPreviewElement extends HTMLElement {
  report: PreviewCardReport | undefined;
}

/** Detail of the `livetrust-reserve` event: the viewer reserved (or cancelled) this session. */
export interface LivetrustReserveDetail {
  sessionId: string;
  reserved: boolean;
}

/** Detail of the `livetrust-error` event an element fires when its data cannot be read or loaded. */
export interface LivetrustErrorDetail {
  /** Names the field or the source: `placement.status: expected one of tiered, notEnoughData`. */
  message: string;
}

/** Starts loading the wasm now (it otherwise loads when the first element connects). */
export function load(): Promise<unknown>;

/** Defines the custom elements; importing the module already did, so this is only for re-checks. */
export function define(): void;

declare global {
  interface HTMLElementTagNameMap {
    'livetrust-badge': LivetrustBadgeElement;
    'livetrust-reviews': LivetrustReviewsElement;
    'livetrust-preview': LivetrustPreviewElement;
  }
  interface HTMLElementEventMap {
    'livetrust-error': CustomEvent<LivetrustErrorDetail>;
    'livetrust-reserve': CustomEvent<LivetrustReserveDetail>;
  }
}
