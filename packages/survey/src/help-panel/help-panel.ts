import { isAudience, type Audience } from '@pupil-voice/schema';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { audienceTranslationFor } from '../strings/audience-strings.js';
import { LocalizeController } from '../strings/localize-controller.js';
import {
  helplinesFor,
  isNation,
  loadHelplineDirectory,
  smsUri,
  telUri,
  type Helpline,
  type HelplineDirectory,
} from './helpline-directory.js';
import { styles } from './help-panel.styles.js';

/** One of the school's own people a respondent can go to, from the school's configuration. */
export interface SchoolContact {
  /** The person's name, as pupils know it ("Mrs Patel"). */
  name: string;
  /** What they do ("Designated safeguarding lead"). */
  role?: string;
  /** Where to find them ("Room 12, or the office at lunchtime"). */
  where?: string;
  /** A number to call. */
  call?: string;
  /** An email address. */
  email?: string;
}

/** Checks a list of contacts from configuration (a definition's `helpContacts`); drops bad entries. */
export function parseSchoolContacts(value: unknown): SchoolContact[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry: unknown): entry is SchoolContact =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as SchoolContact).name === 'string' &&
      (['role', 'where', 'call', 'email'] as const).every(
        (key) => (entry as SchoolContact)[key] === undefined || typeof (entry as SchoolContact)[key] === 'string',
      ),
  );
}

type LoadState = 'loading' | 'ready' | 'failed';

/**
 * "Get help": a button that opens, in place, who a respondent can talk to: the school's own
 * named contacts, then helplines for their audience and nation, as `tel:` and `sms:` links. It
 * is a disclosure (the button says whether it is expanded; focus stays put), so it can sit on
 * every page in the same place (WCAG 3.2.6 Consistent Help).
 *
 * The helpline list is loaded on its own: if it cannot be loaded, the panel still shows the
 * school's contacts and 999, and nothing else on the page waits for it.
 *
 * @summary Helplines and school contacts, behind a "Get help" button.
 *
 * @csspart button - the "Get help" button
 * @csspart panel - the region that opens
 * @csspart close-button - the button that closes the panel
 *
 * @cssproperty --pv-color-accent - The button and links.
 * @cssproperty --pv-color-surface - The panel's background.
 * @cssproperty --pv-target-size - Minimum size of the buttons and links.
 */
export class PvHelpPanel extends LitElement {
  static override styles = styles;

  /** Who is reading: chooses the helplines and the wording. Unknown values read as `secondary`. */
  @property() audience?: string;

  /** `england` (default), `wales`, `scotland` or `northern-ireland`. */
  @property() nation?: string;

  /** The school's own named contacts, listed first. */
  @property({ attribute: false }) contacts: SchoolContact[] = [];

  /** A school's own helpline file (JSON, the shape of `HelplineDirectory`); default: the built-in one. */
  @property({ attribute: 'helplines-src' }) helplinesSrc?: string;

  /** Whether the panel is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private directory?: HelplineDirectory;
  @state() private loadState: LoadState = 'loading';

  private readonly localize = new LocalizeController(this);
  private loadToken = 0;

  /** The audience used for wording and helplines. */
  get effectiveAudience(): Audience {
    return isAudience(this.audience) ? this.audience : 'secondary';
  }

  /** The helplines shown now (empty until loaded, or when loading failed). */
  get helplines(): Helpline[] {
    const nation = isNation(this.nation) ? this.nation : 'england';
    return this.directory ? helplinesFor(this.directory, this.effectiveAudience, nation) : [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('helplinesSrc') || this.loadToken === 0) {
      void this.load();
    }
  }

  private async load(): Promise<void> {
    const token = ++this.loadToken;
    this.loadState = 'loading';
    try {
      const directory = await loadHelplineDirectory(this.helplinesSrc);
      if (token !== this.loadToken) return;
      this.directory = directory;
      this.loadState = 'ready';
    } catch (cause) {
      if (token !== this.loadToken) return;
      this.directory = undefined;
      this.loadState = 'failed';
      console.warn('<pv-help-panel>: the helpline list could not be loaded; showing 999 and the school contacts.', cause);
    }
  }

  private readonly toggle = (): void => {
    this.open = !this.open;
  };

  private readonly close = (): void => {
    this.open = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.pv-help-button')?.focus());
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.open) {
      event.stopPropagation();
      this.close();
    }
  };

  protected override render(): TemplateResult {
    const t = audienceTranslationFor(this.localize.lang);
    const audience = this.effectiveAudience;
    return html`<div class="pv-help" lang=${t.lang} @keydown=${this.onKeyDown}>
      <button
        type="button"
        class="pv-help-button"
        part="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="pv-help-panel"
        @click=${this.toggle}
      >
        ${t.getHelp}
      </button>
      <section
        class="pv-help-panel"
        id="pv-help-panel"
        part="panel"
        role="region"
        aria-labelledby="pv-help-title"
        ?hidden=${!this.open}
      >
        <h3 id="pv-help-title">${t.getHelp}</h3>
        <p>${t.helpIntro[audience]}</p>
        ${this.renderContacts(t.schoolContacts)}
        <h4>${t.helplines}</h4>
        ${this.loadState === 'failed'
          ? html`<p role="status">${t.helplinesUnavailable}</p>
              <ul>
                <li>
                  <span class="pv-help-name">${t.emergency}</span>
                  <span class="pv-help-ways"><a href=${telUri('999')}>${t.callNumber('999')}</a></span>
                </li>
              </ul>`
          : html`<ul>
              ${this.helplines.map((line) => this.renderHelpline(line, t.lang === 'cy' ? 'cy' : 'en', t))}
            </ul>`}
        <p class="pv-help-note">${t.historyNote[audience]}</p>
        <button type="button" class="pv-help-close" part="close-button" @click=${this.close}>${t.closeHelp}</button>
      </section>
    </div>`;
  }

  private renderContacts(heading: string): TemplateResult | typeof nothing {
    if (this.contacts.length === 0) return nothing;
    const t = audienceTranslationFor(this.localize.lang);
    return html`<h4>${heading}</h4>
      <ul>
        ${this.contacts.map(
          (contact) => html`<li>
            <span class="pv-help-name">${contact.name}</span>${contact.role ? html`, ${contact.role}` : nothing}
            ${contact.where ? html`<span class="pv-help-description">${contact.where}</span>` : nothing}
            ${contact.call || contact.email
              ? html`<span class="pv-help-ways">
                  ${contact.call ? html`<a href=${telUri(contact.call)}>${t.callNumber(contact.call)}</a>` : nothing}
                  ${contact.email ? html`<a href="mailto:${contact.email}">${contact.email}</a>` : nothing}
                </span>`
              : nothing}
          </li>`,
        )}
      </ul>`;
  }

  private renderHelpline(
    line: Helpline,
    language: 'en' | 'cy',
    t: ReturnType<typeof audienceTranslationFor>,
  ): TemplateResult {
    return html`<li data-helpline=${line.id}>
      <span class="pv-help-name">${line.name[language] ?? line.name.en}</span>
      <span class="pv-help-description">${line.description[language] ?? line.description.en}</span>
      <span class="pv-help-ways">
        ${line.call ? html`<a href=${telUri(line.call)}>${t.callNumber(line.call)}</a>` : nothing}
        ${line.text
          ? html`<a href=${smsUri(line.text.number, line.text.keyword)}>${t.textNumber(line.text.number, line.text.keyword)}</a>`
          : nothing}
        ${line.web
          ? html`<a href=${line.web} target="_blank" rel="noopener noreferrer">${new URL(line.web).hostname.replace(/^www\./, '')}</a>`
          : nothing}
      </span>
    </li>`;
  }
}
