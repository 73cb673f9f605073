import { html, nothing, type TemplateResult } from 'lit';
import type { Question, SurveyModel } from 'survey-core';
import { sanitizeHtml } from '../sanitize.js';
import type { Translation } from '../strings/translation.js';
import { earlyQuestionHtml, escapeHtml, matrixRowsHtml, type EarlyIds } from './early-markup.js';
import type { EarlyChoice, EarlyPage, EarlyQuestion } from './first-paint-plan.js';

/** What the early page needs from `<pv-survey>`, given explicitly. */
export interface FirstPaintConfig {
  /** The survey's UI strings. */
  strings(): Translation;
  /** Writes the answers so far to the respondent's draft (the same draft the model will resume). */
  save(answers: Readonly<Record<string, unknown>>): void;
}

/**
 * Where the early page is drawn: `<pv-survey>` itself, or, before it is defined, the page the
 * embed's first statements drew into its shadow root (early-boot.ts). `requestUpdate` draws the
 * page again; `renderRoot` holds it.
 */
export interface FirstPaintHost {
  requestUpdate(): void;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** A press of Continue, Submit or Start made before the model arrived, carried out once it has. */
export type PendingNavigation = 'next' | 'submit' | 'start';

/** Where keyboard focus was on the early page, to put it back on the model's page. */
interface FocusedControl {
  /** `q:<question name>:<index among the question's controls>`, or `nav` for Continue/Submit. */
  readonly key: string;
  readonly selection?: { start: number | null; end: number | null; direction: 'forward' | 'backward' | 'none' | null };
}

/** What the early page hands to the model's page. */
export interface HandOver {
  readonly pending?: PendingNavigation;
  readonly focus?: FocusedControl;
  /** The survey's frame, kept at the early page's height until the model's page is drawn. */
  readonly frame?: HTMLElement;
}

export { planFirstPaint } from './first-paint-plan.js';

/**
 * The part of a long page its first frame draws: whole questions and, when the last of them is
 * a grid, that grid's first rows. The rest is drawn in the next frame.
 */
export interface FirstScreen {
  /** How many questions (from the top) are drawn. */
  readonly questions: number;
  /** Rows drawn of the last of them, when it is a grid drawn in part. */
  readonly rows?: number;
}

/** The window the survey opens in, as the first frame needs to know it. */
export interface ScreenSize {
  /** From the survey's top edge to the bottom of the window, in CSS pixels. */
  readonly height: number;
  /** The least height of an option or a grid row (the target size), in CSS pixels. */
  readonly target: number;
}

/**
 * The room the early page has on screen: from the survey's top edge to the bottom of the window,
 * and the least height of an option (`--pv-target-size` in pixels; 16 if it is set in another
 * unit, the smallest it could then be). `host` is the `<pv-survey>`, its stylesheets adopted.
 */
export function screenSize(host: Element, laidOut = true): ScreenSize {
  const target = getComputedStyle(host).getPropertyValue('--_target').trim();
  return {
    height: window.innerHeight - (laidOut ? host.getBoundingClientRect().top : 0),
    target: /^\d+(\.\d+)?px$/.test(target) ? Math.max(1, parseFloat(target)) : 16,
  };
}

/** The least height of a question's title: one line of small text. */
const MIN_TITLE = 16;

/**
 * How much of `page` reaches the bottom of the window when every question takes the least
 * height it can: its title one short line, each option, grid row or input one target, options
 * in as few rows as its layout allows (none for instructions). Whatever comes after that is
 * below the window however the page is styled, so drawing it a frame later moves nothing the
 * respondent can see. Undefined when the whole page may fit: then it is drawn at once.
 */
export function firstScreen(page: EarlyPage, { height, target }: ScreenSize): FirstScreen | undefined {
  let filled = 0;
  const last = page.questions.length - 1;
  for (const [index, q] of page.questions.entries()) {
    if (q.kind === 'matrix') {
      // Rows up to the bottom of the window, and one more; at least one.
      const rows = Math.max(1, Math.ceil((height - filled - MIN_TITLE) / target) + 1);
      if (rows < q.rows.length) return { questions: index + 1, rows };
    }
    filled += leastHeight(q, target);
    if (filled >= height && index < last) return { questions: index + 1 };
  }
  return undefined;
}

function leastHeight(q: EarlyQuestion, target: number): number {
  switch (q.kind) {
    case 'html':
      return 0;
    case 'radiogroup':
    case 'checkbox': {
      // `colCount: 0` flows the options in a row; columns fall back to one stack when narrow.
      const lines = q.colCount === 0 ? 1 : Math.ceil(q.choices.length / Math.max(1, q.colCount));
      return MIN_TITLE + lines * target;
    }
    case 'matrix':
      return MIN_TITLE + q.rows.length * target;
    default:
      return MIN_TITLE + target;
  }
}

/** The progress text and page heading of the early page's frame (`render` and `drawPlain` both show them). */
function frameWords(page: EarlyPage, t: Translation): { progressText: string; pageHeading: string | undefined } {
  const progressText = t.pageOf(1, page.pageCount);
  return { progressText, pageHeading: page.pageTitle ?? (page.pageCount > 1 && !page.isStartPage ? progressText : page.surveyTitle) };
}

/** The `part` of the early page's Start, Submit or Continue button. */
function navigationPart(page: EarlyPage): string {
  return `button ${page.isStartPage ? 'start-button' : page.isLastPage ? 'submit-button' : 'next-button'}`;
}

let instances = 0;

/**
 * The first page of a survey, drawn from its JSON while survey-core downloads (see
 * `first-paint-plan.ts` for which pages qualify). It draws the same markup, with the same
 * classes and stylesheets, as the question elements will, so nothing moves when the model's page
 * replaces it. Answers are kept here in the shape survey-core stores them (the choice's own
 * value, ticked boxes in the order ticked, no empty text) and written to the draft at once;
 * `handOver` gives them to the model, and `restoreFocus` puts focus and the caret back on the
 * same control of the model's page.
 *
 * Nothing here imports survey-core (only its types): the early page is part of the embed entry.
 */
export class FirstPaint {
  private readonly host: FirstPaintHost;
  private config: FirstPaintConfig;
  private readonly prefix = `pvf${(instances += 1)}`;
  private answers: Record<string, unknown> = {};
  /** Questions answered on the early page (they win over the draft read after it). */
  private readonly touched = new Set<string>();
  /** Whether the draft is open, so answers can be written. */
  private drafted = false;

  /** The page on screen while the model loads, if this survey's first page qualifies. */
  page?: EarlyPage;
  /** Continue or Submit, pressed before the model arrived. */
  pending?: PendingNavigation;
  /** What the first frame draws of a long page; undefined once the whole page is drawn. */
  private screen?: FirstScreen;
  /** The drawn questions' elements, by name (see `questionNodes`). */
  private nodes = new Map<string, HTMLElement>();
  /** A grid the first frame drew in part: its place on the page and how many rows it has. */
  private partial?: { readonly index: number; readonly rows: number };

  constructor(host: FirstPaintHost, config: FirstPaintConfig) {
    this.host = host;
    this.config = config;
  }

  /**
   * New strings and a new way to save: `<pv-survey>` taking over a page the embed drew before
   * the element was defined, which could not save (no draft is open before it).
   */
  configure(config: FirstPaintConfig): void {
    this.config = config;
  }

  /**
   * Draws `page`, unanswered, at once: of a page longer than the window (`size`), what can be
   * on screen first, and the rest with `drawRest` once that is painted.
   */
  show(page: EarlyPage, size?: ScreenSize): void {
    this.page = page;
    this.screen = size ? firstScreen(page, size) : undefined;
    this.nodes = new Map();
    this.partial = undefined;
    this.answers = {};
    this.touched.clear();
    this.drafted = false;
    this.pending = undefined;
    this.host.requestUpdate();
  }

  /**
   * Whether the respondent has answered on the early page. (Only pressing Continue or Start
   * there is not answering: a respondent further on is better served by their own page.)
   */
  get interacted(): boolean {
    return this.touched.size > 0;
  }

  /**
   * The respondent's draft is open: its answers (of every page) fill the early page, except
   * where the respondent has answered again since it was drawn, and the result is written at
   * once if they answered here, with page one as the draft's page (they are on it).
   */
  resume(draft: Readonly<Record<string, unknown>>): void {
    const mine = Object.fromEntries([...this.touched].map((name) => [name, this.answers[name]]));
    this.answers = { ...draft };
    for (const [name, value] of Object.entries(mine)) {
      if (value === undefined) delete this.answers[name];
      else this.answers[name] = value;
    }
    this.drafted = true;
    if (this.interacted) this.config.save(this.answers);
    for (const q of this.page?.questions ?? []) {
      const node = this.nodes.get(q.name);
      if (node) this.showValue(q, node);
    }
    this.host.requestUpdate();
  }

  /** Draws the rest of a page whose first frame drew only what can be on screen. */
  drawRest(): void {
    if (!this.screen) return;
    this.screen = undefined;
    this.host.requestUpdate();
  }

  /** Forgets the early page (a newer load started, or loading failed). */
  clear(): void {
    if (!this.page) return;
    this.page = undefined;
    this.pending = undefined;
    this.screen = undefined;
    this.nodes = new Map();
    this.host.requestUpdate();
  }

  /**
   * Gives every answer of the early page to the model, notes where focus is, and forgets the
   * early page. Call it in the same task as the model's first render, so no keystroke falls
   * between the two pages.
   */
  handOver(model: SurveyModel): HandOver | undefined {
    const page = this.page;
    if (!page) return undefined;
    for (const early of page.questions) {
      const question = model.getQuestionByName(early.name) as Question | null;
      if (!question) continue;
      const value = this.answers[early.name];
      if (!sameValue(question.value, value)) question.value = copy(value);
    }
    // Question elements draw their content a microtask after they are inserted. Anything that
    // measures in between (survey-core sizing a text box) would see a short page, and the
    // browser would pull the scroll position up: the frame keeps its height until they are done.
    const frame = this.host.renderRoot.querySelector<HTMLElement>('.pv-survey') ?? undefined;
    if (frame) frame.style.minHeight = `${frame.getBoundingClientRect().height}px`;
    const handOver = { pending: this.pending, focus: this.focusedControl(), frame };
    this.page = undefined;
    this.pending = undefined;
    this.screen = undefined;
    this.nodes = new Map();
    return handOver;
  }

  /**
   * After the model's page rendered (question elements included): the frame's height is free
   * again, and focus and the caret are back where the respondent left them.
   */
  finish(model: SurveyModel, { frame, focus }: HandOver): void {
    frame?.style.removeProperty('min-height');
    if (!focus) return;
    const root = this.host.renderRoot;
    let target: HTMLElement | null = null;
    if (focus.key === 'nav') {
      target = root.querySelector<HTMLElement>('button[part~="next-button"], button[part~="submit-button"], button[part~="start-button"]');
    } else {
      const [, name, index] = /^q:(.*):(\d+)$/.exec(focus.key) ?? [];
      const question = name ? (model.getQuestionByName(name) as Question | null) : null;
      const element = question ? root.querySelector(`[data-qid="${CSS.escape(question.id)}"]`) : null;
      target = element?.querySelectorAll<HTMLElement>('input, textarea, select')[Number(index)] ?? null;
    }
    if (!target) return;
    target.focus({ preventScroll: true });
    const { selection } = focus;
    if (selection && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) {
      try {
        target.setSelectionRange(selection.start, selection.end, selection.direction ?? undefined);
      } catch {
        // Inputs without a caret (none drawn early) refuse a selection.
      }
    }
  }

  private focusedControl(): FocusedControl | undefined {
    const root = this.host.renderRoot as ShadowRoot | HTMLElement;
    const active = 'activeElement' in root ? root.activeElement : null;
    if (!active) return undefined;
    // A control is found again by its question's name and its place among the question's controls.
    const holder = active.closest('pv-early-question');
    const controls = holder ? Array.from(holder.querySelectorAll('input, textarea, select')) : [];
    const key = holder
      ? `q:${holder.getAttribute('data-name') ?? ''}:${controls.indexOf(active)}`
      : active.hasAttribute('data-early')
        ? 'nav'
        : undefined;
    if (!key) return undefined;
    if (active instanceof HTMLInputElement && active.type === 'text') {
      return { key, selection: { start: active.selectionStart, end: active.selectionEnd, direction: active.selectionDirection } };
    }
    if (active instanceof HTMLTextAreaElement) {
      return { key, selection: { start: active.selectionStart, end: active.selectionEnd, direction: active.selectionDirection } };
    }
    return { key };
  }

  private answer(name: string, value: unknown): void {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete this.answers[name];
    else this.answers[name] = value;
    this.touched.add(name);
    // The controls already show it (they are the browser's own); only the draft is written.
    if (this.drafted) this.config.save(this.answers);
  }

  private readonly onNavigate = (): void => {
    if (!this.page) return;
    this.pending = this.page.isStartPage ? 'start' : this.page.isLastPage ? 'submit' : 'next';
    this.host.requestUpdate();
  };

  /** The early page: the same parts, in the same order, as `<pv-survey>` draws the model's. */
  render(chrome: { before: unknown; after: unknown }): TemplateResult | typeof nothing {
    const page = this.page;
    if (!page) return nothing;
    const t = this.config.strings();
    const { progressText, pageHeading } = frameWords(page, t);
    const busy = this.pending !== undefined;
    const screen = this.screen;
    const questions = screen ? page.questions.slice(0, screen.questions) : page.questions;
    return html`${chrome.before}
      ${page.surveyTitle || page.surveyDescription
        ? html`<div class="pv-header" part="header">
            ${page.surveyTitle ? html`<h2 class="pv-survey-title">${page.surveyTitle}</h2>` : nothing}
            ${page.surveyDescription ? html`<div class="pv-description">${page.surveyDescription}</div>` : nothing}
          </div>`
        : nothing}
      ${page.showProgressBar
        ? html`<div class="pv-progress" part="progress">
            <div
              class="pv-progress-track"
              role="progressbar"
              aria-label=${t.progressLabel}
              aria-valuemin="0"
              aria-valuemax="100"
              aria-valuenow="0"
              aria-valuetext=${progressText}
            >
              <div class="pv-progress-fill" style="width: 0%"></div>
            </div>
            <p class="pv-progress-text" aria-hidden="true">${progressText}</p>
          </div>`
        : nothing}
      <section class="pv-page" part="page" data-early-page>
        ${pageHeading
          ? html`<h3 class="pv-page-heading ${page.pageTitle ? '' : 'pv-visually-hidden'}" id="pv-page-heading" tabindex="-1">
              ${pageHeading}
            </h3>`
          : nothing}
        ${page.pageDescription ? html`<div class="pv-description">${page.pageDescription}</div>` : nothing}
        ${this.questionNodes(page, questions.length, screen?.rows, t)}
      </section>
      ${screen ? nothing : this.renderEnd(page, busy, t, chrome.after)}`;
  }

  /**
   * Draws the page into `frame` as `render` would with nothing around it and nothing pressed,
   * from markup, not a template: the embed's first frame (early-boot.ts). Preparing and filling
   * the templates was the largest part of that frame's script on a slow CPU. The frame is then the
   * caller's to hand to `render` (early-boot.ts empties it first; the question elements are kept).
   */
  drawPlain(frame: HTMLElement): void {
    const page = this.page;
    if (!page) return;
    const t = this.config.strings();
    const e = escapeHtml;
    const { progressText, pageHeading } = frameWords(page, t);
    const screen = this.screen;
    const header =
      page.surveyTitle || page.surveyDescription
        ? `<div class="pv-header" part="header">${page.surveyTitle ? `<h2 class="pv-survey-title">${e(page.surveyTitle)}</h2>` : ''}${
            page.surveyDescription ? `<div class="pv-description">${e(page.surveyDescription)}</div>` : ''
          }</div>`
        : '';
    const progress = page.showProgressBar
      ? `<div class="pv-progress" part="progress"><div class="pv-progress-track" role="progressbar" aria-label="${e(t.progressLabel)}" aria-valuemin="0" aria-valuemax="100" aria-valuenow="0" aria-valuetext="${e(progressText)}"><div class="pv-progress-fill" style="width: 0%"></div></div><p class="pv-progress-text" aria-hidden="true">${e(progressText)}</p></div>`
      : '';
    const heading = pageHeading
      ? `<h3 class="pv-page-heading${page.pageTitle ? '' : ' pv-visually-hidden'}" id="pv-page-heading" tabindex="-1">${e(pageHeading)}</h3>`
      : '';
    const description = page.pageDescription ? `<div class="pv-description">${e(page.pageDescription)}</div>` : '';
    const end = screen
      ? ''
      : `<div class="pv-navigation" part="navigation"><button type="button" class="pv-button" part="${navigationPart(page)}" data-early="nav">${e(
          page.buttonText,
        )}</button></div><p class="pv-visually-hidden" role="status"></p>`;
    frame.innerHTML = `${header}${progress}<section class="pv-page" part="page" data-early-page>${heading}${description}</section>${end}`;
    const questions = screen ? screen.questions : page.questions.length;
    frame.querySelector('section')!.append(...this.questionNodes(page, questions, screen?.rows, t));
    frame.querySelector('[data-early="nav"]')?.addEventListener('click', this.onNavigate);
  }

  /** Below the questions: Continue (or Submit, or Start), its busy note, the save line. */
  private renderEnd(page: EarlyPage, busy: boolean, t: Translation, after: unknown): TemplateResult {
    return html`<div class="pv-navigation" part="navigation">
        <button
          type="button"
          class="pv-button ${busy ? 'pv-button--busy' : ''}"
          part=${navigationPart(page)}
          data-early="nav"
          aria-disabled=${busy ? 'true' : nothing}
          @click=${this.onNavigate}
        >
          ${page.buttonText}
        </button>
      </div>
      <p class="pv-visually-hidden" role="status">${busy ? t.loading : ''}</p>
      ${after}`;
  }

  /**
   * The elements of the first `count` questions (of the last, only its first `rows` when given),
   * each built once: the ones not drawn yet are parsed together from their markup
   * (early-markup.ts). A grid drawn in part gets the rest of its rows once it is drawn whole.
   */
  private questionNodes(page: EarlyPage, count: number, rows: number | undefined, t: Translation): HTMLElement[] {
    const missing: number[] = [];
    for (let index = 0; index < count; index += 1) if (!this.nodes.has(page.questions[index]!.name)) missing.push(index);
    if (missing.length > 0) {
      const markup = missing.map((index) =>
        earlyQuestionHtml(page.questions[index]!, this.ids(index), t, sanitizeHtml, index === count - 1 ? rows : undefined),
      );
      let built = parse(markup.join(''));
      // One element per question; should instructions ever break out of theirs, one parse each.
      if (built.length !== missing.length) built = markup.map((one) => parse(one)[0]!);
      missing.forEach((index, at) => {
        const q = page.questions[index]!;
        const node = built[at]!;
        node.addEventListener('change', (event) => this.onChange(q, node, event.target as HTMLInputElement & HTMLSelectElement));
        if (q.kind === 'text' || q.kind === 'comment') {
          node.addEventListener('input', (event) => this.answer(q.name, (event.target as HTMLInputElement).value));
        }
        this.nodes.set(q.name, node);
        if (q.kind === 'matrix' && index === count - 1 && rows !== undefined && rows < q.rows.length) this.partial = { index, rows };
        if (q.name in this.answers) this.showValue(q, node);
      });
    }
    const partial = this.partial;
    if (partial && (partial.index < count - 1 || rows === undefined)) {
      // The grid's remaining rows, below the window's bottom edge.
      this.partial = undefined;
      const q = page.questions[partial.index]!;
      const node = this.nodes.get(q.name);
      if (q.kind === 'matrix' && node) {
        const ids = this.ids(partial.index);
        node.querySelector('tbody')?.insertAdjacentHTML('beforeend', matrixRowsHtml(q, ids, q.description ? ids.description : undefined, partial.rows, q.rows.length));
        if (q.name in this.answers) this.showValue(q, node);
      }
    }
    return page.questions.slice(0, count).map((q) => this.nodes.get(q.name)!);
  }

  /** Ids of the parts of the question at `index`: unique in the survey's shadow root. */
  private ids(index: number): EarlyIds {
    const id = `${this.prefix}_${index}`;
    return { title: `${id}_title`, description: `${id}_description`, control: `${id}i` };
  }

  /** A control of `q` changed: its answer, in the shape survey-core stores it. */
  private onChange(q: EarlyQuestion, node: HTMLElement, target: HTMLInputElement & HTMLSelectElement): void {
    switch (q.kind) {
      case 'radiogroup':
      case 'rating':
        if (target.checked) this.answer(q.name, q.choices[Number(target.value)]?.value);
        break;
      case 'boolean':
        if (target.checked) this.answer(q.name, target.value === 'true');
        break;
      case 'checkbox': {
        const value = q.choices[Number(target.value)]?.value;
        const current = this.answers[q.name];
        // Ticked boxes in the order ticked, as survey-core keeps them.
        const rest = (Array.isArray(current) ? (current as unknown[]) : []).filter((item) => item !== value);
        this.answer(q.name, target.checked ? [...rest, value] : rest);
        break;
      }
      case 'dropdown':
        this.answer(q.name, target.value === '' ? undefined : q.choices[Number(target.value)]?.value);
        break;
      case 'matrix': {
        // A grid's answer is `{ row value: column value }`, rows in the order answered.
        const row = gridRow(q, target);
        const group = target.closest('.pv-matrix-group');
        const column = group ? q.columns[Array.from(group.querySelectorAll('input')).indexOf(target)] : undefined;
        if (!row || !column || !target.checked) return;
        const current = this.answers[q.name];
        this.answer(q.name, { ...(isRecord(current) ? current : {}), [String(row.value)]: column.value });
        break;
      }
      default:
        return;
    }
    syncState(q, node);
  }

  /** Sets the controls of `q` to its answer (the draft's, once read), then what shows it. */
  private showValue(q: EarlyQuestion, node: HTMLElement): void {
    const value = this.answers[q.name];
    const inputs = node.querySelectorAll<HTMLInputElement>('input');
    switch (q.kind) {
      case 'radiogroup':
      case 'rating':
        for (const input of inputs) input.checked = q.choices[Number(input.value)]?.value === value && value !== undefined;
        break;
      case 'checkbox': {
        const ticked = Array.isArray(value) ? (value as unknown[]) : [];
        for (const input of inputs) input.checked = ticked.includes(q.choices[Number(input.value)]?.value);
        break;
      }
      case 'boolean':
        for (const input of inputs) input.checked = typeof value === 'boolean' && value === (input.value === 'true');
        break;
      case 'dropdown': {
        const select = node.querySelector('select');
        const chosen = q.choices.findIndex((choice) => choice.value === value);
        if (select) select.value = chosen < 0 ? '' : String(chosen);
        break;
      }
      case 'matrix': {
        const answers = isRecord(value) ? value : {};
        for (const group of node.querySelectorAll('.pv-matrix-group')) {
          const radios = group.querySelectorAll('input');
          const row = radios[0] ? gridRow(q, radios[0]) : undefined;
          radios.forEach((input, column) => {
            input.checked = row !== undefined && answers[String(row.value)] === q.columns[column]?.value;
          });
        }
        break;
      }
      case 'text':
      case 'comment': {
        const field = node.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
        const text = typeof value === 'string' ? value : '';
        if (field && field.value !== text) field.value = text;
        break;
      }
      case 'html':
        break;
    }
    syncState(q, node);
  }
}

/** The grid row an early input belongs to, by its name (`<control id>_row<index>`, early-markup.ts). */
function gridRow(q: Extract<EarlyQuestion, { kind: 'matrix' }>, input: HTMLInputElement): EarlyChoice | undefined {
  return q.rows[Number(/_row(\d+)$/.exec(input.name)?.[1] ?? -1)];
}

/** The elements `markup` makes, parsed once, not yet in the document. */
function parse(markup: string): HTMLElement[] {
  const template = document.createElement('template');
  template.innerHTML = markup;
  return Array.from(template.content.children) as HTMLElement[];
}

/**
 * What the question elements draw from an answer besides the control's own state: the ticked
 * option's frame, the chosen step of a scale, and a dropdown's placeholder, which cannot be
 * chosen again once answered unless the question allows clearing.
 */
function syncState(q: EarlyQuestion, node: HTMLElement): void {
  for (const choice of node.querySelectorAll('.pv-choice')) {
    choice.classList.toggle('pv-choice--checked', choice.querySelector('input')?.checked === true);
  }
  for (const item of node.querySelectorAll('.pv-rating-item')) {
    item.classList.toggle('pv-rating-item--selected', item.querySelector('input')?.checked === true);
  }
  if (q.kind === 'dropdown') {
    const select = node.querySelector('select');
    const placeholder = select?.options[0];
    if (select && placeholder) placeholder.disabled = !q.allowClear && select.value !== '';
  }
}

/** Whether survey-core already holds this value (arrays item by item, in order; a grid's rows by key). */
function sameValue(current: unknown, next: unknown): boolean {
  if (Array.isArray(current) && Array.isArray(next)) {
    return current.length === next.length && current.every((item, index) => item === next[index]);
  }
  if (isRecord(current) && isRecord(next)) {
    const keys = Object.keys(next);
    return Object.keys(current).length === keys.length && keys.every((key) => current[key] === next[key]);
  }
  return current === next || ((current === undefined || current === null) && next === undefined);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy for the model, so the early page's own value is never shared with it. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return [...(value as unknown[])];
  return isRecord(value) ? { ...value } : value;
}

