import {
  adoptStyles,
  html,
  LitElement,
  nothing,
  type CSSResultOrNative,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { PageModel, Question, SurveyModel } from 'survey-core';
import { checkDefinitionShape } from '../definition-check.js';
import {
  PvCompleteEvent,
  PvErrorEvent,
  PvPageChangedEvent,
  PvReadyEvent,
  PvQuickExitEvent,
  PvValueChangedEvent,
  type PvErrorKind,
} from '../events.js';
import { locText, renderLocString } from '../loc-string.js';
import { SurveyModelController } from '../model-controller.js';
import { definedQuestionStyles } from '../question/question-tags.js';
import { renderElements } from '../question/render-element.js';
import { sanitizeHtml } from '../sanitize.js';
import { LocalizeController } from '../strings/localize-controller.js';
import { loadSurveyCore, loadSurveyLocale } from '../survey-core-loader.js';
import { surveyStyles } from './survey.styles.js';
import { findPersonalInformation, type PersonalInformationKind } from '@pupil-voice/store';
import { ResponsePersistenceController, type PersistenceHost } from './response-persistence.js';

type Status = 'idle' | 'loading' | 'ready' | 'error';
type PendingFocus = 'page' | 'summary' | 'completed' | 'personal-information' | undefined;

/** A question element as the survey sees it: something that can take focus. */
interface FocusableQuestion extends HTMLElement {
  focusControl(): void;
}

/**
 * An anonymous survey from a SurveyJS definition, rendered with Lit on the survey-core model.
 *
 * @summary Renders a SurveyJS survey, page by page, accessibly.
 *
 * @fires pv-ready - The model exists and is exposed as `model`.
 * @fires pv-value-changed - An answer changed.
 * @fires pv-page-changed - The respondent moved to another page.
 * @fires pv-complete - The respondent submitted; carries the response data.
 * @fires pv-error - The survey could not be loaded or an answer could not be kept.
 *
 * @csspart survey - the outer container
 * @csspart header - the survey title and description
 * @csspart progress - the progress bar
 * @csspart error-summary - the list of problems shown after a failed Continue or Submit
 * @csspart page - the current page
 * @csspart question - each question
 * @csspart navigation - the row of buttons
 * @csspart button - every navigation button
 * @csspart completed - the thank-you message
 * @csspart error - the message shown when the survey cannot be shown
 * @csspart unknown-types - the note naming element types survey-core does not know
 *
 * @cssproperty --pv-color-text - Text colour.
 * @cssproperty --pv-color-background - Background colour.
 * @cssproperty --pv-color-accent - Buttons, selected options and the progress bar.
 * @cssproperty --pv-color-error - Error messages and borders.
 * @cssproperty --pv-color-focus - The focus highlight.
 * @cssproperty --pv-color-border - Borders of inputs and panels.
 * @cssproperty --pv-font-family - Font.
 * @cssproperty --pv-font-size - Base font size.
 * @cssproperty --pv-radius - Corner radius.
 * @cssproperty --pv-space-s - Small spacing.
 * @cssproperty --pv-space-m - Medium spacing.
 * @cssproperty --pv-space-l - Large spacing.
 * @cssproperty --pv-target-size - Minimum size of options and buttons (at least 24px).
 */
export class PvSurvey extends LitElement {
  static override styles: CSSResultOrNative[] = [surveyStyles];

  /** URL of a SurveyJS JSON definition. Ignored when `definition` is set. */
  @property() src?: string;

  /** A SurveyJS definition object; wins over `src`. */
  @property({ attribute: false }) definition?: unknown;

  /**
   * The survey's language (a survey-core locale such as `cy`). Defaults to the element's own
   * `lang`, then the definition's `locale`.
   */
  @property() locale?: string;

  /**
   * Identifies the survey on this device (drafts, outbox). Defaults to the `src` URL's path.
   * A survey given only as a `definition` property, with no `survey-id`, is not kept on the
   * device.
   */
  @property({ attribute: 'survey-id' }) surveyId?: string;

  /**
   * The collector URL completed responses are POSTed to (`…/v1/surveys/:id/responses`).
   * Without it, responses wait in the outbox and `pv-outbox-waiting` fires.
   */
  @property() endpoint?: string;

  /**
   * Shared-device mode: no draft is resumed across respondents; after the thank-you a fresh
   * survey starts; an idle survey is wiped.
   */
  @property({ type: Boolean, reflect: true }) kiosk = false;

  /** Seconds without input before a kiosk survey is wiped and started afresh. */
  @property({ type: Number, attribute: 'idle-timeout' }) idleTimeout = 300;

  /** Seconds the thank-you stays on screen before a kiosk survey starts afresh. */
  @property({ type: Number, attribute: 'kiosk-reset' }) kioskReset = 10;

  /**
   * An RSA-OAEP public key (JWK, as JSON). When set, each completed response is encrypted
   * before it is written to the outbox, so the device and the network hold only ciphertext.
   */
  @property({ attribute: 'public-key' }) publicKey?: string;

  /** Who is answering (`pupil`, `parent`, `staff`), sent with the response. */
  @property() audience?: string;

  /** The school's code, sent with the response. */
  @property() school?: string;

  /** The survey wave (e.g. `2026-autumn`), sent with the response. */
  @property() wave?: string;

  /**
   * Shows a "Leave this page" button (and listens for Shift pressed 3 times) that replaces the
   * page with this URL at once, for surveys about harm. In kiosk mode it also wipes the draft.
   * An empty attribute uses a neutral page (BBC Weather).
   */
  @property({ attribute: 'quick-exit' }) quickExit?: string;

  /** The IndexedDB database holding drafts and the outbox. */
  @property({ attribute: 'store-name' }) storeName = 'pupil-voice';

  /** The survey-core model, once loaded. */
  get model(): SurveyModel | undefined {
    return this._model;
  }

  @state() private status: Status = 'idle';
  @state() private errorMessage = '';
  @state() private _model?: SurveyModel;
  @state() private revision = 0;
  @state() private showErrorSummary = false;

  private readonly surveyController = new SurveyModelController(this);
  private readonly localize = new LocalizeController(this);
  private readonly persistence = new ResponsePersistenceController(this as PersistenceHost);
  @state() private personalInformation: Array<{ question: Question; kinds: PersonalInformationKind[] }> = [];
  private personalInformationAccepted = false;
  private loadedDefinition?: unknown;
  /** Element types in the definition that survey-core does not know (and so left out). */
  @state() private unknownTypes: string[] = [];
  private loadToken = 0;
  private pendingFocus: PendingFocus;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('definition') || changed.has('src')) {
      void this.load();
    }
    if (changed.has('locale') && this._model && this.locale) {
      void this.applyLocale(this._model, this.locale);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onQuickExitKey, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onQuickExitKey, true);
  }

  private shiftPresses: number[] = [];

  private readonly onQuickExitKey = (event: KeyboardEvent): void => {
    if (this.quickExit === undefined || event.key !== 'Shift' || event.repeat) return;
    const now = event.timeStamp;
    this.shiftPresses = [...this.shiftPresses.filter((t) => now - t < 1000), now];
    if (this.shiftPresses.length >= 3) {
      this.shiftPresses = [];
      void this.leave();
    }
  };

  /** The quick exit: wipe a kiosk draft, then replace the page with the neutral URL. */
  async leave(): Promise<void> {
    const url = this.quickExit || 'https://www.bbc.co.uk/weather';
    // Hide the survey first: the point is that nobody nearby sees it, even for a moment.
    this.style.visibility = 'hidden';
    // Navigating away can abort a pending IndexedDB transaction, so the kiosk wipe gets a
    // moment (never more than 300 ms: leaving fast matters more) before the page is replaced.
    if (this.kiosk) {
      await Promise.race([this.persistence.discard(), new Promise((resolve) => setTimeout(resolve, 300))]);
    }
    if (this.dispatchEvent(new PvQuickExitEvent(url))) {
      window.location.replace(url);
    }
  }

  /** Where this survey's drafts and responses are kept on the device, if anywhere. */
  get storageKey(): string | undefined {
    if (this.surveyId) return this.surveyId;
    if (this.src) return new URL(this.src, document.baseURI).pathname;
    return undefined;
  }

  /** The current respondent's response id (the idempotency key), once a draft exists. */
  get responseId(): string | undefined {
    return this.persistence.responseId;
  }

  /**
   * Starts a fresh, empty survey for the next respondent (kiosk mode does this after the
   * thank-you page and after an idle timeout).
   */
  restart(): void {
    void this.load(true);
  }

  /** Resolves once every answer given so far has been written to the device (or failed). */
  whenSaved(): Promise<void> {
    return this.persistence.whenSaved();
  }

  /** Loads the definition (property first, then `src`) and builds the model. */
  private async load(restart = false): Promise<void> {
    const token = ++this.loadToken;
    const stale = () => token !== this.loadToken;
    if (this.definition === undefined && !this.src) {
      this.status = 'idle';
      return;
    }
    this.status = 'loading';
    // Fetch survey-core in parallel with the definition, not after it: on 3G that is a
    // round trip saved before the first question (measured by npm run bench:survey).
    const surveyCore = loadSurveyCore();
    surveyCore.catch(() => undefined);
    this.showErrorSummary = false;
    this.personalInformation = [];
    this.personalInformationAccepted = false;
    let definition = restart && this.loadedDefinition !== undefined ? this.loadedDefinition : this.definition;
    if (definition === undefined && this.src) {
      let text: string;
      try {
        const response = await fetch(this.src, { credentials: 'same-origin' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        text = await response.text();
      } catch (cause) {
        if (!stale()) this.fail('fetch-failed', this.localize.t.fetchFailed, cause);
        return;
      }
      if (stale()) return;
      try {
        definition = JSON.parse(text) as unknown;
      } catch (cause) {
        this.fail('invalid-json', this.localize.t.invalidJson, cause);
        return;
      }
    }
    const problem = checkDefinitionShape(definition);
    if (problem) {
      this.fail('invalid-definition', this.localize.t.invalidDefinition(problem));
      return;
    }
    let model: SurveyModel;
    try {
      const { Model, Serializer } = await surveyCore;
      if (stale()) return;
      // survey-core reads its UI dictionary when it renders a string, so the dictionary for
      // the chosen language (ours, or the definition's own `locale`) is loaded first.
      const chosen = this.locale ?? this.getAttribute('lang') ?? undefined;
      const locale = chosen ?? (definition as { locale?: unknown }).locale;
      if (typeof locale === 'string' && locale) await loadSurveyLocale(locale);
      if (stale()) return;
      model = new Model(definition);
      if (chosen) model.locale = chosen;
      // survey-core drops elements of a type it does not know, silently; we say so instead.
      this.unknownTypes = [
        ...new Set(
          (model.jsonErrors ?? [])
            .map((error) => (error.jsonObj as { type?: unknown } | undefined)?.type)
            .filter((type): type is string => typeof type === 'string' && !Serializer.findClass(type)),
        ),
      ];
    } catch (cause) {
      if (!stale()) this.fail('model-failed', this.localize.t.modelFailed, cause);
      return;
    }
    if (stale()) return;
    if (model.getAllQuestions().length === 0) {
      const detail = this.unknownTypes.length
        ? `it has no question types this page can show (${this.unknownTypes.join(', ')}).`
        : 'it contains no questions.';
      this.fail('invalid-definition', this.localize.t.invalidDefinition(detail));
      return;
    }
    this.loadedDefinition = definition;
    // Saving per keystroke keeps a half-typed answer if the tab is closed; a definition that
    // chose otherwise keeps its choice.
    if (this.storageKey && !(definition as { textUpdateMode?: string }).textUpdateMode) {
      model.textUpdateMode = 'onTyping';
    }
    await this.persistence.attach(model);
    if (stale()) return;
    this.attachModel(model);
    this.status = 'ready';
    await this.updateComplete;
    this.dispatchEvent(new PvReadyEvent(model));
  }

  private async applyLocale(model: SurveyModel, locale: string): Promise<void> {
    await loadSurveyLocale(locale);
    model.locale = locale;
    this.localize.override = model.locale || undefined;
    this.revision += 1;
  }

  private attachModel(model: SurveyModel): void {
    this._model?.dispose();
    this._model = model;
    // Our own words (error summary, page headings) speak the survey's language.
    this.localize.override = model.locale || undefined;
    this.surveyController.observe(model);
    model.onValueChanged.add((_, options) => {
      this.revision += 1;
      this.dispatchEvent(new PvValueChangedEvent(options.name, options.value));
    });
    model.onCurrentPageChanged.add((_, options) => {
      this.revision += 1;
      this.showErrorSummary = false;
      this.pendingFocus = 'page';
      const pages = model.visiblePages;
      this.dispatchEvent(
        new PvPageChangedEvent(
          pages.indexOf(options.newCurrentPage),
          options.newCurrentPage?.name ?? '',
          options.oldCurrentPage ? pages.indexOf(options.oldCurrentPage) : -1,
        ),
      );
    });
    model.onComplete.add((sender) => {
      this.pendingFocus = 'completed';
      this.dispatchEvent(new PvCompleteEvent({ ...(sender.data as Record<string, unknown>) }));
    });
    model.onStarted.add(() => {
      this.pendingFocus = 'page';
      this.revision += 1;
    });
    // Question elements are defined separately; adopt the styles of every one on the page.
    if (this.shadowRoot) {
      adoptStyles(this.shadowRoot, [surveyStyles, ...definedQuestionStyles()]);
    }
  }

  private fail(kind: PvErrorKind, message: string, cause?: unknown): void {
    this.status = 'error';
    this.errorMessage = message;
    this.dispatchEvent(new PvErrorEvent(kind, message, cause));
  }

  protected override updated(): void {
    const focus = this.pendingFocus;
    if (!focus) return;
    this.pendingFocus = undefined;
    const selector = {
      page: '.pv-page-heading',
      summary: '.pv-error-summary',
      completed: '.pv-completed',
      'personal-information': '.pv-personal-information',
    }[focus];
    const target = this.renderRoot.querySelector<HTMLElement>(selector);
    if (target) {
      target.focus();
      target.scrollIntoView?.({ block: 'nearest' });
    }
  }

  protected override render(): TemplateResult {
    const model = this._model;
    return html`<div
      class="pv-survey"
      part="survey"
      lang=${model?.locale || this.localize.lang || nothing}
      dir=${model?.localeDir || nothing}
    >
      ${this.status === 'loading'
        ? html`<p class="pv-loading" role="status">${this.localize.t.loading}</p>`
        : nothing}
      ${this.status === 'error' ? this.renderLoadError() : nothing}
      ${this.status === 'ready' && model ? this.renderModel(model) : nothing}
    </div>`;
  }

  private renderLoadError(): TemplateResult {
    return html`<div class="pv-load-error" role="alert" part="error">
      <h2 class="pv-load-error-title">${this.localize.t.loadFailedTitle}</h2>
      <p>${this.errorMessage}</p>
    </div>`;
  }

  private renderModel(model: SurveyModel): TemplateResult {
    switch (model.state) {
      case 'completed':
        return this.renderCompleted(model);
      case 'completedbefore':
        return html`<div class="pv-completed" tabindex="-1" part="completed">
          ${unsafeHTML(sanitizeHtml(model.processedCompletedBeforeHtml))}
        </div>`;
      case 'empty':
        return html`<p class="pv-empty" role="status">${renderLocString(model.locEmptySurveyText)}</p>`;
      case 'starting':
        return this.renderRunning(model, model.startedPage, true);
      default:
        return this.renderRunning(model, model.activePage as PageModel, false);
    }
  }

  private renderCompleted(model: SurveyModel): TemplateResult {
    if (!model.showCompletedPage) return html``;
    return html`<div class="pv-completed" tabindex="-1" part="completed" role="status">
      ${unsafeHTML(sanitizeHtml(model.processedCompletedHtml))}
      ${this.kiosk ? html`<p class="pv-kiosk-next">${this.localize.t.kioskNext}</p>` : nothing}
    </div>`;
  }

  private renderRunning(model: SurveyModel, page: PageModel | undefined, starting: boolean): TemplateResult {
    if (!page) return html``;
    return html`${this.renderQuickExit()}${this.renderHeader(model)}
      ${!starting && model.showProgressBar ? this.renderProgress(model) : nothing}
      ${this.showErrorSummary ? this.renderErrorSummary(page) : nothing}
      ${this.renderCompletionError()}
      ${this.unknownTypes.length > 0
        ? html`<p class="pv-unsupported pv-unknown-types" role="note" part="unknown-types">
            ${this.localize.t.unknownQuestionTypes(this.unknownTypes.join(', '))}
          </p>`
        : nothing}
      <section class="pv-page" part="page">
        ${this.renderPageHeading(model, page, starting)}
        ${page.hasDescription
          ? html`<div class="pv-description">${renderLocString(page.locDescription)}</div>`
          : nothing}
        ${renderElements(page, this.revision)}
      </section>
      ${this.personalInformation.length > 0 ? this.renderPersonalInformation() : this.renderNavigation(model, starting)}
      ${this.renderSaveState()}`;
  }

  private renderQuickExit(): TemplateResult | typeof nothing {
    if (this.quickExit === undefined) return nothing;
    const t = this.localize.t;
    return html`<div class="pv-quick-exit" part="quick-exit">
      <button type="button" class="pv-button pv-quick-exit-button" part="button quick-exit-button" @click=${() => void this.leave()}>
        ${t.quickExit}
      </button>
      <span class="pv-quick-exit-hint">${t.quickExitHint}</span>
    </div>`;
  }

  private renderPersonalInformation(): TemplateResult {
    const t = this.localize.t;
    return html`<div
      class="pv-personal-information"
      part="personal-information"
      role="region"
      aria-labelledby="pv-personal-information-title"
      tabindex="-1"
    >
      <h3 id="pv-personal-information-title">${t.personalInformationTitle}</h3>
      <p>${t.personalInformationBody}</p>
      <div class="pv-navigation">
        <button type="button" class="pv-button" part="button" @click=${this.changeAnswer}>
          ${t.personalInformationChange}
        </button>
        <button type="button" class="pv-button pv-button--secondary" part="button" @click=${this.sendAnyway}>
          ${t.personalInformationSend}
        </button>
      </div>
    </div>`;
  }

  private renderCompletionError(): TemplateResult | typeof nothing {
    const error = this.persistence.completionError;
    if (!error) return nothing;
    const t = this.localize.t;
    return html`<div class="pv-storage-error" role="alert" part="storage-error">
      <p>${error.kind === 'quota' ? t.completionFailedQuota : t.completionFailed}</p>
    </div>`;
  }

  private renderSaveState(): TemplateResult | typeof nothing {
    const t = this.localize.t;
    const state = this.persistence.state;
    if (state === 'off') return nothing;
    const message = {
      saving: t.saving,
      saved: t.savedOnDevice,
      failed: t.saveFailed,
      unavailable: t.storageUnavailable,
    }[state];
    const problem = state === 'failed' || state === 'unavailable';
    // A quiet status line; problems are alerts because they change what the respondent should do.
    return html`<p
      class="pv-save-state ${problem ? 'pv-save-state--problem' : ''}"
      part="save-state"
      role=${problem ? 'alert' : 'status'}
    >
      ${state === 'saving' ? t.savedOnDevice : message}
    </p>`;
  }

  private renderHeader(model: SurveyModel): TemplateResult | typeof nothing {
    if (!model.hasTitle && !model.hasDescription) return nothing;
    // Not a <header>: outside sectioning content that is a banner landmark, and the school's
    // own page already has one.
    return html`<div class="pv-header" part="header">
      ${model.hasTitle ? html`<h2 class="pv-survey-title">${renderLocString(model.locTitle)}</h2>` : nothing}
      ${model.hasDescription
        ? html`<div class="pv-description">${renderLocString(model.locDescription)}</div>`
        : nothing}
    </div>`;
  }

  private renderPageHeading(
    model: SurveyModel,
    page: PageModel,
    starting: boolean,
  ): TemplateResult | typeof nothing {
    const pages = model.visiblePages;
    const position = pages.indexOf(page) + 1;
    const hasTitle = page.hasTitle;
    // Untitled pages still get a heading for screen readers, and as the focus target when the
    // page changes: "Page 2 of 4", or the survey title on a one-page survey.
    const fallback =
      !starting && pages.length > 1 && position > 0 ? this.localize.t.pageOf(position, pages.length) : locText(model.locTitle);
    if (!hasTitle && !fallback) return nothing;
    return html`<h3
      class="pv-page-heading ${hasTitle ? '' : 'pv-visually-hidden'}"
      id="pv-page-heading"
      tabindex="-1"
    >
      ${hasTitle ? renderLocString(page.locTitle) : fallback}
    </h3>`;
  }

  private renderProgress(model: SurveyModel): TemplateResult {
    const value = Math.max(0, Math.min(100, Math.round(model.progressValue)));
    return html`<div class="pv-progress" part="progress">
      <div
        class="pv-progress-track"
        role="progressbar"
        aria-label=${this.localize.t.progressLabel}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${value}
        aria-valuetext=${model.progressText}
      >
        <div class="pv-progress-fill" style="width: ${value}%"></div>
      </div>
      <p class="pv-progress-text" aria-hidden="true">${model.progressText}</p>
    </div>`;
  }

  /**
   * Questions to list in the error summary. Containers (dynamic panels, matrices of inputs,
   * multiple text) hold their errors in nested questions, so they are listed by their
   * `getAllErrors()`, which includes those.
   */
  private questionsWithErrors(page: PageModel): Question[] {
    return page.questions.filter(
      (question) => question.isVisible && (question.errors.length > 0 || question.containsErrors),
    );
  }

  private renderErrorSummary(page: PageModel): TemplateResult | typeof nothing {
    const invalid = this.questionsWithErrors(page);
    const panelErrors = page.errors;
    if (invalid.length === 0 && panelErrors.length === 0) return nothing;
    return html`<div
      class="pv-error-summary"
      part="error-summary"
      role="alert"
      tabindex="-1"
      aria-labelledby="pv-error-summary-title"
    >
      <h3 class="pv-error-summary-title" id="pv-error-summary-title">${this.localize.t.errorSummaryTitle}</h3>
      <ul class="pv-error-summary-list">
        ${panelErrors.map((error) => html`<li>${error.getText()}</li>`)}
        ${invalid.map(
          (question) => html`<li>
            <a href="#${question.inputId}" @click=${(event: Event) => this.focusQuestion(event, question)}
              >${locText(question.locTitle)}: ${question.getAllErrors()[0]?.getText() ?? ''}</a
            >
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private focusQuestion(event: Event, question: Question): void {
    // Fragment links cannot reach into a shadow root, so the summary moves focus itself.
    event.preventDefault();
    const element = this.renderRoot.querySelector<FocusableQuestion>(
      `[data-qid="${CSS.escape(question.id)}"]`,
    );
    element?.scrollIntoView?.({ block: 'center' });
    element?.focusControl();
  }

  private renderNavigation(model: SurveyModel, starting: boolean): TemplateResult | typeof nothing {
    if (starting) {
      return html`<div class="pv-navigation" part="navigation">
        <button type="button" class="pv-button" part="button start-button" @click=${() => model.start()}>
          ${locText(model.locStartSurveyText)}
        </button>
      </div>`;
    }
    if (!model.showNavigationButtons) return nothing;
    return html`<div class="pv-navigation" part="navigation">
      ${model.isShowPrevButton
        ? html`<button
            type="button"
            class="pv-button pv-button--secondary"
            part="button back-button"
            @click=${() => model.prevPage()}
          >
            ${locText(model.locPagePrevText)}
          </button>`
        : nothing}
      ${model.isLastPage
        ? html`<button type="button" class="pv-button" part="button submit-button" @click=${this.submit}>
            ${locText(model.locCompleteText)}
          </button>`
        : html`<button type="button" class="pv-button" part="button next-button" @click=${this.next}>
            ${locText(model.locPageNextText)}
          </button>`}
    </div>`;
  }

  private readonly next = (): void => {
    const model = this._model;
    if (!model) return;
    if (!model.nextPage()) this.reportInvalid();
  };

  private readonly submit = (): void => {
    const model = this._model;
    if (!model) return;
    if (!this.personalInformationAccepted) {
      if (model.validateCurrentPage() === false) {
        this.reportInvalid();
        return;
      }
      this.personalInformation = this.findPersonalInformation(model);
      if (this.personalInformation.length > 0) {
        this.pendingFocus = 'personal-information';
        return;
      }
    }
    this.persistence.completionError = undefined;
    // false means invalid; undefined means survey-core is awaiting the outbox write.
    if (model.tryComplete() === false && !this.persistence.completionError) this.reportInvalid();
  };

  /** Free-text answers that look like a name, an email address or a phone number. */
  private findPersonalInformation(model: SurveyModel): Array<{ question: Question; kinds: PersonalInformationKind[] }> {
    const found: Array<{ question: Question; kinds: PersonalInformationKind[] }> = [];
    for (const question of model.getAllQuestions(true) as Question[]) {
      const texts: unknown[] = [];
      const type = question.getType();
      if (type === 'text' || type === 'comment') texts.push(question.value);
      if ('comment' in question) texts.push((question as Question & { comment?: unknown }).comment);
      const kinds = new Set<PersonalInformationKind>();
      for (const text of texts) {
        if (typeof text !== 'string' || text.length === 0) continue;
        for (const match of findPersonalInformation(text)) kinds.add(match.kind);
      }
      if (kinds.size > 0) found.push({ question, kinds: [...kinds] });
    }
    return found;
  }

  private readonly sendAnyway = (): void => {
    this.personalInformationAccepted = true;
    this.personalInformation = [];
    this.submit();
  };

  private readonly changeAnswer = (): void => {
    const first = this.personalInformation[0]?.question;
    this.personalInformation = [];
    if (first) this.focusQuestion(new Event('click'), first);
  };

  private reportInvalid(): void {
    this.showErrorSummary = true;
    this.pendingFocus = 'summary';
    this.revision += 1;
  }
}
