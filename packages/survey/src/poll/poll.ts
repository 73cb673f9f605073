import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { pollStyles } from './poll.styles.js';
import { PollDefinitionError, pollIdFromUrl, readPollQuestion, type PollQuestion } from './poll-question.js';
import { langOf, pollStringsFor, type PollStrings } from './poll-strings.js';
import { VoteDeliveryController } from './vote-delivery.js';

type LoadState = { kind: 'loading' } | { kind: 'ready'; question: PollQuestion } | { kind: 'error'; message: string };

/**
 * A live poll for a phone: one question, big answer buttons and a Vote button. One vote per
 * device per poll: a random ballot made on the device for this poll (no cookie, no IP) is sent
 * with the vote, and the collector counts a ballot once. The vote is kept on the device first;
 * the voter is told it was counted only when the collector has acknowledged it, and "waiting
 * to send" (with retries) until then. With no `endpoint`, votes go to `<pv-poll-results>`
 * pages on the same device over a BroadcastChannel, and the device is shared: after each
 * counted vote, the next person votes.
 *
 * Reads the poll's single question straight from SurveyJS JSON (radiogroup, checkbox,
 * boolean, rating or dropdown); survey-core is not loaded.
 *
 * @summary One-question live poll for phones.
 *
 * @fires pv-vote-queued - {PvVoteQueuedEvent} The vote is kept on the device and being sent.
 * @fires pv-vote-counted - {PvVoteCountedEvent} The collector (or a results view) acknowledged the vote.
 * @fires pv-vote-refused - {PvVoteRefusedEvent} The vote will not count (`already-voted` or `refused`).
 *
 * @csspart poll - the whole poll
 * @csspart choice - each answer button (a label holding a native radio or checkbox)
 * @csspart vote-button - the Vote button
 * @csspart outcome - the panel that says where the vote stands
 *
 * @cssproperty --pv-color-accent - Chosen answer and Vote button background.
 * @cssproperty --pv-color-focus - Focus ring.
 * @cssproperty --pv-color-text - Text colour.
 * @cssproperty --pv-font-family - Font.
 * @cssproperty --pv-poll-target-size - Height of each answer and the Vote button (default 3.5rem).
 * @cssproperty --pv-poll-title-size - Size of the question.
 */
export class PvPoll extends LitElement {
  static override styles = pollStyles;

  /** Where to fetch the poll's SurveyJS JSON (the collector's `/v1/surveys/:id`). */
  @property() src = '';

  /** The poll definition as an object; wins over `src`. */
  @property({ attribute: false }) definition: unknown;

  /**
   * The collector's `…/v1/surveys/:id/responses`. Without it, votes stay on this device and go
   * to `<pv-poll-results>` over a BroadcastChannel.
   */
  @property() endpoint: string | undefined;

  /** The poll's id; defaults to the id in `endpoint` or `src`. Names the device's record. */
  @property({ attribute: 'poll-id' }) pollId: string | undefined;

  @state() private load: LoadState = { kind: 'loading' };
  @state() private selected = new Set<number>();
  @state() private showError = false;

  @query('.outcome h2') private outcomeHeading?: HTMLElement;
  @query('fieldset input') private firstInput?: HTMLInputElement;

  private readonly delivery = new VoteDeliveryController(this, {
    pollId: () => this.pollId || pollIdFromUrl(this.endpoint) || pollIdFromUrl(this.src),
    endpoint: () => this.endpoint || undefined,
  });
  private fetched: AbortController | undefined;
  private focusOutcome = false;

  /** Where this device's vote stands: `idle`, `sending`, `waiting`, `counted`, `already-voted` or `refused`. */
  get votePhase(): string {
    return this.delivery.phase;
  }

  private get t(): PollStrings {
    return pollStringsFor(langOf(this));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.fetched?.abort();
    this.fetched = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached after a disconnect aborted the download: fetch again.
    if (this.load.kind === 'loading' && this.hasUpdated) void this.loadDefinition();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('definition')) void this.loadDefinition();
    if ((changed.has('endpoint') || changed.has('pollId') || changed.has('src')) && this.hasUpdated) this.delivery.load();
  }

  protected override updated(): void {
    if (this.focusOutcome && this.outcomeHeading) {
      this.focusOutcome = false;
      this.outcomeHeading.focus();
    }
  }

  private async loadDefinition(): Promise<void> {
    this.fetched?.abort();
    const t = this.t;
    if (this.definition !== undefined) {
      this.load = this.read(this.definition);
      return;
    }
    if (!this.src) return;
    const fetched = new AbortController();
    this.fetched = fetched;
    this.load = { kind: 'loading' };
    let definition: unknown;
    try {
      const response = await fetch(this.src, { credentials: 'omit', signal: fetched.signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      definition = await response.json();
    } catch {
      if (fetched.signal.aborted) return;
      this.load = { kind: 'error', message: t.fetchFailed };
      return;
    }
    if (fetched.signal.aborted) return;
    this.load = this.read(definition);
  }

  private read(definition: unknown): LoadState {
    const t = this.t;
    try {
      this.selected = new Set();
      return { kind: 'ready', question: readPollQuestion(definition, langOf(this), t) };
    } catch (error) {
      if (error instanceof PollDefinitionError) return { kind: 'error', message: t.invalidPoll(error.message) };
      throw error;
    }
  }

  private choose(question: PollQuestion, index: number, checked: boolean): void {
    const next = question.mode === 'single' ? new Set<number>() : new Set(this.selected);
    if (checked) next.add(index);
    else next.delete(index);
    this.selected = next;
    if (next.size > 0) this.showError = false;
  }

  private submit(event: Event, question: PollQuestion): void {
    event.preventDefault();
    if (this.selected.size === 0) {
      this.showError = true;
      void this.updateComplete.then(() => this.firstInput?.focus());
      return;
    }
    const values = [...this.selected].sort((a, b) => a - b).map((index) => question.choices[index]!.value);
    this.focusOutcome = true;
    this.delivery.vote({ [question.name]: question.mode === 'multi' ? values : values[0] });
    this.selected = new Set();
  }

  private nextVoter(): void {
    this.delivery.nextVoter();
    void this.updateComplete.then(() => this.firstInput?.focus());
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const load = this.load;
    if (load.kind === 'loading') return html`<div class="poll" part="poll"><p role="status">${t.loading}</p></div>`;
    if (load.kind === 'error') {
      return html`<div class="poll" part="poll" role="alert">
        <h2>${t.loadFailed}</h2>
        <p>${load.message}</p>
      </div>`;
    }
    const phase = this.delivery.phase;
    return html`<div class="poll" part="poll">
      ${phase === 'idle' || phase === 'refused' ? this.renderForm(load.question) : nothing}
      <div role="status">${this.renderOutcome()}</div>
    </div>`;
  }

  private renderForm(question: PollQuestion): TemplateResult {
    const t = this.t;
    const type = question.mode === 'multi' ? 'checkbox' : 'radio';
    const hint = [question.description, question.mode === 'multi' ? t.multiHint : '', t.anonymous].filter(Boolean).join(' ');
    return html`<form novalidate @submit=${(event: Event) => this.submit(event, question)}>
      <fieldset class=${this.showError ? 'invalid' : ''} aria-describedby=${this.showError ? 'hint error' : 'hint'}>
        <legend><h2 id="title">${question.title}</h2></legend>
        <p class="hint" id="hint">${hint}</p>
        <div class="choices">
          ${question.choices.map(
            (choice, index) => html`<label class="choice" part="choice">
              <input
                type=${type}
                name="choice"
                .value=${String(index)}
                .checked=${this.selected.has(index)}
                aria-invalid=${this.showError ? 'true' : 'false'}
                @change=${(event: Event) => this.choose(question, index, (event.target as HTMLInputElement).checked)}
              />
              <span>${choice.label}</span>
            </label>`,
          )}
        </div>
      </fieldset>
      ${this.showError
        ? html`<p class="error" id="error"><span class="visually-hidden">${t.errorPrefix} </span>${t.chooseFirst}</p>`
        : nothing}
      <button type="submit" part="vote-button">${t.vote}</button>
    </form>`;
  }

  private renderOutcome(): TemplateResult | typeof nothing {
    const t = this.t;
    const panel = (kind: string, heading: string, text: string, extra: TemplateResult | typeof nothing = nothing) =>
      html`<div class="outcome ${kind}" part="outcome">
        <h2 tabindex="-1">${heading}</h2>
        <p>${text}</p>
        ${extra}
      </div>`;
    switch (this.delivery.phase) {
      case 'idle':
        return nothing;
      case 'sending':
        return panel('waiting', t.sendingHeading, t.sending);
      case 'waiting':
        return panel('waiting', t.waitingHeading, this.delivery.channelMode ? t.waitingShared : t.waiting);
      case 'counted':
        return panel(
          'counted',
          t.countedHeading,
          t.counted,
          this.delivery.channelMode ? html`<button type="button" @click=${() => this.nextVoter()}>${t.nextVoter}</button>` : nothing,
        );
      case 'already-voted':
        return panel('problem', t.alreadyVotedHeading, t.alreadyVoted);
      case 'refused':
        return panel('problem', t.refusedHeading, t.refused(this.delivery.refusal));
    }
  }
}
