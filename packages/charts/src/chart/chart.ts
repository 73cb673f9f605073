import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { baseLineOf, findingOf, NumberWords, tableOf, type FigureTable } from '../model/describe.js';
import { figureOf, hiddenCount, type Figure, type ScaleMode } from '../model/figure.js';
import { HIDDEN_MARK } from '../model/hidden.js';
import { defaultSegment, isPublication, keyValues, questionOf, type PublicationInput } from '../model/publication.js';
import { PoliteAnnouncer } from '../lifecycle/announcer.js';
import { ChartController } from '../lifecycle/chart-controller.js';
import { WidthController } from '../lifecycle/width-controller.js';
import { ChartLocalizeController } from '../strings/localize-controller.js';
import { planOf, type ChartPlan } from './chart-config.js';
import { setLabels } from './direct-labels.js';
import { figureStyles } from './chart.styles.js';
import { chartPng, download, hiddenLegendLine, type PngText } from './png.js';

/** True when the reader asked the system for less motion. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * One question of a published tally as an accessible chart: a `<figure>` whose caption states
 * the main finding in words, a chart.js canvas (`role="img"`, labelled with the same finding)
 * and a real `<table>` of the same numbers. Single choice: horizontal bars with percentage and
 * base. Multi-select: share of respondents. Agree/disagree scales and matrix rows: diverging
 * bars with the neutral middle and "Don't know"/"Prefer not to say" beside, grey and outside
 * the percentage base. Numbers: the middle half and median. Every hidden number shows `[c]`,
 * with the legend "hidden to protect small groups", in the bars, labels, table, tooltip and
 * announcement alike. chart.js is loaded on demand.
 *
 * @summary An accessible chart of one question from a published (suppressed) tally.
 *
 * @csspart figure - the figure
 * @csspart table - the details element holding the data table
 * @csspart download - the PNG download button
 *
 * @cssproperty --pv-chart-title-size - Size of the question title (default 1.125rem).
 * @cssproperty --pv-color-text - Text colour.
 * @cssproperty --pv-color-secondary-text - Base and notes.
 * @cssproperty --pv-color-accent - Button colour.
 */
export class PvChart extends LitElement {
  static override styles = figureStyles;

  /** A published tally (as `suppress` returns it, or as the collector's results endpoint serves it). */
  @property({ attribute: false }) data?: PublicationInput;

  /** The question's name (its data key). */
  @property() question = '';

  /** A cell key of the publication (e.g. `'["pupil",true]'`); default: the overall cell. */
  @property() segment?: string;

  /** `auto` (diverging bars for agree/disagree scales, ratings and matrices), `bars` or `diverging`. */
  @property() scale: ScaleMode = 'auto';

  /** Shows a button that downloads the chart as a PNG. */
  @property({ type: Boolean }) downloadable = false;

  /** Opens the data table by default. */
  @property({ type: Boolean, attribute: 'table-open' }) tableOpen = false;

  @query('canvas') private canvas!: HTMLCanvasElement | null;

  private readonly localize = new ChartLocalizeController(this);
  /** Re-plans the labels when the element is resized across the breakpoint. */
  private readonly width = new WidthController(this);
  private readonly announcer = new PoliteAnnouncer(this);
  private plan: ChartPlan | undefined;
  private loadError = false;
  private readonly chartController = new ChartController(this, {
    canvas: () => (this.plan ? this.canvas : null),
    config: () => {
      if (!this.plan || !this.canvas) return undefined;
      setLabels(this.canvas, this.plan.labels);
      return this.plan.config;
    },
    failed: () => {
      this.loadError = true;
      this.requestUpdate();
    },
  });

  /** The chart.js instance, once drawn (for tests and integrations). */
  get chart() {
    return this.chartController.chart;
  }

  /** Resolves once the chart shows the current data. */
  async whenDrawn(): Promise<void> {
    await this.updateComplete;
    await this.chartController.whenDrawn();
  }

  /** What the chart, caption and table show, or undefined without data or question. */
  get figure(): Figure | undefined {
    const data = this.data;
    if (!isPublication(data) || !this.question) return undefined;
    const question = questionOf(data, this.question);
    const key = this.segment ?? defaultSegment(data);
    if (!question || key === undefined) return undefined;
    return figureOf(question, key, this.scale);
  }

  private words(): NumberWords {
    return new NumberWords(this.localize.lang);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') && changed.get('data') !== undefined && this.hasUpdated) {
      const figure = this.figure;
      if (figure) this.announcer.announce(this.localize.t.updated(findingOf(figure, this.localize.t, this.words())));
    }
  }

  /** The words a PNG export carries around the chart: title, finding, base and (if anything is hidden) the `[c]` legend. */
  get exportText(): PngText | undefined {
    const figure = this.figure;
    if (!figure) return undefined;
    const t = this.localize.t;
    const n = this.words();
    return {
      title: figure.title,
      above: [findingOf(figure, t, n)],
      below: [baseLineOf(figure, t, n), ...(hiddenCount(figure) > 0 ? [hiddenLegendLine(t.hiddenLegend)] : [])],
    };
  }

  /** The chart as a PNG with its title, finding, base and hidden-mark legend. */
  async toPng(): Promise<Blob> {
    await this.whenDrawn();
    const text = this.exportText;
    if (!this.canvas || !text) throw new Error('nothing to export');
    return chartPng(this.canvas, text);
  }

  private async downloadPng(): Promise<void> {
    download(await this.toPng(), `${this.question || 'chart'}.png`);
  }

  private groupLine(): string | undefined {
    if (!this.data || this.segment === undefined) return undefined;
    const values = keyValues(this.segment);
    const segments = isPublication(this.data) ? this.data.segments : [];
    // Audiences as readers know them (parent → Parents), in the element's language.
    const named = values?.flatMap((value, i) => (typeof value !== 'string' ? [] : [segments[i] === 'audience' ? this.localize.t.groupName(value) : value]));
    return named && named.length > 0 ? named.join(' · ') : undefined;
  }

  private renderTable(table: FigureTable, title: string): TemplateResult {
    return html`<div class="table-wrap">
      <table>
        <caption class="visually-hidden">${title}</caption>
        <thead>
          <tr>${table.head.map((cell) => html`<th scope="col">${cell}</th>`)}</tr>
        </thead>
        <tbody>
          ${table.rows.map(([header, ...cells]) => html`<tr><th scope="row">${header}</th>${cells.map((cell) => html`<td>${cell}</td>`)}</tr>`)}
        </tbody>
      </table>
    </div>`;
  }

  override render(): TemplateResult | typeof nothing {
    const t = this.localize.t;
    const figure = this.figure;
    if (!figure) {
      this.plan = undefined;
      return this.data && this.question ? html`<p class="note">${t.noData}</p>` : nothing;
    }
    const n = this.words();
    const finding = findingOf(figure, t, n);
    this.plan = planOf(figure, t, n, prefersReducedMotion(), this.width.plan());
    const hidden = hiddenCount(figure) > 0;
    const kind = figure.type === 'diverging' ? t.kindDiverging : figure.type === 'distribution' ? t.kindDistribution : t.kindBars;
    const group = this.groupLine();
    const note = figure.type === 'bars' && figure.measure === 'respondents' && figure.base !== null ? t.multiNote : undefined;
    return html`<figure part="figure" aria-labelledby="title">
      <figcaption>
        <span class="title" id="title">${figure.title}</span>
        ${group ? html`<span class="group">${group}</span>` : nothing}
        <span class="finding">${finding}${hidden && !finding.includes(HIDDEN_MARK) ? ` ${t.someHidden}` : ''}</span>
        <span class="base">${baseLineOf(figure, t, n)}</span>
      </figcaption>
      ${figure.type === 'diverging'
        ? html`<ul class="key" aria-label=${t.answer}>
            ${figure.categories.map(
              (c) => html`<li><span class="swatch" style=${styleMap({ background: c.colour })}></span>${c.label}${c.side === 'excluded' ? ` (${t.notInBase})` : ''}</li>`,
            )}
          </ul>`
        : nothing}
      ${this.plan
        ? html`<div class="canvas-box" style=${styleMap({ height: `${this.plan.height}px` })}>
            <canvas role="img" aria-label=${t.chartLabel(kind, finding)}></canvas>
          </div>`
        : nothing}
      ${this.loadError ? html`<p class="error">${t.loadFailed}</p>` : nothing}
      ${hidden
        ? html`<p class="hidden-legend">${this.plan?.labels.placeholders?.some(Boolean) ? html`<span class="hidden-swatch" aria-hidden="true"></span>` : nothing}<b>${HIDDEN_MARK}</b> ${t.hiddenLegend}</p>`
        : nothing}
      ${note ? html`<p class="note">${note}</p>` : nothing}
      <details part="table" ?open=${this.tableOpen}>
        <summary>${t.showTable}</summary>
        ${this.renderTable(tableOf(figure, t, n), figure.title)}
      </details>
      ${this.downloadable && this.plan
        ? html`<button type="button" part="download" @click=${() => void this.downloadPng().catch(() => undefined)}>${t.downloadPng}</button>`
        : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcer.message}</div>
    </figure>`;
  }
}
