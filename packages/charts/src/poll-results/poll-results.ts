import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { langOf, pollIdFromUrl, readPollQuestion, type PollQuestion } from '@pupil-voice/survey/poll.js';
import { PoliteAnnouncer } from '../lifecycle/announcer.js';
import { loadChartParts } from '../lifecycle/load-chart.js';
import { joinCode, shortUrl } from './join-code.js';
import { PollChart, type PollChartData } from './poll-chart.js';
import { PollFeedController, streamTokenKey } from './poll-feed.js';
import { pollResultsStyles } from './poll-results.styles.js';
import { resultsStringsFor, type PollResultsStrings } from './poll-results-strings.js';
import { percentOf, type PollSnapshot } from './poll-snapshot.js';

/**
 * The projector view of a live poll: the question, a big bar chart that follows each vote
 * within a second over the collector's server-sent events (reconnecting and resuming by
 * itself), the vote count, and a QR code with the short address to join. `hide-results`
 * keeps the answers off the screen (only the count shows) until the presenter presses "Show
 * results". With no `stream`, it counts the votes `<pv-poll>` pages make on the same device
 * over a BroadcastChannel (give it `src` for the question).
 *
 * Numbers the collector hides to protect small groups (a poll not marked live) are drawn as
 * one mark, `[c]`, everywhere: no bar, the mark on the chart, in the table and in any
 * announcement; never 0 and never a value. The chart is a `<figure>` whose caption states the
 * main finding and whose `<table>` holds every number; changes are announced politely at most
 * once every 5 seconds.
 *
 * @summary Projector view of a live poll.
 *
 * @csspart qr - the QR code (an inline SVG)
 *
 * @cssproperty --pv-poll-bar-color - Bar colour (default Analysis Function dark blue #12436D).
 * @cssproperty --pv-color-accent - Button colour.
 * @cssproperty --pv-color-text - Text colour.
 * @cssproperty --pv-font-family - Font.
 * @cssproperty --pv-poll-results-title-size - Size of the question.
 */
export class PvPollResults extends LitElement {
  static override styles = pollResultsStyles;

  /** The collector's `/v1/polls/:id/stream`. Without it, votes are counted on this device. */
  @property() stream: string | undefined;

  /** The poll definition URL (`/v1/surveys/:id` or a JSON file): labels in device mode. */
  @property() src: string | undefined;

  /** The poll id; defaults to the id in `stream` or `src`. */
  @property({ attribute: 'poll-id' }) pollId: string | undefined;

  /** The question to show, by name; default the first choice question. */
  @property() question: string | undefined;

  /** Where voters go (resolved against the page): shown as a QR code and a short address. */
  @property({ attribute: 'join-url' }) joinUrl: string | undefined;

  /** Text shown for the address, if shorter than `join-url` (e.g. a school's short link). */
  @property({ attribute: 'short-url' }) shortUrl: string | undefined;

  /** Keep the answers off screen (the count still shows) until the presenter shows them. */
  @property({ type: Boolean, reflect: true, attribute: 'hide-results' }) hideResults = false;

  @state() private definition: PollQuestion | undefined;

  @query('canvas') private canvas?: HTMLCanvasElement;

  private readonly feed = new PollFeedController(this, {
    stream: () => this.stream || undefined,
    pollId: () => this.pollId || pollIdFromUrl(this.stream) || pollIdFromUrl(this.src),
    question: () => this.question || undefined,
    definition: () => this.definition,
    token: () => this.storedToken(),
  });
  /** Live announcements at most once every 5 s (a projector's screen-reader users, not a ticker). */
  private readonly announcer = new PoliteAnnouncer(this);
  private lastSummary = '';
  private chart: PollChart | undefined;
  /** Bumped whenever the chart must go, so a chart.js download finishing late draws nothing. */
  private chartGeneration = 0;
  private readonly motion = window.matchMedia('(prefers-reduced-motion: reduce)');

  /** The numbers the chart draws now (for tests); undefined while no chart is on screen. */
  get chartData(): { labels: string[][]; data: Array<number | null> } | undefined {
    return this.chart?.drawn;
  }

  /** Shows the answers (the presenter's reveal). */
  reveal(): void {
    this.hideResults = false;
  }

  /** The analyst token this tab keeps for the stream (sessionStorage: this tab only). */
  private storedToken(): string | undefined {
    if (!this.stream) return undefined;
    try {
      return sessionStorage.getItem(streamTokenKey(this.stream)) ?? this.typedToken;
    } catch {
      return this.typedToken;
    }
  }

  /** A token typed here when storage is refused (private mode): kept in memory only. */
  private typedToken: string | undefined;

  private submitToken(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
    const token = input.value.trim();
    if (!token || !this.stream) return;
    this.typedToken = token;
    try {
      sessionStorage.setItem(streamTokenKey(this.stream), token);
    } catch {
      // Storage refused: the token is used from memory for this page.
    }
    this.feed.restart();
  }

  private renderToken(): TemplateResult {
    const t = this.t;
    return html`<section class="token" aria-labelledby="token-heading">
      <h2 id="token-heading">${t.tokenHeading}</h2>
      <p>${t.tokenHelp}</p>
      ${this.feed.status === 'refused' ? html`<p class="error" role="alert">${t.tokenRefused}</p>` : nothing}
      <form @submit=${this.submitToken}>
        <label>${t.tokenLabel} <input name="token" type="password" autocomplete="off" spellcheck="false" required /></label>
        <button type="submit">${t.tokenSubmit}</button>
      </form>
    </section>`;
  }

  private get t(): PollResultsStrings {
    return resultsStringsFor(langOf(this));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached: the chart was destroyed on disconnect; draw it again.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.dropChart();
  }

  private dropChart(): void {
    this.chartGeneration += 1;
    this.chart?.destroy();
    this.chart = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated && (changed.has('stream') || changed.has('pollId'))) this.feed.restart();
    if (changed.has('src') && this.src && !this.stream) void this.loadDefinition(this.src);
  }

  private async loadDefinition(src: string): Promise<void> {
    try {
      const response = await fetch(src, { credentials: 'omit' });
      if (!response.ok) return;
      this.definition = readPollQuestion(await response.json(), langOf(this));
      this.feed.definitionChanged();
    } catch {
      // Without the question, device votes wait (their pages offer them again).
    }
  }

  protected override updated(): void {
    const snapshot = this.feed.snapshot;
    const canvas = this.canvas;
    if (snapshot === undefined || canvas === undefined || this.hideResults) {
      if (this.chart !== undefined || canvas === undefined) this.dropChart();
    } else if (this.chart !== undefined) {
      this.chart.update(this.chartDataFor(snapshot), this.motion.matches);
    } else {
      void this.drawChart(canvas);
    }
    const summary = this.summary(snapshot);
    if (summary !== '' && summary !== this.lastSummary) {
      this.lastSummary = summary;
      this.announcer.announce(summary);
    }
  }

  /** chart.js arrives on demand (its own chunk); the latest snapshot is drawn once it has. */
  private async drawChart(canvas: HTMLCanvasElement): Promise<void> {
    const generation = ++this.chartGeneration;
    let Chart;
    try {
      Chart = await loadChartParts();
    } catch {
      return; // The table and caption still carry every number; the next update tries again.
    }
    const snapshot = this.feed.snapshot;
    if (generation !== this.chartGeneration || !this.isConnected || this.canvas !== canvas || snapshot === undefined) return;
    this.chart = new PollChart(Chart, canvas, this.chartDataFor(snapshot), this.motion.matches);
  }

  private chartDataFor(snapshot: PollSnapshot): PollChartData {
    const base = snapshot.votes;
    return {
      labels: snapshot.labels,
      counts: snapshot.counts,
      barText: snapshot.counts.map((count) => this.countText(count, base)),
    };
  }

  private countText(count: number | null, base: number | null): string {
    if (count === null) return this.t.hiddenMark;
    const percent = percentOf(count, base);
    return percent === null ? String(count) : `${count} (${percent}%)`;
  }

  /** The count and the main finding in words: the canvas label and the announcement. */
  private summary(snapshot: PollSnapshot | undefined): string {
    if (snapshot === undefined) return '';
    const votes = `${this.t.votes(snapshot.votes)}.`;
    if (this.hideResults || snapshot.votes === 0) return votes;
    return `${votes} ${this.finding(snapshot)}`;
  }

  /** The main finding (the figure's caption): who leads, a tie, or that numbers are hidden. */
  private finding(snapshot: PollSnapshot): string {
    const t = this.t;
    if (snapshot.votes === 0) return t.noVotes;
    if (snapshot.votes === null || snapshot.counts.some((count) => count === null)) return t.someHidden;
    const counts = snapshot.counts as number[];
    const top = Math.max(...counts);
    const leaders = snapshot.labels.filter((_, index) => counts[index] === top);
    if (leaders.length > 1) return t.tie(leaders);
    return t.leading(leaders[0]!, top, snapshot.votes, percentOf(top, snapshot.votes) ?? 0);
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const snapshot = this.feed.snapshot;
    const joinUrl = this.joinUrl ? new URL(this.joinUrl, document.baseURI).href : undefined;
    if (this.feed.status === 'needs-token' || this.feed.status === 'refused') return this.renderToken();
    return html`<div class="layout">
      <section aria-labelledby="question">
        ${snapshot === undefined
          ? html`<h2 id="question">${this.definition?.title ?? t.loading}</h2>`
          : html`<h2 id="question">${snapshot.title}</h2>
              <p class="count">${t.votes(snapshot.votes)}</p>
              ${this.hideResults ? this.renderHidden() : this.renderFigure(snapshot)}`}
        <div class="controls">
          ${snapshot === undefined
            ? nothing
            : html`<button type="button" @click=${() => (this.hideResults = !this.hideResults)}>
                ${this.hideResults ? t.reveal : t.hide}
              </button>`}
          <p class="status ${this.feed.status}">${t.status[this.feed.status]}</p>
        </div>
        <p class="visually-hidden" role="status">${this.announcer.message}</p>
      </section>
      ${joinUrl === undefined
        ? nothing
        : html`<aside class="join" aria-label=${t.join}>
            <p>${t.join}</p>
            ${joinCode(joinUrl, t.qrLabel(this.shortUrl ?? shortUrl(joinUrl)))}
            <p class="url">${this.shortUrl ?? shortUrl(joinUrl)}</p>
          </aside>`}
    </div>`;
  }

  private renderHidden(): TemplateResult {
    const t = this.t;
    return html`<div class="hidden-results">
      <p class="big">${t.hiddenHeading}</p>
      <p>${t.hiddenBody}</p>
    </div>`;
  }

  private renderFigure(snapshot: PollSnapshot): TemplateResult {
    const t = this.t;
    const summary = this.summary(snapshot);
    const anyHidden = snapshot.votes === null || snapshot.counts.some((count) => count === null);
    const rows = snapshot.labels.length;
    return html`<figure>
      <figcaption id="caption">${this.finding(snapshot)}</figcaption>
      <div class="chart" style="--_height: ${Math.max(14, rows * 5.5)}rem">
        <canvas role="img" aria-label=${summary}></canvas>
      </div>
      ${anyHidden ? html`<p class="legend">${t.hiddenLegend}</p>` : nothing}
      <table class="visually-hidden">
        <caption>${t.tableCaption(snapshot.title)}</caption>
        <thead>
          <tr>
            <th scope="col">${t.answer}</th>
            <th scope="col">${t.votesColumn}</th>
            <th scope="col">${t.percentColumn(snapshot.mode)}</th>
          </tr>
        </thead>
        <tbody>
          ${snapshot.labels.map((label, index) => {
            const count = snapshot.counts[index] ?? null;
            const percent = percentOf(count, snapshot.votes);
            return html`<tr>
              <th scope="row">${label}</th>
              <td>${count === null ? t.hiddenMark : count}</td>
              <td>${count === null ? t.hiddenMark : percent === null ? '' : `${percent}%`}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </figure>`;
  }
}
