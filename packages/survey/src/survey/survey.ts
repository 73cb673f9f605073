import { adoptStyles, html, LitElement, nothing, type CSSResultOrNative, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { PageModel, SurveyModel } from 'survey-core';
import { AudienceController } from '../audience/audience-controller.js';
import { textDirection } from '../audience/text-direction.js';
import { preloadDelivery } from '../delivery/shared-delivery.js';
import { PvReadyEvent, PvStartOverEvent } from '../events.js';
import type { SchoolContact } from '../help-panel/help-panel.js';
import { locText, renderLocString } from '../loc-string.js';
import { SurveyModelController } from '../model-controller.js';
import { defineQuestionElements, onQuestionElementsDefined, questionTypesIn } from '../question/lazy-questions.js';
import { elementsDrawn } from '../question/elements-drawn.js';
import { definedQuestionStyles } from '../question/question-tags.js';
import { renderElements } from '../question/render-element.js';
import { sanitizeHtml } from '../sanitize.js';
import { LocalizeController } from '../strings/localize-controller.js';
import { loadSurveyLocale } from '../survey-core-loader.js';
import { afterNextPaint } from './after-next-paint.js';
import { ClearAnswers } from './clear-answers.js';
import { DEFAULT_STORE_NAME, surveyStorageKey } from './draft-notes.js';
import { drawsEarlyIn, takeEarlyStart, type EarlyDrawing, type EarlyStart } from './early-start.js';
import { FirstPaint, planFirstPaint, screenSize } from './first-paint.js';
import { SurveyFocusController } from './focus-controller.js';
import { SurveyNavigationController } from './navigation-controller.js';
import { PageDrawing } from './page-drawing.js';
import { QuickExitController } from './quick-exit-controller.js';
import { ResponsePersistenceController, type PersistenceConfig } from './response-persistence.js';
import { SurveyLoader } from './survey-loader.js';
import { surveyStyles } from './survey.styles.js';

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
 * @fires pv-authoring-warning - The survey is set up in a way its author should fix (an unknown
 *   audience, a sensitive question pupils cannot skip).
 * @fires pv-answer-saved - The answers so far are on this device (the IndexedDB write completed).
 * @fires pv-response-queued - The completed response is in the outbox, before the thank-you shows.
 * @fires pv-response-sent - The collector acknowledged this survey's response.
 * @fires pv-response-failed - The collector refused the response for good; it is kept for export.
 * @fires pv-outbox-waiting - Completed responses are waiting because there is no `endpoint`.
 * @fires pv-quick-exit - The respondent used the quick exit; cancelable, to navigate yourself.
 * @fires pv-start-over - A kiosk survey was wiped for the next person and starts afresh.
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
 * @csspart intro - the intro screen of a survey with an audience
 * @csspart quick-exit - the quick exit ("Leave this page") and its hint
 * @csspart save-state - the line saying whether answers are kept on this device
 * @csspart send-state - the thank-you page's line saying whether the response has been sent
 * @csspart storage-error - the message shown when the response could not be kept for sending
 * @csspart personal-information - the warning about free text that looks like a name, email or phone number
 * @csspart clear-answers - the "Clear my answers" action and its confirmation
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

  /**
   * Who is answering: `primary`, `secondary`, `post16`, `parent` or `staff`. Chooses the preset
   * (intro, Get help, quick exit, layout, read aloud, faces) and the definition's wording for
   * that audience (see docs/audience-wording.md), and is sent with the response. Wins over the
   * definition's own `audience`. An unknown value is a console warning and the secondary preset.
   */
  @property() audience?: string;

  /** `england` (default), `wales`, `scotland` or `northern-ireland`: chooses the helplines under "Get help". */
  @property() nation?: string;

  /** The school's own people to talk to, listed first under "Get help". Wins over the definition's `helpContacts`. */
  @property({ attribute: false }) helpContacts?: SchoolContact[];

  /** A school's own helpline file (JSON, the shape of `HelplineDirectory`); default: the built-in one. */
  @property({ attribute: 'helplines-src' }) helplinesSrc?: string;

  /** The school's code, sent with the response. */
  @property() school?: string;

  /** The survey wave (e.g. `2026-autumn`), sent with the response. */
  @property() wave?: string;

  /**
   * Shows a "Leave this page" button (and listens for Shift pressed 3 times) that replaces the
   * page with this URL at once, for surveys about harm. It first wipes this survey's unfinished
   * answers from the device. An empty attribute uses a neutral page (BBC Weather). A survey with
   * an audience always has it, on every screen.
   */
  @property({ attribute: 'quick-exit' }) quickExit?: string;

  /**
   * A one-tap poll: the button says "Vote", and there is no "saved on this device" line and no
   * "Clear my answers". Without the attribute, a kiosk survey with one question on one page is
   * taken to be a poll.
   */
  @property({ type: Boolean, reflect: true }) poll = false;

  /** The IndexedDB database holding drafts and the outbox. */
  @property({ attribute: 'store-name' }) storeName = DEFAULT_STORE_NAME;

  /** The survey-core model, once loaded. */
  get model(): SurveyModel | undefined {
    return this._model;
  }

  @state() private _model?: SurveyModel;
  /** Element types in the definition that survey-core does not know (and so left out). */
  @state() private unknownTypes: readonly string[] = [];
  private loadedDefinition?: unknown;
  private loadToken = 0;
  private stopAdoptingStyles?: () => void;
  /** Whether loading has taken long enough to say so (see `LOADING_NOTE_DELAY`). */
  private loadingNoted = false;
  private loadingNoteTimer?: ReturnType<typeof setTimeout>;

  // One controller per concern; each subscribes on connect and unsubscribes on disconnect.
  private readonly surveyController = new SurveyModelController(this);
  private readonly localize = new LocalizeController(this);
  private readonly audiences = new AudienceController(this);
  private readonly loader = new SurveyLoader(this, () => this.localize.t);
  private readonly persistence = new ResponsePersistenceController(this);
  private readonly focusing = new SurveyFocusController(this);
  private readonly navigation = new SurveyNavigationController(this, {
    focus: this.focusing,
    pageChanged: () => this.pageDrawing.pageChanged(),
    completionFailed: () => this.persistence.completionError !== undefined,
    clearCompletionFailure: () => (this.persistence.completionError = undefined),
  });
  private readonly pageDrawing = new PageDrawing(this);
  /** The page drawn from the JSON while survey-core loads. */
  private firstPaint?: FirstPaint;
  /** What the embed started before this element was defined (early-boot.ts), until the first load. */
  private earlyStart?: EarlyStart;
  /** The first page the embed drew, while it is on screen: this element renders nothing beside it. */
  private earlyDrawing?: EarlyDrawing;
  /** The early page's height, kept by the model's frame until its questions are drawn. */
  private handOverHeight?: number;
  private readonly clearAnswers = new ClearAnswers(this, {
    focus: this.focusing,
    clear: () => this.clearAndStartAgain(),
  });
  private readonly quickExitControl = new QuickExitController(this, {
    url: () => this.quickExit ?? (this.audiences.preset ? '' : undefined),
    wipe: () => {
      // Answers given on the early page before its draft was read are not written afterwards.
      this.firstPaint?.clear();
      return this.persistence.wipe();
    },
  });

  constructor() {
    super();
    // Kiosk: the persistence controller wiped the last respondent; show the next one a fresh survey.
    this.addEventListener(PvStartOverEvent.eventName, () => this.restart());
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    // The embed drew the first page into this shadow root before the element was defined. Lit
    // renders before it, up to a marker of its own: the page goes when the model's replaces it.
    if (this.shadowRoot?.firstChild) {
      const end = document.createComment('');
      this.shadowRoot.prepend(end);
      this.renderOptions.renderBefore = end;
    }
    return super.createRenderRoot();
  }

  override connectedCallback(): void {
    this.earlyStart ??= takeEarlyStart(this);
    // Lit reuses the shadow root the embed drew into; the question styles stay adopted.
    super.connectedCallback();
    const drawing = this.earlyStart?.drawing;
    if (drawing?.frame.isConnected && !this.earlyDrawing) {
      this.earlyDrawing = drawing;
      this.adoptQuestionStyles();
      drawing.gone = () => {
        if (this.earlyDrawing !== drawing) return;
        this.earlyDrawing = undefined;
        if (this.firstPaint === drawing.firstPaint) this.firstPaint = undefined;
        this.requestUpdate();
      };
    }
    // A question element loaded on demand after the survey was shown (one added to the model
    // by script) brings styles this shadow root must adopt.
    this.stopAdoptingStyles = onQuestionElementsDefined(() => this.adoptQuestionStyles());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopAdoptingStyles?.();
    this.stopAdoptingStyles = undefined;
    clearTimeout(this.loadingNoteTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (PERSISTENCE_PROPERTIES.some((name) => changed.has(name))) {
      this.persistence.configure(this.persistenceConfig());
    }
    if (changed.has('definition') || changed.has('src')) {
      void this.load();
    }
    if (changed.has('locale') && this._model && this.locale) {
      void this.applyLocale(this._model, this.locale);
    }
  }

  /** The quick exit: wipe this survey's unfinished answers, then replace the page with the neutral URL. */
  leave(): Promise<void> {
    return this.quickExitControl.leave();
  }

  /** Where this survey's drafts and responses are kept on the device, if anywhere. */
  get storageKey(): string | undefined {
    return surveyStorageKey(this.surveyId, this.src);
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

  /**
   * Whether this survey is a one-tap poll: the `poll` attribute, or a kiosk survey with one
   * question on one page.
   */
  get isPoll(): boolean {
    if (this.poll) return true;
    const model = this._model;
    if (!this.kiosk || !model) return false;
    const answerable = model.getAllQuestions().filter((question) => !question.isReadOnly && question.hasInput);
    return model.pages.length === 1 && answerable.length === 1;
  }

  /** "Clear my answers", confirmed: off the device, off the screen, back to the start. */
  private async clearAndStartAgain(): Promise<void> {
    const model = this._model;
    if (!model) return;
    await this.persistence.wipe();
    model.clear(true, true);
    this.navigation.observe(model);
    await this.persistence.attach(model);
  }

  private persistenceConfig(): PersistenceConfig {
    return {
      storageKey: this.storageKey,
      storeName: this.storeName,
      endpoint: this.endpoint,
      kiosk: this.kiosk,
      publicKey: this.publicKey,
      meta: { audience: this.audience ?? this.audiences.requested, school: this.school, wave: this.wave },
      idleTimeout: this.idleTimeout,
      kioskReset: this.kioskReset,
    };
  }

  /** Loads the definition (property first, then `src`), restores the draft, shows the survey. */
  private async load(restart = false): Promise<void> {
    const token = ++this.loadToken;
    // The embed's start serves the first load, if it is of the `src` it fetched.
    const embedStart = this.earlyStart;
    this.earlyStart = undefined;
    const started =
      embedStart && !restart && this.definition === undefined && this.src === embedStart.src ? embedStart : undefined;
    // An early page belongs to the load that drew it.
    if (!started?.drawing) {
      this.firstPaint?.clear();
      embedStart?.drawing?.firstPaint.clear();
    }
    this.noteLoadingLater();
    // A survey that may draw its first page from the JSON draws it first: survey-core, the
    // question elements, the store and the audience features start downloading once that page
    // is on screen (or turned out not to qualify), so they compete with it neither for the
    // network nor for the main thread. Any other survey starts them at once.
    const mayPaintEarly = this.mayPaintEarly();
    // The store and send loop are a chunk of their own: fetch it alongside survey-core.
    if (!mayPaintEarly && this.storageKey) void preloadDelivery();
    let questionElements = Promise.resolve();
    /** The early page's draft read: the model attaches to the draft only after it. */
    let early: Promise<void> = Promise.resolve();
    const loaded = await this.loader.load({
      definition: restart && this.loadedDefinition !== undefined ? this.loadedDefinition : this.definition,
      src: this.src,
      fetched: started?.text,
      locale: this.locale ?? this.getAttribute('lang') ?? undefined,
      prepare: (definition) => this.audiences.prepare(definition, this.audience),
      surveyCoreAfterDefinition: mayPaintEarly,
      // The question elements (all of them in the embed, which defines none in its entry) and
      // the audience features are chunks of their own: what this survey names downloads while
      // survey-core does, and is in before it is shown.
      definitionRead: (definition) => {
        const rest = (): void => {
          if (token !== this.loadToken) return;
          if (mayPaintEarly && this.storageKey) void preloadDelivery();
          questionElements = defineQuestionElements(questionTypesIn(definition));
          this.audiences.preload(definition, this.audience);
        };
        if (!mayPaintEarly) return rest();
        let painted!: () => void;
        const drawn = new Promise<void>((resolve) => (painted = resolve));
        early = this.paintEarly(definition, token, painted, started?.drawing).finally(painted);
        return drawn.then(rest);
      },
    });
    if (token === this.loadToken && !loaded) {
      this.firstPaint?.clear();
      // A page the embed drew, not yet taken over (the definition failed its checks).
      this.earlyDrawing?.firstPaint.clear();
    }
    if (!loaded || token !== this.loadToken) return;
    await questionElements;
    // A definition given as a property can have its model before the early page has read the
    // draft (survey-core already loaded): attaching then raced the early page's read and save,
    // and a restored answer was lost. Let the early page finish first; it is one IndexedDB read.
    await early.catch(() => undefined);
    if (token !== this.loadToken) return;
    const { model, definition } = loaded;
    // A `locale` set while the definition was loading (a page's language switcher running
    // before the download finished) was not seen by the loader: apply it now.
    if (this.locale && this.locale !== model.locale) {
      await loadSurveyLocale(this.locale);
      if (token !== this.loadToken) return;
      model.locale = this.locale;
    }
    this.loadedDefinition = definition;
    this.unknownTypes = loaded.unknownTypes;
    // Saving per keystroke keeps a half-typed answer if the tab is closed; a definition that
    // chose otherwise keeps its choice.
    if (this.storageKey && !(definition as { textUpdateMode?: string }).textUpdateMode) {
      model.textUpdateMode = 'onTyping';
    }
    // The definition's own audience travels in `meta` when the element has none.
    this.persistence.configure(this.persistenceConfig());
    await this.persistence.attach(model);
    if (token !== this.loadToken) return;
    const resumed = !restart && (model.currentPageNo > 0 || Object.keys(model.data as object).length > 0);
    // From here to the model's first render nothing waits for another task, so no keystroke
    // on the early page can fall between the two.
    let handOver = this.firstPaint?.handOver(model);
    const drawing = this.earlyDrawing;
    if (handOver && drawing) {
      // The embed's frame gives way to this element's, which keeps its height meanwhile.
      this.handOverHeight = handOver.frame?.getBoundingClientRect().height;
      this.earlyDrawing = undefined;
      drawing.frame.remove();
      handOver = { ...handOver, frame: undefined };
    }
    this.show(model);
    // After show(): whether this is a poll is read from the model on screen.
    this.audiences.attach(model, { resumed, poll: this.isPoll });
    this.loader.ready();
    await this.updateComplete;
    if (handOver) {
      await elementsDrawn(this.renderRoot);
      this.firstPaint?.finish(model, handOver);
      if (drawing) {
        this.handOverHeight = undefined;
        this.firstPaint = undefined;
        this.requestUpdate();
      }
      // Continue, Submit or Start pressed early: validated and carried out now.
      if (handOver.pending === 'next') this.navigation.next();
      else if (handOver.pending === 'submit') this.navigation.submit();
      else if (handOver.pending === 'start') this.navigation.start();
    }
    this.dispatchEvent(new PvReadyEvent(model));
  }

  /**
   * The status line says "Loading the survey…" only once loading has taken `LOADING_NOTE_DELAY`:
   * a survey that shows within it does not flash the words first, and its first question comes
   * sooner on a slow CPU (drawing that frame's text delayed it; see the README's bench notes).
   * The line itself is there from the start, empty, so the words are announced when they come.
   */
  private noteLoadingLater(): void {
    clearTimeout(this.loadingNoteTimer);
    this.loadingNoted = false;
    this.loadingNoteTimer = setTimeout(() => {
      this.loadingNoted = true;
      // An early page on screen is not redrawn for it (it says so itself if Continue is
      // pressed); should it give way to the status line, that line has the words.
      if (this.loader.status === 'loading' && !this.firstPaint?.page) this.requestUpdate();
    }, LOADING_NOTE_DELAY);
  }

  /**
   * While survey-core downloads, draws the first page from the JSON when it depends on nothing
   * only the model can work out (see first-paint-plan.ts), then reads the draft. Surveys with an
   * audience open on an intro, and polls on a Vote button: both wait for the model (see
   * `mayPaintEarly`). Calls `painted` once the page is on screen (the frame after it was drawn),
   * or as soon as it is clear there will be none, so the rest can start downloading.
   *
   * A respondent who left off on a later page should see that page, not page one: this device
   * notes the draft's page where it can be read at once, and then nothing is painted early.
   * Without the note (storage cleared, a draft older than it) the draft read decides: a
   * respondent who has not answered on the early page goes back to waiting for the model; one
   * who has stays on page one, which the model then opens on, with the
   * draft's answers filled in under theirs (their newer answers win) and nothing lost. Moving
   * them to the later page under their fingers would lose their place, focus and keystrokes.
   *
   * `drawn` is a page the embed drew before this element was defined (early-boot.ts, which made
   * the same checks): it is taken over as it is, answers, focus and caret included.
   */
  private async paintEarly(definition: unknown, token: number, painted: () => void, drawn?: EarlyDrawing): Promise<void> {
    this.persistence.configure(this.persistenceConfig());
    const config = {
      strings: () => this.localize.t,
      save: (answers: Readonly<Record<string, unknown>>) => this.persistence.saveEarly(answers),
    };
    let firstPaint: FirstPaint;
    if (drawn?.firstPaint.page && drawn === this.earlyDrawing) {
      // The embed drew this page before the element was defined: it is on screen already.
      firstPaint = this.firstPaint = drawn.firstPaint;
      firstPaint.configure(config);
      drawn.chrome = () => ({ before: this.renderQuickExit(), after: this.renderSaveState() });
      painted();
    } else {
      if (this.persistence.resumesPastFirstPage()) return;
      if (token !== this.loadToken || this.loader.status !== 'loading') return;
      const plan = planFirstPaint(definition);
      if (!('page' in plan)) return;
      if (this.kiosk && plan.page.pageCount === 1 && plan.page.questions.length === 1) return;
      // Measured before the question styles are adopted: the survey is laid out as it is, so
      // this is cheap; after them, it would be laid out once more for nothing.
      const size = screenSize(this);
      this.adoptQuestionStyles();
      firstPaint = this.firstPaint ??= new FirstPaint(this, config);
      firstPaint.show(plan.page, size);
      await this.updateComplete;
      await afterNextPaint();
      // A page longer than the window had only what can be on screen drawn first; the rest is
      // below the window's bottom edge, so drawing it now moves nothing in view.
      firstPaint.drawRest();
      painted();
    }
    if (token !== this.loadToken || !firstPaint.page) return;
    // The draft is read meanwhile (the store is a chunk of its own, then IndexedDB).
    const draft = await this.persistence.open();
    if (token !== this.loadToken || !firstPaint.page) return;
    if (draft && draft.page > 0 && !firstPaint.interacted) firstPaint.clear();
    else if (draft) firstPaint.resume(draft.answers as Record<string, unknown>);
  }

  /**
   * Whether this survey may draw its first page before survey-core arrives, as far as the
   * element knows before the definition: surveys with an audience open on an intro, polls on a
   * Vote button, and a survey in another language than English waits for survey-core's words.
   */
  private mayPaintEarly(): boolean {
    return this.audience === undefined && !this.poll && drawsEarlyIn(this.locale ?? this.getAttribute('lang') ?? '');
  }

  private show(model: SurveyModel): void {
    this._model?.dispose();
    this._model = model;
    // Our own words (error summary, page headings) speak the survey's language.
    this.localize.override = model.locale || undefined;
    this.surveyController.observe(model);
    this.navigation.observe(model);
    this.pageDrawing.reset();
    this.clearAnswers.reset();
    this.adoptQuestionStyles();
  }

  /** Question elements are defined separately; adopt the styles of every one defined so far. */
  private adoptQuestionStyles(): void {
    if (this.shadowRoot) {
      // The audience styles come with the audience features, which only such a survey loads.
      const audience = this.audiences.features?.audienceStyles;
      adoptStyles(this.shadowRoot, [surveyStyles, ...(audience ? [audience] : []), ...definedQuestionStyles()]);
    }
  }

  private async applyLocale(model: SurveyModel, locale: string): Promise<void> {
    await loadSurveyLocale(locale);
    model.locale = locale;
    this.localize.override = model.locale || undefined;
    this.navigation.bumpRevision();
  }

  /** Complete once the whole page is drawn (a new page shows its first screen first). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.pageDrawing.whole) {
      await this.pageDrawing.whole;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The embed's page shows this element's save line too.
    this.earlyDrawing?.redraw();
  }

  protected override render(): TemplateResult | typeof nothing {
    // The embed's page is on screen beside this element's (empty) render, until the model's page.
    if (this.earlyDrawing) return nothing;
    const model = this._model;
    const status = this.loader.status;
    const lang = model?.locale || this.localize.lang;
    // survey-core knows Arabic is right-to-left but not Urdu: the direction follows the
    // language. A survey with no language of its own inherits the page's direction.
    const dir = model?.localeDir === 'rtl' || textDirection(lang) === 'rtl' ? 'rtl' : model?.locale ? 'ltr' : undefined;
    return html`<div
      class="pv-survey"
      part="survey"
      lang=${lang || nothing}
      dir=${dir ?? nothing}
      data-preset=${this.audiences.preset?.audience ?? nothing}
      style=${this.handOverHeight === undefined ? nothing : `min-height: ${this.handOverHeight}px`}
    >
      ${status === 'loading'
        ? this.firstPaint?.page
          ? this.firstPaint.render({ before: this.renderQuickExit(), after: this.renderSaveState() })
          : html`<p class="pv-loading" role="status">${this.loadingNoted ? this.localize.t.loading : ''}</p>`
        : nothing}
      ${status === 'error' ? this.renderLoadError() : nothing}
      ${status === 'ready' && model ? this.renderModel(model) : nothing}
    </div>`;
  }

  private renderLoadError(): TemplateResult {
    const t = this.localize.t;
    // Trying again can help only when the network (or the server) failed, not a refusal or a
    // broken definition.
    const retry = this.loader.errorKind === 'fetch-failed';
    return html`<div class="pv-load-error" role="alert" part="error">
      <h2 class="pv-load-error-title">${t.loadFailedTitle}</h2>
      <p>${this.loader.errorMessage}</p>
      ${retry
        ? html`<button type="button" class="pv-button" part="button retry-button" @click=${() => this.restart()}>
            ${t.retry}
          </button>`
        : nothing}
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

  /** A survey in progress (or its start page): each part is its own helper, in page order. */
  private renderRunning(model: SurveyModel, page: PageModel | undefined, starting: boolean): TemplateResult {
    if (!page) return html``;
    if (this.audiences.introPending && !starting) return this.renderIntroScreen(model);
    const t = this.localize.t;
    return html`${this.renderSafetyBar()}${this.renderHeader(model)}
      ${!starting && model.showProgressBar ? this.renderProgress(model, page) : nothing}
      ${this.focusing.renderErrorSummary(page, t)} ${this.renderCompletionError()} ${this.renderUnknownTypes()}
      ${this.renderPage(model, page, starting)} ${this.navigation.renderNavigation(model, starting, t, this.isPoll)}
      ${this.renderSaveState()} ${this.clearAnswers.render(t, !starting && !this.isPoll)}`;
  }

  private renderHeader(model: SurveyModel): TemplateResult | typeof nothing {
    if (!model.hasTitle && !model.hasDescription) return nothing;
    // Not a <header>: outside sectioning content that is a banner landmark, and the school's
    // own page already has one.
    return html`<div class="pv-header" part="header">
      ${model.hasTitle ? html`<h2 class="pv-survey-title">${renderLocString(model.locTitle)}</h2>` : nothing}
      ${model.hasDescription ? html`<div class="pv-description">${renderLocString(model.locDescription)}</div>` : nothing}
    </div>`;
  }

  private renderPage(model: SurveyModel, page: PageModel, starting: boolean): TemplateResult {
    return html`<section class="pv-page" part="page">
      ${this.navigation.renderPageHeading(model, page, starting, this.localize.t)}
      ${page.hasDescription ? html`<div class="pv-description">${renderLocString(page.locDescription)}</div>` : nothing}
      ${renderElements(page, this.navigation.revision, this.navigation.quietRevision, this.pageDrawing.limit)}
    </section>`;
  }

  private renderCompleted(model: SurveyModel): TemplateResult {
    const preset = this.audiences.preset;
    const t = preset ? this.audiences.translationFor(this.localize.lang) : undefined;
    // At the end, help is shown open after the thank-you, so "Thank you" is read first.
    return html`${this.renderQuickExit()}
      ${model.showCompletedPage
        ? html`<div class="pv-completed" tabindex="-1" part="completed" role="status">
            ${unsafeHTML(sanitizeHtml(model.processedCompletedHtml))} ${this.renderSendState()}
            ${this.kiosk ? html`<p class="pv-kiosk-next">${this.localize.t.kioskNext}</p>` : nothing}
          </div>`
        : nothing}
      ${preset && t
        ? html`<p class="pv-after-survey" lang=${t.lang}>${t.afterSurvey[preset.audience]}</p>
            ${this.renderHelp(true)}`
        : nothing}`;
  }

  /** Progress: pictures and words for young children, else survey-core's bar. */
  private renderProgress(model: SurveyModel, page: PageModel): TemplateResult {
    if (!this.audiences.preset?.pictureProgress) return this.navigation.renderProgress(model, this.localize.t);
    const pages = model.visiblePages;
    const position = Math.max(1, pages.indexOf(page) + 1);
    const words = this.audiences.translationFor(this.localize.lang).questionOf(position, pages.length);
    return this.audiences.features!.renderPictureProgress(position, pages.length, this.localize.t.progressLabel, words);
  }

  /** "Get help": the school's people and the helplines for this audience and nation. */
  private renderHelp(open = false): TemplateResult | typeof nothing {
    const preset = this.audiences.preset;
    if (!preset) return nothing;
    return html`<pv-help-panel
      audience=${preset.audience}
      nation=${this.nation ?? nothing}
      helplines-src=${this.helplinesSrc ?? nothing}
      .contacts=${this.helpContacts ?? this.audiences.contacts}
      ?open=${open}
    ></pv-help-panel>`;
  }

  /**
   * Leave this page, then Get help, in the same place on every screen of a survey with an
   * audience (the intro and each page; the thank-you shows help open after its message).
   * Quick exit comes first in the tab order, as GOV.UK's "Exit this page" advises, and keeps
   * its sticky row so it stays in reach while the page scrolls.
   */
  private renderSafetyBar(): TemplateResult {
    return html`${this.renderQuickExit()}${this.renderHelp()}`;
  }

  /** The intro of a survey with an audience: what it is for, anonymity, choice, telling. */
  private renderIntroScreen(model: SurveyModel): TemplateResult {
    const preset = this.audiences.preset!;
    const t = this.audiences.translationFor(model.locale || this.localize.lang);
    return html`${this.renderSafetyBar()}${this.renderHeader(model)}
      ${this.audiences.features!.renderIntro({
        audience: preset.audience,
        t,
        overrides: this.audiences.introOverrides(model.locale || 'default'),
        surveyLang: model.locale || this.localize.lang,
        startText: locText(model.locStartSurveyText) || t.navigation[preset.audience].start,
        onStart: () => {
          this.audiences.start();
          this.focusing.request('page');
        },
      })}
      <p class="pv-history-note" lang=${t.lang}>${t.historyNote[preset.audience]}</p>`;
  }

  /**
   * On the thank-you page, where the response stands: honest when it is still on the device
   * (offline, the service down), and confirmed once the collector has it. Inside the
   * thank-you's polite live region, so the change is announced.
   */
  private renderSendState(): TemplateResult | typeof nothing {
    const t = this.localize.t;
    const state = this.persistence.sendState;
    if (state === 'none') return nothing;
    const message = {
      queued: t.sendQueued,
      waiting: t.sendWaiting,
      sent: this.isPoll ? t.voteSent : t.sendDone,
      refused: t.sendRefused,
    }[state];
    return html`<p class="pv-send-state pv-send-state--${state}" part="send-state">${message}</p>`;
  }

  private renderQuickExit(): TemplateResult | typeof nothing {
    if (this.quickExit === undefined && !this.audiences.preset) return nothing;
    const t = this.localize.t;
    return html`<div class="pv-quick-exit" part="quick-exit">
      <button type="button" class="pv-button pv-quick-exit-button" part="button quick-exit-button" @click=${() => void this.leave()}>
        ${t.quickExit}
      </button>
      <span class="pv-quick-exit-hint">${t.quickExitHint}</span>
    </div>`;
  }

  private renderUnknownTypes(): TemplateResult | typeof nothing {
    if (this.unknownTypes.length === 0) return nothing;
    return html`<p class="pv-unsupported pv-unknown-types" role="note" part="unknown-types">
      ${this.localize.t.unknownQuestionTypes(this.unknownTypes.join(', '))}
    </p>`;
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
    // A one-tap poll has no answers to keep; saying so would only puzzle.
    if (state === 'off' || (this.isPoll && state !== 'failed' && state !== 'unavailable')) return nothing;
    const message = {
      saving: t.savedOnDevice,
      saved: t.savedOnDevice,
      failed: t.saveFailed,
      unavailable: t.storageUnavailable,
    }[state];
    const problem = state === 'failed' || state === 'unavailable';
    // A quiet status line (it does not flicker to "Saving…" per keystroke); problems are alerts
    // because they change what the respondent should do.
    return html`<p class="pv-save-state ${problem ? 'pv-save-state--problem' : ''}" part="save-state" role=${problem ? 'alert' : 'status'}>
      ${message}
    </p>`;
  }
}

/** How long loading may take before the survey says it is loading, in ms. */
const LOADING_NOTE_DELAY = 500;

/** Properties the persistence controller is configured from. */
const PERSISTENCE_PROPERTIES = [
  'surveyId',
  'src',
  'storeName',
  'endpoint',
  'kiosk',
  'publicKey',
  'audience',
  'school',
  'wave',
  'idleTimeout',
  'kioskReset',
] as const;
