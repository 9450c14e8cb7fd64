// livetrust viewer widgets: custom elements (<livetrust-badge>, <livetrust-reviews>,
// <livetrust-preview>) backed by one small wasm module.
//
//   <link rel="stylesheet" href="…/livetrust-widgets.css">
//   <script type="module" src="…/livetrust-widgets.js"></script>
//   <livetrust-badge src="/api/shops/m0001/index.json"></livetrust-badge>
//   <livetrust-reviews src="/api/shops/m0001/reviews.json"></livetrust-reviews>
//   <livetrust-preview src="/api/sessions/s42/preview.json"></livetrust-preview>
//
// Importing this module defines the elements. The wasm is fetched once, when the first element
// connects; every element renders into its own open shadow root with the widget stylesheet, takes
// its data from the `report` property, the `report` attribute (JSON) or a `src` URL (the last one
// set wins), re-renders when any of them or `lang` changes, and frees its view when it leaves the
// page, so single-page hosts need no initialisation calls. Built by `cargo xtask widgets`, which
// puts the stylesheet below in place of the marker.
import init, { ElementView } from './livetrust-widgets-wasm.js';

const STYLES = __LIVETRUST_SHADOW_CSS__;

let loading = null;
/** Starts loading the wasm (once) and resolves when it can render. */
export function load() {
  loading ??= init({ module_or_path: new URL('./livetrust-widgets-wasm_bg.wasm', import.meta.url) });
  return loading;
}

let sheet = null;
// One constructed stylesheet shared by every shadow root: parsed once, no <style> element (which a
// strict style-src would refuse), nothing fetched.
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  return sheet;
}

// One element class per tag, all alike but for the Rust view that renders them.
class LivetrustElement extends HTMLElement {
  static observedAttributes = ['report', 'src', 'lang'];

  #root;
  #view = null;
  /** What to show: undefined while waiting, else {report} or {problem}. */
  #state = undefined;
  #fetch = null;
  #leaving = 0;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [styles()];
    this.#root = document.createElement('div');
    this.#root.className = 'livetrust-root';
    this.#root.setAttribute('part', 'root');
    const skeleton = document.createElement('span');
    skeleton.className = 'skeleton';
    skeleton.setAttribute('aria-hidden', 'true');
    this.#root.append(skeleton);
    shadow.append(this.#root);
  }

  /** The data shown (a badge: an IndexReport, `{placement, dimensions}` or a bare placement;
   *  the reviews: a ReviewsReport; the preview: a Preview). */
  get report() {
    return this.#state && 'report' in this.#state ? this.#state.report : undefined;
  }

  set report(value) {
    this.#cancelFetch();
    this.#state = value === undefined || value === null ? undefined : { report: value };
    this.#render();
  }

  connectedCallback() {
    // A `report` property set before this element was upgraded shadows the accessor: move it.
    if (Object.prototype.hasOwnProperty.call(this, 'report')) {
      const value = this.report;
      delete this.report;
      this.report = value;
    }
    clearTimeout(this.#leaving);
    if (this.#state === undefined && !this.#fetch && this.hasAttribute('src')) this.#load(this.getAttribute('src'));
    load().then(() => this.#render(), (e) => this.#fail(`wasm: ${e?.message ?? e}`));
  }

  disconnectedCallback() {
    // Moving an element (removed and inserted in the same task) keeps its view; leaving frees it.
    clearTimeout(this.#leaving);
    this.#leaving = setTimeout(() => {
      if (this.isConnected) return;
      this.#cancelFetch();
      this.#view?.destroy();
      this.#view = null;
    });
  }

  attributeChangedCallback(name, old, value) {
    if (old === value) return;
    if (name === 'report') {
      this.#cancelFetch();
      if (value === null) this.#state = undefined;
      else {
        try {
          this.#state = { report: JSON.parse(value) };
        } catch (e) {
          this.#state = { problem: `report: not JSON (${e.message})` };
        }
      }
    } else if (name === 'src') {
      if (value === null) this.#cancelFetch();
      else if (this.isConnected) this.#load(value);
      else this.#state = undefined;
    }
    this.#render();
  }

  #cancelFetch() {
    this.#fetch?.abort();
    this.#fetch = null;
  }

  #load(src) {
    this.#cancelFetch();
    const controller = new AbortController();
    this.#fetch = controller;
    this.#state = undefined;
    fetch(new URL(src, document.baseURI), { signal: controller.signal, headers: { Accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        try {
          return { report: await response.json() };
        } catch (e) {
          return { problem: `src: not JSON (${e.message})` };
        }
      })
      .catch((e) => (e.name === 'AbortError' ? null : { problem: `src: ${src} could not be loaded (${e.message})` }))
      .then((state) => {
        if (state === null || this.#fetch !== controller) return;
        this.#fetch = null;
        this.#state = state;
        this.#render();
      });
  }

  // Without its wasm the element cannot render a message either: it keeps its reserved box and
  // tells the page.
  #fail(problem) {
    this.dispatchEvent(new CustomEvent('livetrust-error', { bubbles: true, composed: true, detail: { message: problem } }));
  }

  #render() {
    if (!this.isConnected || !loading) return;
    loading.then(() => {
      if (!this.isConnected) return;
      if (!this.#view) {
        this.#root.replaceChildren();
        this.#view = new ElementView(this.#root, this.constructor.kind);
      }
      const lang = this.getAttribute('lang') ?? '';
      const state = this.#state;
      const problem = state && 'problem' in state
        ? (this.#view.showProblem(state.problem, lang), state.problem)
        : this.#view.show(state?.report, lang);
      if (problem) {
        this.dispatchEvent(new CustomEvent('livetrust-error', { bubbles: true, composed: true, detail: { message: problem } }));
      }
    }, () => {});
  }
}

class LivetrustBadge extends LivetrustElement {
  static kind = 'badge';
}

class LivetrustReviews extends LivetrustElement {
  static kind = 'reviews';
}

// Reserving dispatches `livetrust-reserve` ({detail: {sessionId, reserved}}) for the host to record.
class LivetrustPreview extends LivetrustElement {
  static kind = 'preview';
}

/** Defines the elements (done on import; safe to call again, or with two copies of the script). */
export function define() {
  if (!customElements.get('livetrust-badge')) customElements.define('livetrust-badge', LivetrustBadge);
  if (!customElements.get('livetrust-reviews')) customElements.define('livetrust-reviews', LivetrustReviews);
  if (!customElements.get('livetrust-preview')) customElements.define('livetrust-preview', LivetrustPreview);
}

define();
