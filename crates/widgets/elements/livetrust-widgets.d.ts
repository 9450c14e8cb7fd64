// Types of the livetrust viewer widgets (`livetrust-widgets.js`). Importing the module defines the
// custom elements; these declarations make `document.createElement('livetrust-badge')` and
// `querySelector('livetrust-badge')` typed, and describe the data a badge takes.

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
  }
  interface HTMLElementEventMap {
    'livetrust-error': CustomEvent<LivetrustErrorDetail>;
  }
}
