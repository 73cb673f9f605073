import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { elementsDrawn } from '../question/elements-drawn.js';
import { afterNextPaint } from './after-next-paint.js';

/** A question element or panel (see PvQuestionElement.leaving). */
interface PageElement extends Element {
  leaving: boolean;
  requestUpdate(): void;
}

/** Elements drawn first on a new page, until a page has been measured. */
const FIRST_ELEMENTS = 2;
/** The longest the rest of a page waits for the browser to be idle after the first screen, in ms. */
const IDLE_TIMEOUT = 100;

/**
 * A new page draws what can be seen first. After Continue or Back, `<pv-survey>` draws the
 * page's first elements (as many as filled the window last time), lets them render, and
 * measures: while the last one ends above the window's bottom edge, it draws as many more as
 * look likely to fill the window, and measures again. Everything after that is below the
 * window, so drawing it later moves nothing in view: it is drawn once the first screen is
 * painted and the browser is idle (or `IDLE_TIMEOUT` has passed, whichever is first). A long
 * page thus shows at the cost of its first screen, and a press on the new page is not held up
 * by questions no one can see yet.
 *
 * Only a page change is drawn this way: the first page, a hand-over from the early page and a
 * restart are drawn whole. The host's `updateComplete` waits for the whole page (see
 * `PvSurvey.getUpdateComplete`).
 */
export class PageDrawing implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };
  /** How many of the page's elements are drawn; undefined when all of them are. */
  private drawn?: number;
  /** How many elements the last page measured needed to reach the window's bottom edge. */
  private fill = FIRST_ELEMENTS;
  /** Changes with every new page, so a measurement of an older one is dropped. */
  private token = 0;
  private measuring = false;
  private finish?: () => void;
  /** The previous page's elements, marked as leaving until the survey's next render. */
  private leaving: PageElement[] = [];

  /** Pending while a page is drawn in part; undefined when the whole page is drawn. */
  whole?: Promise<void>;

  constructor(host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment }) {
    this.host = host;
    host.addController(this);
  }

  /** How many of the page's elements to draw: undefined for all of them. */
  get limit(): number | undefined {
    return this.drawn;
  }

  /** The respondent moved to another page: draw its first screen first. */
  pageChanged(): void {
    // The old page's elements go with the next render; what they were asked to draw meanwhile
    // (validation on Continue marks every answer checked) would be drawn for nothing.
    for (const element of this.host.renderRoot.querySelectorAll('.pv-page *')) {
      if ('leaving' in element && !(element as PageElement).leaving) {
        (element as PageElement).leaving = true;
        this.leaving.push(element as PageElement);
      }
    }
    this.token += 1;
    this.drawn = this.fill;
    this.measuring = false;
    this.whole ??= new Promise((resolve) => (this.finish = resolve));
    this.host.requestUpdate();
  }

  /** Draws the whole page at once from now on (a new model, a restart, the element leaving). */
  reset(): void {
    this.release();
    if (this.drawn === undefined) return;
    this.token += 1;
    this.complete();
  }

  hostUpdated(): void {
    this.release();
    if (this.drawn === undefined || this.measuring) return;
    this.measuring = true;
    void this.measure(this.token);
  }

  hostDisconnected(): void {
    this.reset();
  }

  /** Elements marked as leaving that are still in the survey after its render draw as usual. */
  private release(): void {
    for (const element of this.leaving) {
      element.leaving = false;
      if (element.isConnected) element.requestUpdate();
    }
    this.leaving = [];
  }

  private async measure(token: number): Promise<void> {
    const section = this.host.renderRoot.querySelector('.pv-page');
    if (section) await elementsDrawn(section);
    if (token !== this.token || this.drawn === undefined) return;
    const elements = section
      ? Array.from(section.children).filter((node) => node.hasAttribute('data-qid') || node.localName === 'pv-panel')
      : [];
    // As many as asked for: the page may have more (fewer means it has no more).
    if (elements.length > 0 && elements.length >= this.drawn) {
      const bottoms = elements.map((element) => element.getBoundingClientRect().bottom);
      const reached = bottoms.findIndex((bottom) => bottom >= window.innerHeight);
      if (reached < 0) {
        // As many more as the ones drawn so far suggest will fill the window; measured again after.
        const top = elements[0].getBoundingClientRect().top;
        const bottom = bottoms[bottoms.length - 1];
        const each = Math.max(1, (bottom - top) / elements.length);
        this.drawn = elements.length + Math.max(1, Math.ceil((window.innerHeight - bottom) / each));
        this.measuring = false;
        this.host.requestUpdate();
        return;
      }
      // The next page starts with as many as this one needed.
      this.fill = Math.max(1, reached + 1);
      await afterNextPaint();
      await idle();
      if (token !== this.token) return;
    }
    this.complete();
  }

  /** The whole page is drawn from the next render on. */
  private complete(): void {
    this.drawn = undefined;
    this.measuring = false;
    // Asked before `whole` resolves, so whoever waits on it then waits for that render too.
    this.host.requestUpdate();
    const finish = this.finish;
    this.whole = undefined;
    this.finish = undefined;
    finish?.();
  }
}

/** Resolves when the browser is next idle, or after `IDLE_TIMEOUT` (at once where it cannot say). */
function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT });
    else setTimeout(resolve, 0);
  });
}
