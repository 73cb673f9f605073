import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { OutboxChangeEvent, type OutboxCounts } from '@pupil-voice/store';
import { sharedDelivery, type SharedDelivery } from '../delivery/shared-delivery.js';
import { LocalizeController } from '../strings/localize-controller.js';

/**
 * For the adult in the room: how many completed responses on this device are still waiting to
 * be sent, a "Send now" button that retries at once, and, if the collector refused any, a way
 * to download them for the survey organiser (nothing is ever deleted here).
 *
 * @summary Outbox status and "send now" for teachers on shared devices.
 *
 * @csspart status - the container
 * @csspart button - each button
 *
 * @cssproperty --pv-color-accent - Button colour.
 */
export class PvOutboxStatus extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-family: var(--pv-font-family, system-ui, sans-serif);
      color: var(--pv-color-text, #0b0c0c);
    }
    .status {
      border: 1px solid var(--pv-color-border, #6f777b);
      border-radius: var(--pv-radius, 6px);
      padding: var(--pv-space-m, 1rem);
    }
    h2 {
      font-size: 1.125rem;
      margin: 0 0 0.5rem;
    }
    p {
      margin: 0 0 0.5rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
    }
    button {
      min-height: var(--pv-target-size, 44px);
      padding: 0.5rem 1rem;
      font: inherit;
      font-weight: 700;
      border-radius: var(--pv-radius, 6px);
      border: 2px solid var(--pv-color-accent, #1d6a72);
      background: var(--pv-color-accent, #1d6a72);
      color: var(--pv-color-accent-contrast, #fff);
      cursor: pointer;
    }
    button.secondary {
      background: transparent;
      color: var(--pv-color-accent, #1d6a72);
    }
    button:disabled {
      opacity: 0.6;
      cursor: default;
    }
    button:focus-visible {
      outline: 3px solid var(--pv-color-focus, #ffdd00);
      box-shadow: 0 0 0 6px var(--pv-color-text, #0b0c0c);
    }
    .refused {
      color: var(--pv-color-error, #b3261e);
      font-weight: 700;
    }
  `;

  /** The IndexedDB database the surveys on this site use (their `store-name`). */
  @property({ attribute: 'store-name' }) storeName = 'pupil-voice';

  /**
   * Where to send queued responses whose survey is not on this page (a teacher's page that
   * only shows the status). Surveys on the page use their own `endpoint`.
   */
  @property() endpoint?: string;

  @state() private counts?: OutboxCounts;
  @state() private busy = false;
  @state() private message = '';
  @state() private unavailable = false;

  private readonly localize = new LocalizeController(this);
  private delivery?: SharedDelivery;
  private connectToken = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.connectToken += 1;
    this.delivery?.store.removeEventListener(OutboxChangeEvent.eventName, this.onChange);
    this.delivery = undefined;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('endpoint') && this.delivery && this.endpoint) {
      this.delivery.setDefaultEndpoint(this.endpoint);
    }
    if (changed.has('storeName') && changed.get('storeName') !== undefined) void this.connect();
  }

  /** Sends everything waiting now, ignoring any backoff. */
  async sendNow(): Promise<void> {
    const delivery = this.delivery;
    if (!delivery || this.busy) return;
    this.busy = true;
    this.message = this.localize.t.outboxSending;
    try {
      const report = await delivery.loop.flushNow();
      const counts = await delivery.store.outboxCounts();
      this.counts = counts;
      this.message =
        report.retrying && report.sent === 0
          ? this.localize.t.outboxStillOffline
          : this.localize.t.outboxSendResult(report.sent, counts.queued);
    } finally {
      this.busy = false;
    }
  }

  private async connect(): Promise<void> {
    const token = ++this.connectToken;
    this.delivery?.store.removeEventListener(OutboxChangeEvent.eventName, this.onChange);
    try {
      const delivery = await sharedDelivery(this.storeName);
      if (token !== this.connectToken) return;
      this.delivery = delivery;
      if (this.endpoint) delivery.setDefaultEndpoint(this.endpoint);
      delivery.store.addEventListener(OutboxChangeEvent.eventName, this.onChange);
      this.counts = await delivery.store.outboxCounts();
      this.unavailable = false;
    } catch {
      if (token === this.connectToken) this.unavailable = true;
    }
  }

  private readonly onChange = (event: Event): void => {
    this.counts = (event as OutboxChangeEvent).counts;
  };

  private async exportRefused(): Promise<void> {
    const file = await this.delivery?.store.exportFailed();
    if (!file) return;
    const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `refused-responses-${file.exportedDay}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  private async retryRefused(): Promise<void> {
    await this.delivery?.store.retryFailed();
    await this.sendNow();
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    if (this.unavailable) {
      return html`<div class="status" part="status" role="status"><p>${t.outboxUnavailable}</p></div>`;
    }
    const counts = this.counts;
    return html`<section class="status" part="status" aria-labelledby="title">
      <h2 id="title">${t.outboxTitle}</h2>
      <p role="status">${counts ? (counts.queued > 0 ? t.outboxWaiting(counts.queued) : t.outboxAllSent) : ''}</p>
      ${counts && counts.failed > 0 ? html`<p class="refused">${t.outboxRefused(counts.failed)}</p>` : nothing}
      <div class="actions">
        <button part="button" ?disabled=${this.busy || !counts || counts.queued === 0} @click=${() => void this.sendNow()}>
          ${t.outboxSendNow}
        </button>
        ${counts && counts.failed > 0
          ? html`<button class="secondary" part="button" @click=${() => void this.exportRefused()}>
                ${t.outboxExport}
              </button>
              <button class="secondary" part="button" @click=${() => void this.retryRefused()}>
                ${t.outboxRetryRefused}
              </button>`
          : nothing}
      </div>
      <p class="message" aria-live="polite">${this.message}</p>
    </section>`;
  }
}
