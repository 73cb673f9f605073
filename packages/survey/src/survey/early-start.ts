// The very first thing the embed's entry does (embed.ts imports this module before anything
// else, so it runs before Lit and the rest of the entry evaluate): for each <pv-survey src>
// already in the page that may draw its first page before the element is defined, the
// definition is requested at once. The page's preload hint has usually fetched it already, but
// handing it to script still takes a few tasks; they now overlap the entry's evaluation.
// early-boot.ts then draws those pages; <pv-survey> takes over what was started for it.
import type { FirstPaint } from './first-paint.js';
import { DEFAULT_STORE_NAME, draftPastFirstPage, surveyStorageKey } from './draft-notes.js';

/** What the embed started for one `<pv-survey>` before the element was defined. */
export interface EarlyStart {
  /** The `src` it fetched. */
  readonly src: string;
  /** The definition's text (the loader reads it from here: it is fetched once). */
  readonly text: Promise<string>;
  /**
   * Whether the embed may draw its first page (early-boot.ts). Not when this device's note says
   * the respondent left off on a later page: the element shows them that page.
   */
  readonly drawable: boolean;
  /** The page drawn, while it is on screen (early-boot.ts). */
  drawing?: EarlyDrawing;
}

/** A first page the embed drew before `<pv-survey>` was defined. */
export interface EarlyDrawing {
  readonly firstPaint: FirstPaint;
  /** The survey's frame, in the element's shadow root (the element renders nothing beside it). */
  readonly frame: HTMLElement;
  /**
   * What the element draws around the page once it has taken it over (its save line), and what
   * it does when the page goes (cleared, or failed to load): both set by the element.
   */
  chrome?: () => { before: unknown; after: unknown };
  gone?: () => void;
  /** Draws the page again (the element calls it after each of its own updates). */
  redraw(): void;
}

const starts = new Map<Element, EarlyStart>();

/**
 * Whether a survey in `locale` (its `locale`, else its `lang` attribute) may draw its first page
 * before survey-core: English or unset. Another language waits for survey-core's words.
 */
export function drawsEarlyIn(locale: string): boolean {
  return !locale || /^en\b/i.test(locale);
}

/**
 * What the embed started for `host`, handed over once: the element calls this when it first
 * connects. Undefined when nothing was started for it.
 */
export function takeEarlyStart(host: Element): EarlyStart | undefined {
  const start = starts.get(host);
  starts.delete(host);
  return start;
}

/** Whether `early` is still waiting for `host` to be defined (nothing took it over). */
export function stillWaiting(host: Element, early: EarlyStart): boolean {
  return starts.get(host) === early;
}

/** The starts made so far that no element has taken over, with their elements. */
export function waitingStarts(): Array<[Element, EarlyStart]> {
  return [...starts];
}

/**
 * Requests the definition of every `<pv-survey>` in `root` that may draw its first page early:
 * the attribute-level checks `<pv-survey>` makes (`mayPaintEarly`), and more. A survey with a
 * quick exit, a kiosk or an audience waits for the element, which draws what those need. So does
 * a respondent who left off on a later page (this device's note says so), who is shown that page:
 * their definition is requested all the same (the element reads it from here), but not drawn.
 * Nothing is started once `<pv-survey>` is defined: it then draws its own early page.
 */
export function startEarlyFetches(root: ParentNode = document): void {
  if (typeof customElements === 'undefined' || customElements.get('pv-survey')) return;
  for (const host of root.querySelectorAll('pv-survey')) {
    const src = host.getAttribute('src');
    if (!src || host.shadowRoot || starts.has(host)) continue;
    if (['audience', 'poll', 'kiosk', 'quick-exit'].some((name) => host.hasAttribute(name))) continue;
    if (!drawsEarlyIn(host.getAttribute('locale') ?? host.getAttribute('lang') ?? '')) continue;
    let key: string | undefined;
    try {
      key = surveyStorageKey(host.getAttribute('survey-id'), src);
    } catch {
      continue;
    }
    // The loader's own request, made early, and first: reading the note below waits on
    // storage, and the definition is wanted whether or not the first page is drawn.
    const text = requestText(src);
    // Its failures are the loader's to report, in the element.
    text.catch(() => undefined);
    // A respondent who left off on a later page is shown that page, by the element.
    const laterPage = key ? draftPastFirstPage(host.getAttribute('store-name') ?? DEFAULT_STORE_NAME, key) : false;
    starts.set(host, { src, text, drawable: !laterPage });
  }
}

/**
 * The body of `src` as text, as `fetch(src, { credentials: 'same-origin' })` would give it (and
 * matched, like it, by the page's `<link rel="preload" as="fetch" crossorigin>`): rejected on
 * a network error or a status other than 2xx. XMLHttpRequest rather than fetch: it hands a
 * preloaded body to script in fewer tasks, and this request is on the way to the first question.
 */
function requestText(src: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('GET', src);
    // Decoded as fetch's text() decodes, whatever charset the response names.
    request.overrideMimeType('text/plain; charset=utf-8');
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) resolve(request.responseText);
      else reject(new Error(`HTTP ${request.status}`));
    };
    request.onerror = request.onabort = () => reject(new TypeError('The definition could not be fetched.'));
    request.send();
  });
}
