import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { toCSV, type PublishedTally } from '@pupil-voice/aggregate';
import { figureStyles } from '../chart/chart.styles.js';
import { download } from '../chart/png.js';
import { NumberWords } from '../model/describe.js';
import { HIDDEN_MARK, shown } from '../model/hidden.js';
import { cellShowsNumbers, filterValues, viewOf } from '../model/view.js';
import { ChartLocalizeController } from '../strings/localize-controller.js';
import type { PvChart } from '../chart/chart.js';

/** Where the page keeps an analyst's token: this tab only, gone when it closes. */
const TOKEN_KEY = 'pv-analyst-token:';

type LoadState = 'idle' | 'loading' | 'preparing' | 'needs-token' | 'refused' | 'failed' | 'ready';

/** Bounds on the wait before asking again while the collector prepares the first results (seconds). */
const RETRY_MIN_S = 2;
const RETRY_MAX_S = 30;

/**
 * Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date), kept within
 * 2-30 s so a missing, zero or huge value neither hammers the collector nor leaves the page idle.
 */
export function retryDelaySeconds(header: string | null, now = Date.now()): number {
  let seconds = Number.NaN;
  if (header !== null && /^\s*\d+\s*$/.test(header)) seconds = Number(header);
  else if (header) seconds = (Date.parse(header) - now) / 1000;
  if (!Number.isFinite(seconds)) seconds = RETRY_MIN_S;
  return Math.min(RETRY_MAX_S, Math.max(RETRY_MIN_S, seconds));
}

/**
 * A whole survey's results for an analyst, a governor or a safeguarding lead: every question
 * as an accessible chart, filters (audience, school, wave, year group) that are views of one
 * publication (so no two views can be subtracted), comparison of groups side by side on or
 * off, the published CSV (tidy or wide) and each chart as a PNG, and a print stylesheet for a
 * governors' report. Given `src`, it fetches the publication with an analyst token, asking
 * for the token once and keeping it in `sessionStorage` for the tab.
 *
 * @summary The results page of one survey, from its publication.
 *
 * @csspart toolbar - filters, comparison and downloads
 * @csspart question - each question's section
 */
export class PvResults extends LitElement {
  static override styles = [
    figureStyles,
    css`
      h1 {
        font-size: 1.75rem;
        margin: 0 0 0.5rem;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1.25rem;
        align-items: flex-end;
        border: 1px solid #b1b4b6;
        border-radius: var(--pv-radius, 6px);
        padding: 0.75rem 1rem;
        margin: 0 0 1rem;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1rem;
        align-items: flex-end;
      }
      legend {
        font-weight: 700;
        padding: 0;
        margin-bottom: 0.25rem;
      }
      label {
        display: flex;
        flex-direction: column;
        font-size: 0.875rem;
        gap: 0.25rem;
      }
      label.inline {
        flex-direction: row;
        align-items: center;
        gap: 0.5rem;
        min-height: 44px;
      }
      select,
      input[type='password'] {
        font: inherit;
        min-height: 44px;
        padding: 0 0.5rem;
        border: 2px solid #0b0c0c;
        border-radius: 0;
        background: #fff;
      }
      input[type='checkbox'] {
        width: 24px;
        height: 24px;
      }
      select:focus-visible,
      input:focus-visible {
        outline: 3px solid var(--pv-color-focus, #ffdd00);
        outline-offset: 0;
        box-shadow: inset 0 0 0 2px #0b0c0c;
      }
      .questions {
        display: grid;
        /* A track at least as wide as its widest canvas would never shrink: let it. */
        grid-template-columns: minmax(0, 1fr);
        gap: 2rem;
      }
      section.question {
        border-top: 1px solid #b1b4b6;
        padding-top: 1rem;
      }
      .token {
        max-width: 32rem;
      }
      .token form {
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
      }
      @media print {
        .toolbar,
        .token {
          display: none;
        }
        section.question {
          break-inside: avoid;
          border: 0;
        }
        h1 {
          font-size: 1.5rem;
        }
      }
    `,
  ];

  /** The publication (from `suppress`, or the collector's `/v1/surveys/:id/published`). */
  @property({ attribute: false }) data?: PublishedTally;

  /** Where to fetch the publication; the request carries the analyst token. */
  @property() src?: string;

  /** Segment keys offered as filters (default: those of the publication). */
  @property({ attribute: false }) filterKeys?: string[];

  @state() private filters: Record<string, string | null> = {};
  @state() private comparing = false;
  @state() private compareBy = 'audience';
  @state() private csvLayout: 'tidy' | 'wide' = 'tidy';
  @state() private keepHidden = false;
  @state() private loadState: LoadState = 'idle';

  private readonly localize = new ChartLocalizeController(this);
  private loadedFrom?: string;
  /** The one pending retry while results are being prepared (never more than one). */
  private retryTimer?: ReturnType<typeof setTimeout>;
  /** Bumped by every load and by disconnect, so an answer for an older request is ignored. */
  private generation = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.src && (this.loadedFrom !== this.src || this.loadState === 'preparing')) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancelRetry();
    this.generation += 1;
  }

  private cancelRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('src') && this.src && this.loadedFrom !== this.src && this.isConnected) void this.load();
  }

  private get tokenKey(): string {
    return `${TOKEN_KEY}${new URL(this.src ?? '', location.href).pathname}`;
  }

  /** Fetches the publication with the tab's token; asks for one on 401. */
  async load(): Promise<void> {
    if (!this.src) return;
    this.cancelRetry();
    const generation = ++this.generation;
    this.loadedFrom = this.src;
    let token: string | null = null;
    try {
      token = sessionStorage.getItem(this.tokenKey);
    } catch {
      token = null;
    }
    // While preparing, keep the polite status on screen between tries (no flicker to "Loading").
    if (this.loadState !== 'preparing') this.loadState = 'loading';
    try {
      const response = await fetch(this.src, { headers: token ? { Authorization: `Bearer ${token}` } : {}, cache: 'no-store' });
      if (generation !== this.generation) return;
      if (response.status === 503) {
        // The collector is still computing the first results (`results_pending`): say so, and
        // ask again once after Retry-After, unless the element has left the page meanwhile.
        this.loadState = 'preparing';
        const seconds = retryDelaySeconds(response.headers.get('Retry-After'));
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          if (this.isConnected) void this.load();
        }, seconds * 1000);
        return;
      }
      if (response.status === 401) {
        this.loadState = token ? 'refused' : 'needs-token';
        return;
      }
      if (!response.ok) {
        this.loadState = 'failed';
        return;
      }
      const data = (await response.json()) as PublishedTally;
      if (generation !== this.generation) return;
      this.data = data;
      this.loadState = 'ready';
    } catch {
      if (generation !== this.generation) return;
      this.loadState = 'failed';
    }
  }

  private submitToken(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
    const token = input.value.trim();
    if (!token) return;
    try {
      sessionStorage.setItem(this.tokenKey, token);
    } catch {
      // Storage refused (private mode): the token still works for this load.
    }
    void this.load();
  }

  private get segmentKeys(): string[] {
    return (this.filterKeys ?? this.data?.segments ?? []).filter((key) => this.data?.segments.includes(key));
  }

  /** The current filters, with a value forced for any segment the publication does not total. */
  private effectiveFilters(data: PublishedTally, except?: string): Record<string, string | null> {
    const filters: Record<string, string | null> = {};
    for (const key of data.segments) {
      if (key === except) continue;
      const chosen = this.filters[key];
      if (chosen !== undefined && chosen !== null) filters[key] = chosen;
      else if (key === 'audience' && chosen === undefined && filterValues(data, key).includes('pupil')) {
        // Pupils mixed with parents answer no one's question: pupils first, "All" on request.
        filters[key] = 'pupil';
      } else if (!data.totals.includes(key)) {
        // A segment without a total needs a value: pupils first where there are pupils.
        const values = filterValues(data, key);
        filters[key] = values.includes('pupil') ? 'pupil' : (values[0] ?? null);
      }
    }
    return filters;
  }

  private setFilter(key: string, value: string): void {
    this.filters = { ...this.filters, [key]: value === '' ? null : value };
  }

  private downloadCsv(): void {
    if (!this.data) return;
    const csv = toCSV(this.data, { layout: this.csvLayout, hidden: this.keepHidden ? 'keep' : 'drop', labels: true, hiddenLegend: this.localize.t.hiddenLegend });
    const name = (this.data.survey ?? 'results').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'results';
    download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${name}-${this.csvLayout}.csv`);
  }

  private renderToken(): TemplateResult {
    const t = this.localize.t;
    return html`<section class="token" aria-labelledby="token-heading">
      <h1 id="token-heading">${t.tokenHeading}</h1>
      <p>${t.tokenHelp}</p>
      ${this.loadState === 'refused' ? html`<p class="error" role="alert">${t.tokenRefused}</p>` : nothing}
      <form @submit=${this.submitToken}>
        <label>${t.tokenLabel}<input name="token" type="password" autocomplete="off" spellcheck="false" required /></label>
        <div><button type="submit">${t.tokenSubmit}</button></div>
      </form>
    </section>`;
  }

  private renderToolbar(data: PublishedTally): TemplateResult {
    const t = this.localize.t;
    const comparable = ['audience', 'wave'].filter((key) => filterValues(data, key).length >= 2);
    return html`<div class="toolbar" part="toolbar">
      <fieldset>
        <legend>${t.filters}</legend>
        ${this.segmentKeys.map((key) => {
          const values = filterValues(data, key);
          const chosen = this.effectiveFilters(data)[key] ?? '';
          return html`<label>${t.segmentName(key)}
            <select @change=${(e: Event) => this.setFilter(key, (e.target as HTMLSelectElement).value)}>
              ${data.totals.includes(key) ? html`<option value="" ?selected=${chosen === ''}>${t.all}</option>` : nothing}
              ${values.map((value) => html`<option value=${value} ?selected=${chosen === value}>${key === 'audience' ? t.groupName(value) : value}</option>`)}
            </select>
          </label>`;
        })}
      </fieldset>
      ${comparable.length > 0
        ? html`<fieldset>
            <legend>${t.compareBy}</legend>
            <label class="inline"><input type="checkbox" .checked=${this.comparing} @change=${(e: Event) => (this.comparing = (e.target as HTMLInputElement).checked)} />${t.compareOn}</label>
            ${comparable.length > 1
              ? html`<label>${t.compareBy}
                  <select @change=${(e: Event) => (this.compareBy = (e.target as HTMLSelectElement).value)}>
                    ${comparable.map((key) => html`<option value=${key} ?selected=${this.compareBy === key}>${t.segmentName(key)}</option>`)}
                  </select>
                </label>`
              : nothing}
          </fieldset>`
        : nothing}
      <fieldset>
        <legend>${t.downloadCsv}</legend>
        <label>${t.csvLayout}
          <select @change=${(e: Event) => (this.csvLayout = (e.target as HTMLSelectElement).value === 'wide' ? 'wide' : 'tidy')}>
            <option value="tidy" ?selected=${this.csvLayout === 'tidy'}>${t.csvTidy}</option>
            <option value="wide" ?selected=${this.csvLayout === 'wide'}>${t.csvWide}</option>
          </select>
        </label>
        <label class="inline"><input type="checkbox" .checked=${this.keepHidden} @change=${(e: Event) => (this.keepHidden = (e.target as HTMLInputElement).checked)} />${t.csvKeepHidden}</label>
        <button type="button" @click=${() => this.downloadCsv()}>${t.downloadCsv}</button>
        <button type="button" @click=${() => window.print()}>${t.print}</button>
      </fieldset>
    </div>`;
  }

  private renderQuestions(data: PublishedTally): TemplateResult {
    const t = this.localize.t;
    const n = new NumberWords(this.localize.lang);
    const view = viewOf(data, this.effectiveFilters(data));
    if (!cellShowsNumbers(view, '[]')) return html`<p class="note" role="status">${t.viewHidden}</p>`;
    const respondents = shown(view.respondents['[]']);
    const by = ['audience', 'wave'].includes(this.compareBy) && filterValues(data, this.compareBy).length >= 2 ? this.compareBy : 'audience';
    const comparing = this.comparing && filterValues(data, by).length >= 2;
    const compareView = comparing ? viewOf(data, this.effectiveFilters(data, by), [by]) : undefined;
    return html`<p>${respondents === null ? '' : t.respondentsLine(n.count(respondents))} <b>${HIDDEN_MARK}</b> ${t.hiddenLegend}.</p>
      <div class="questions">
        ${compareView
          ? html`<section class="question" part="question">
              <pv-compare .data=${compareView} by=${by} .questions=${data.questions.map((q) => q.name).filter((name) => !data.segments.includes(name))}></pv-compare>
            </section>`
          : nothing}
        ${data.questions.map((question) =>
          compareView && (question.kind === 'choice' || question.kind === 'multi' || question.kind === 'matrix')
            ? html`<section class="question" part="question"><pv-compare .data=${compareView} by=${by} question=${question.name}></pv-compare></section>`
            : html`<section class="question" part="question"><pv-chart .data=${view} question=${question.name} segment="[]" downloadable></pv-chart></section>`,
        )}
      </div>`;
  }

  /** The chart elements on the page (for tests and integrations). */
  get charts(): PvChart[] {
    return [...(this.shadowRoot?.querySelectorAll('pv-chart') ?? [])];
  }

  override render(): TemplateResult {
    const t = this.localize.t;
    if (this.loadState === 'needs-token' || this.loadState === 'refused') return this.renderToken();
    if (this.loadState === 'failed') return html`<p class="error" role="alert">${t.loadFailed}</p>`;
    const data = this.data;
    // One live region for "loading" and "being prepared", so a change of text is announced.
    if (this.loadState === 'preparing' || !data) return html`<p class="note" role="status">${this.loadState === 'preparing' ? t.preparing : t.loading}</p>`;
    return html`<h1>${data.survey ?? t.resultsHeading}</h1>
      ${this.renderToolbar(data)} ${this.renderQuestions(data)}`;
  }
}
