import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController } from '../strings/localize-controller.js';
import { PvTermLookupEvent } from './term-events.js';
import { styles } from './term.styles.js';

/**
 * A word in survey text with its explanation shown in place: "consent" becomes a button that
 * opens, right after the word, what it means for this audience. Keyboard: Tab reaches it,
 * Enter or Space opens and closes it, Escape closes it. Screen readers hear the word as a
 * collapsed or expanded button, then the explanation in reading order.
 *
 * The explanation comes from the `explanation` property, else from the surrounding survey's
 * glossary (see `PvTermLookupEvent`). A term nobody can explain renders as plain text.
 *
 * @summary A glossary term, explained in place.
 *
 * @slot - The word as it appears in the text.
 * @csspart term - the button around the word
 * @csspart explanation - the explanation
 * @cssproperty --pv-color-accent - The underline and the explanation's edge.
 */
export class PvTerm extends LitElement {
  static override styles = styles;

  /** The glossary key; defaults to the element's text. */
  @property() term?: string;

  /** The explanation; when unset, the surrounding glossary is asked. */
  @property() explanation?: string;

  /** Whether the explanation is showing. */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private found?: string;

  private readonly localize = new LocalizeController(this);

  /** The key looked up: `term`, else the text content, trimmed. */
  get key(): string {
    return (this.term ?? this.textContent ?? '').trim();
  }

  /** The explanation shown, if any. */
  get text(): string | undefined {
    return this.explanation || this.found || undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.lookUp();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('term')) this.lookUp();
  }

  private lookUp(): void {
    if (this.explanation || !this.isConnected || !this.key) return;
    const request = new PvTermLookupEvent(this.key, this.localize.lang);
    this.dispatchEvent(request);
    this.found = request.explanation;
  }

  private readonly toggle = (): void => {
    this.open = !this.open;
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.open) {
      event.stopPropagation();
      this.open = false;
    }
  };

  protected override render(): TemplateResult {
    const text = this.text;
    if (!text) return html`<slot></slot>`;
    return html`<button
        type="button"
        part="term"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="explanation"
        @click=${this.toggle}
        @keydown=${this.onKeyDown}
      ><slot></slot><span class="pv-term-mark" aria-hidden="true">?</span></button
      ><span class="pv-term-explanation" id="explanation" part="explanation" ?hidden=${!this.open}
        >${this.open ? text : nothing}</span
      >`;
  }
}
