import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Comparison, PerceptionGap, PublishedTally } from '@pupil-voice/aggregate';
import { figureStyles } from '../chart/chart.styles.js';
import { prefersReducedMotion } from '../chart/chart.js';
import { setLabels } from '../chart/direct-labels.js';
import type { ChartPlan } from '../chart/chart-config.js';
import { NumberWords } from '../model/describe.js';
import { HIDDEN_MARK } from '../model/hidden.js';
import { CATEGORICAL } from '../model/palette.js';
import { filterValues } from '../model/view.js';
import { PoliteAnnouncer } from '../lifecycle/announcer.js';
import { ChartController } from '../lifecycle/chart-controller.js';
import { WidthController } from '../lifecycle/width-controller.js';
import { ChartLocalizeController } from '../strings/localize-controller.js';
import { compareFigureOf, comparisonOf, positiveAnswers, type CompareFigure } from './compare-model.js';
import { comparePlan, gapPlan, type GapRow } from './compare-config.js';

/**
 * Audiences (or waves) side by side, from one publication: with `question`, that question's
 * answers per group, each difference with its 95% interval in the table; without it, the
 * perception-gap chart, items ranked by how far the first two groups are apart (on the share
 * giving a positive answer for scales), each gap drawn across its interval. Numbers come from
 * `compare` on published numbers only; a hidden one is `[c]` everywhere.
 *
 * @summary Compare groups (pupils and parents, this wave and last) on published results.
 *
 * @csspart figure - the figure
 * @csspart table - the details element holding the data table
 */
export class PvCompare extends LitElement {
  static override styles = figureStyles;

  /** A published tally (from `suppress`, or the collector's `/published`) split by `by`. */
  @property({ attribute: false }) data?: PublishedTally;

  /** The segment to compare across: `audience` (default) or `wave`. */
  @property() by = 'audience';

  /** The groups to compare, reference first (attribute: comma-separated). Default: pupils and parents if present. */
  @property({ converter: { fromAttribute: (value: string | null) => (value ?? '').split(',').map((v) => v.trim()).filter(Boolean) } })
  groups: string[] = [];

  /** One question to compare; without it, the perception-gap ranking of every item. */
  @property() question?: string;

  /** Only these questions (default: every question with answers to compare). */
  @property({ attribute: false }) questions?: string[];

  /** Answers counted as positive per question (default: the positive side of each scale). */
  @property({ attribute: false }) agree?: Record<string, string[]>;

  /** Opens the data table by default. */
  @property({ type: Boolean, attribute: 'table-open' }) tableOpen = false;

  @query('canvas') private canvas!: HTMLCanvasElement | null;

  private readonly localize = new ChartLocalizeController(this);
  /** Re-plans the labels when the element is resized across the breakpoint. */
  private readonly width = new WidthController(this);
  private readonly announcer = new PoliteAnnouncer(this);
  private plan: ChartPlan | undefined;
  private readonly chartController = new ChartController(this, {
    canvas: () => (this.plan ? this.canvas : null),
    config: () => {
      if (!this.plan || !this.canvas) return undefined;
      setLabels(this.canvas, this.plan.labels);
      return this.plan.config;
    },
    failed: () => undefined,
  });
  private error = '';

  /** The chart.js instance, once drawn. */
  get chart() {
    return this.chartController.chart;
  }

  /** Resolves once the chart shows the current data. */
  async whenDrawn(): Promise<void> {
    await this.updateComplete;
    await this.chartController.whenDrawn();
  }

  /** The groups compared: as set, else pupils and parents, else the first two published values. */
  get comparedGroups(): string[] {
    if (this.groups.length >= 2) return this.groups;
    if (!this.data) return [];
    const values = filterValues(this.data, this.by);
    const preferred = ['pupil', 'parent'].filter((v) => values.includes(v));
    return preferred.length === 2 ? preferred : values.slice(0, 2);
  }

  /** The comparison behind the chart (from published numbers only). */
  get comparison(): Comparison | undefined {
    const groups = this.comparedGroups;
    if (!this.data || groups.length < 2) return undefined;
    this.error = '';
    try {
      return comparisonOf(this.data, this.by, groups, this.agree, this.questions);
    } catch (error) {
      this.error = (error as Error).message;
      return undefined;
    }
  }

  /** The finding the last render stated (caption and canvas label). */
  private finding = '';

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    // New numbers: say what the chart now shows (its finding), politely, at most every 5 s.
    if (changed.has('data') && changed.get('data') !== undefined && this.finding !== '') {
      this.announcer.announce(this.localize.t.updated(this.finding));
    }
  }

  private table(head: string[], rows: string[][], title: string): TemplateResult {
    return html`<details part="table" ?open=${this.tableOpen}>
      <summary>${this.localize.t.showTable}</summary>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">${title}</caption>
          <thead><tr>${head.map((cell) => html`<th scope="col">${cell}</th>`)}</tr></thead>
          <tbody>${rows.map(([header, ...cells]) => html`<tr><th scope="row">${header}</th>${cells.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody>
        </table>
      </div>
    </details>`;
  }

  private key(groups: readonly string[]): TemplateResult {
    const t = this.localize.t;
    return html`<ul class="key" aria-label=${t.compareBy}>
      ${groups.map((g, i) => html`<li><span class="swatch" style=${styleMap({ background: CATEGORICAL[i % CATEGORICAL.length]! })}></span>${t.groupName(g)}</li>`)}
    </ul>`;
  }

  private renderQuestion(figure: CompareFigure): TemplateResult {
    const t = this.localize.t;
    const n = new NumberWords(this.localize.lang);
    const [a, b] = figure.groups.map((g) => t.groupName(g));
    const best = figure.rows.filter((row) => row.difference).sort((x, y) => Math.abs(y.difference!.estimate) - Math.abs(x.difference!.estimate))[0];
    const finding = best
      ? `${t.findingCompare(best.label, a ?? '', n.percent(best.percents[0] ?? null), b ?? '', n.percent(best.percents[1] ?? null))} ${t.difference}: ${n.statistic(best.difference!.estimate)} (${t.interval(n.statistic(best.difference!.lower), n.statistic(best.difference!.upper))}).`
      : t.noGap;
    this.finding = finding;
    const hidden = figure.rows.some((row) => row.percents.some((p) => p === null)) || figure.bases.some((base) => base === null && figure.measure === 'answer');
    this.plan = comparePlan(figure, t, n, prefersReducedMotion(), this.width.plan());
    const bases = figure.measure === 'answer' ? t.basesLine(figure.groups.map((g, i) => `${t.groupName(g)} ${n.count(figure.bases[i] ?? null)}`).join(', ')) : `${t.agreeShare}: ${this.agreeWords(figure.question)}`;
    return html`<figure part="figure" aria-labelledby="title">
      <figcaption>
        <span class="title" id="title">${figure.title}</span>
        <span class="finding">${finding}</span>
        <span class="base">${bases}</span>
      </figcaption>
      ${this.key(figure.groups)}
      <div class="canvas-box" style=${styleMap({ height: `${this.plan.height}px` })}>
        <canvas role="img" aria-label=${t.chartLabel(t.kindCompare, finding)}></canvas>
      </div>
      ${hidden
        ? html`<p class="hidden-legend">${this.plan.labels.placeholders?.some(Boolean) ? html`<span class="hidden-swatch" aria-hidden="true"></span>` : nothing}<b>${HIDDEN_MARK}</b> ${t.hiddenLegend}</p>`
        : nothing}
      ${this.table(
        [figure.measure === 'answer' ? t.answer : t.item, ...figure.groups.map((g) => t.groupName(g)), `${t.difference} (${a} − ${b})`],
        figure.rows.map((row) => [
          row.label,
          ...row.percents.map((p, g) => (p === null ? HIDDEN_MARK : `${n.percentPrecise(p)} (${n.count(row.counts[g] ?? null)})`)),
          row.difference ? `${n.statistic(row.difference.estimate)} (${t.interval(n.statistic(row.difference.lower), n.statistic(row.difference.upper))})` : HIDDEN_MARK,
        ]),
        figure.title,
      )}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcer.message}</div>
    </figure>`;
  }

  private agreeWords(question: string): string {
    const q = this.data?.questions.find((item) => item.name === question);
    const values = (this.agree ?? (this.data ? positiveAnswers(this.data) : {}))[question] ?? [];
    const categories = q?.kind === 'matrix' ? q.columns : q?.kind === 'choice' ? q.categories : [];
    return categories.filter((c) => values.includes(c.value)).map((c) => (c.label ?? c.value).toLowerCase()).join(` ${this.localize.t.or} `);
  }

  private gapRows(comparison: Comparison): GapRow[] {
    return comparison.gaps.slice(0, 12).map((gap) => {
      const item = comparison.items.find((i) => i.question === gap.question && i.row === gap.row);
      const q = this.data?.questions.find((x) => x.name === gap.question);
      const rowLabel = q?.kind === 'matrix' ? (q.rows.find((r) => r.value === gap.row)?.label ?? gap.row) : undefined;
      const answer = gap.on === 'agree' ? undefined : item?.categories.find((c) => c.value === gap.on);
      const detail = rowLabel ?? (answer ? (answer.label ?? answer.value) : undefined);
      return { label: detail ? `${item?.title ?? gap.question} (${detail})` : (item?.title ?? gap.question), gap };
    });
  }

  private renderGaps(comparison: Comparison): TemplateResult {
    const t = this.localize.t;
    const n = new NumberWords(this.localize.lang);
    const [a, b] = comparison.groups.map((g) => t.groupName(g));
    const rows = this.gapRows(comparison);
    const title = t.gapTitle(a ?? '', b ?? '');
    const shares = (gap: PerceptionGap): [number | null, number | null] => {
      const item = comparison.items.find((i) => i.question === gap.question && i.row === gap.row);
      const diff = gap.on === 'agree' ? item?.differences[0]?.agree : item?.differences[0]?.categories[item.categories.findIndex((c) => c.value === gap.on)];
      return diff?.available ? [diff.reference * 100, diff.other * 100] : [null, null];
    };
    const top = rows[0];
    const finding = top
      ? t.findingGap(top.label, a ?? '', n.percent(shares(top.gap)[0]), b ?? '', n.percent(shares(top.gap)[1]), `${t.difference} ${n.statistic(top.gap.difference.estimate * 100)}, ${t.interval(n.statistic(top.gap.difference.lower * 100), n.statistic(top.gap.difference.upper * 100))}`)
      : t.noGap;
    this.finding = finding;
    this.plan = rows.length > 0 ? gapPlan(rows, t, n, prefersReducedMotion(), this.width.plan()) : undefined;
    return html`<figure part="figure" aria-labelledby="title">
      <figcaption>
        <span class="title" id="title">${title}</span>
        <span class="finding">${finding}</span>
        <span class="base">${t.gapNote(a ?? '', b ?? '')}</span>
      </figcaption>
      ${this.plan
        ? html`<div class="canvas-box" style=${styleMap({ height: `${this.plan.height}px` })}>
            <canvas role="img" aria-label=${t.chartLabel(t.kindGap, finding)}></canvas>
          </div>`
        : nothing}
      ${this.table(
        [t.item, a ?? '', b ?? '', t.difference, t.intervalColumn, t.clearDifference],
        rows.map((row) => {
          const [pa, pb] = shares(row.gap);
          return [
            row.label,
            n.percentPrecise(pa),
            n.percentPrecise(pb),
            n.statistic(row.gap.difference.estimate * 100),
            `${n.statistic(row.gap.difference.lower * 100)} – ${n.statistic(row.gap.difference.upper * 100)}`,
            row.gap.significant ? t.significant : t.notSignificant,
          ];
        }),
        title,
      )}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcer.message}</div>
    </figure>`;
  }

  override render(): TemplateResult | typeof nothing {
    const comparison = this.comparison;
    this.finding = '';
    if (!comparison) {
      this.plan = undefined;
      return this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing;
    }
    if (this.question) {
      const question = this.data!.questions.find((q) => q.name === this.question);
      const figure = question ? compareFigureOf(comparison, question) : undefined;
      if (!figure) {
        this.plan = undefined;
        return html`<p class="note">${this.localize.t.noData}</p>`;
      }
      return this.renderQuestion(figure);
    }
    return this.renderGaps(comparison);
  }
}
