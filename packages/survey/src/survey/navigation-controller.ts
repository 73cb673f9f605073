import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PageModel, SurveyModel } from 'survey-core';
import { PvCompleteEvent, PvPageChangedEvent, PvValueChangedEvent } from '../events.js';
import { locText, renderLocString } from '../loc-string.js';
import type { Translation } from '../strings/translation.js';
import type { SurveyFocusController } from './focus-controller.js';
import { findPersonalInformationIn, type PersonalInformationFinding } from './personal-information-check.js';

/** What navigation needs from its neighbours, given explicitly. */
export interface NavigationConfig {
  readonly focus: SurveyFocusController;
  /** The respondent moved to another page (Continue or Back). */
  pageChanged(): void;
  /** Whether completing was refused because the outbox could not be written. */
  completionFailed(): boolean;
  /** Forgets a refused completion before trying again. */
  clearCompletionFailure(): void;
}

/**
 * Moves the respondent through the survey: Start, Back, Continue and Submit (with the
 * personal-information check before sending), and tells the page where they are
 * (`pv-value-changed`, `pv-page-changed`, `pv-complete`). Subscribes to the model while the
 * host is connected, and only then.
 */
export class SurveyNavigationController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly config: NavigationConfig;
  private model?: SurveyModel;
  private connected = false;
  private unsubscribe?: () => void;
  private personalInformationAccepted = false;

  /** Bumped on every answer and page change, so question elements re-render with the model. */
  revision = 0;
  /**
   * Bumped on every change except an answer (page, start, language, page visibility, the error
   * summary). Question elements with no piped text follow this one: an answer elsewhere cannot
   * change what they show, and survey-core reports their own changes to them directly.
   */
  quietRevision = 0;
  /** Answers that look personal, while the respondent is being asked about them. */
  personalInformation: PersonalInformationFinding[] = [];

  constructor(host: ReactiveControllerHost & HTMLElement, config: NavigationConfig) {
    this.host = host;
    this.config = config;
    host.addController(this);
  }

  /** Follows a new model (a load or a restart); forgets everything about the previous one. */
  observe(model: SurveyModel | undefined): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.model = model;
    this.personalInformation = [];
    this.personalInformationAccepted = false;
    this.config.focus.showErrorSummary = false;
    if (this.connected && model) this.subscribe(model);
  }

  hostConnected(): void {
    this.connected = true;
    if (this.model && !this.unsubscribe) this.subscribe(this.model);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private subscribe(model: SurveyModel): void {
    const valueChanged = (_: SurveyModel, options: { name: string; value: unknown }) => {
      this.bumpRevision(true);
      this.host.dispatchEvent(new PvValueChangedEvent(options.name, options.value));
    };
    const pageChanged = (_: SurveyModel, options: { newCurrentPage: PageModel; oldCurrentPage?: PageModel }) => {
      this.bumpRevision();
      this.config.focus.pageChanged();
      this.config.pageChanged();
      const pages = model.visiblePages;
      this.host.dispatchEvent(
        new PvPageChangedEvent(
          pages.indexOf(options.newCurrentPage),
          options.newCurrentPage?.name ?? '',
          options.oldCurrentPage ? pages.indexOf(options.oldCurrentPage) : -1,
        ),
      );
    };
    const completed = (sender: SurveyModel) => {
      this.config.focus.request('completed');
      this.host.dispatchEvent(new PvCompleteEvent({ ...(sender.data as Record<string, unknown>) }));
    };
    const started = () => {
      this.bumpRevision();
      this.config.focus.request('page');
    };
    // survey-core keeps "Page 1 of 2" across answers when counting pages (it assumes answers
    // do not change the page count), but an answer can show or hide a page.
    const pageVisibilityChanged = () => {
      model.progressTextModel.updateProgressText();
      this.bumpRevision();
    };
    model.onValueChanged.add(valueChanged);
    model.onCurrentPageChanged.add(pageChanged);
    model.onComplete.add(completed);
    model.onStarted.add(started);
    model.onPageVisibleChanged.add(pageVisibilityChanged);
    this.unsubscribe = () => {
      model.onValueChanged.remove(valueChanged);
      model.onCurrentPageChanged.remove(pageChanged);
      model.onComplete.remove(completed);
      model.onStarted.remove(started);
      model.onPageVisibleChanged.remove(pageVisibilityChanged);
    };
  }

  /**
   * Asks question elements to re-render (an answer, a page, or the language changed). For an
   * answer (`answer` true) only the elements that may show piped text are asked.
   */
  bumpRevision(answer = false): void {
    this.revision += 1;
    if (!answer) this.quietRevision += 1;
    this.host.requestUpdate();
  }

  /** Continue: the next page, or the error summary. */
  readonly next = (): void => {
    const model = this.model;
    if (!model) return;
    if (!model.nextPage()) this.reportInvalid();
  };

  /** Back: survey-core keeps the answers. */
  readonly previous = (): void => {
    this.model?.prevPage();
  };

  /** Start, on a survey with a start page. */
  readonly start = (): void => {
    this.model?.start();
  };

  /** Submit: validate, check for personal information, then complete (outbox first). */
  readonly submit = (): void => {
    const model = this.model;
    if (!model) return;
    if (!this.personalInformationAccepted) {
      if (model.validateCurrentPage() === false) {
        this.reportInvalid();
        return;
      }
      this.personalInformation = findPersonalInformationIn(model);
      if (this.personalInformation.length > 0) {
        this.config.focus.request('personal-information');
        return;
      }
    }
    this.config.clearCompletionFailure();
    // false means invalid; undefined means survey-core is awaiting the outbox write.
    if (model.tryComplete() === false && !this.config.completionFailed()) this.reportInvalid();
  };

  private readonly sendAnyway = (): void => {
    this.personalInformationAccepted = true;
    this.personalInformation = [];
    this.submit();
  };

  private readonly changeAnswer = (): void => {
    const first = this.personalInformation[0]?.question;
    this.personalInformation = [];
    this.host.requestUpdate();
    if (first) this.config.focus.focusQuestion(first);
  };

  private reportInvalid(): void {
    this.config.focus.reportInvalid();
    this.bumpRevision();
  }

  /** The buttons under the page, or the personal-information question in their place. */
  renderNavigation(model: SurveyModel, starting: boolean, t: Translation, poll = false): TemplateResult | typeof nothing {
    if (this.personalInformation.length > 0) return this.renderPersonalInformation(t);
    if (starting) {
      return html`<div class="pv-navigation" part="navigation">
        <button type="button" class="pv-button" part="button start-button" @click=${this.start}>
          ${locText(model.locStartSurveyText)}
        </button>
      </div>`;
    }
    if (!model.showNavigationButtons) return nothing;
    return html`<div class="pv-navigation" part="navigation">
      ${model.isShowPrevButton
        ? html`<button type="button" class="pv-button pv-button--secondary" part="button back-button" @click=${this.previous}>
            ${locText(model.locPagePrevText)}
          </button>`
        : nothing}
      ${model.isLastPage
        ? html`<button type="button" class="pv-button" part="button submit-button" @click=${this.submit}>
            ${poll && model.locCompleteText.isEmpty ? t.vote : locText(model.locCompleteText)}
          </button>`
        : html`<button type="button" class="pv-button" part="button next-button" @click=${this.next}>
            ${locText(model.locPageNextText)}
          </button>`}
    </div>`;
  }

  private renderPersonalInformation(t: Translation): TemplateResult {
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
        <button type="button" class="pv-button" part="button" @click=${this.changeAnswer}>${t.personalInformationChange}</button>
        <button type="button" class="pv-button pv-button--secondary" part="button" @click=${this.sendAnyway}>
          ${t.personalInformationSend}
        </button>
      </div>
    </div>`;
  }

  /**
   * The page's heading. Untitled pages still get one for screen readers, and as the focus
   * target when the page changes: "Page 2 of 4", or the survey title on a one-page survey.
   */
  renderPageHeading(model: SurveyModel, page: PageModel, starting: boolean, t: Translation): TemplateResult | typeof nothing {
    const pages = model.visiblePages;
    const position = pages.indexOf(page) + 1;
    const hasTitle = page.hasTitle;
    const fallback = !starting && pages.length > 1 && position > 0 ? t.pageOf(position, pages.length) : locText(model.locTitle);
    if (!hasTitle && !fallback) return nothing;
    return html`<h3 class="pv-page-heading ${hasTitle ? '' : 'pv-visually-hidden'}" id="pv-page-heading" tabindex="-1">
      ${hasTitle ? renderLocString(page.locTitle) : fallback}
    </h3>`;
  }

  /** The progress bar, as survey-core counts it. */
  renderProgress(model: SurveyModel, t: Translation): TemplateResult {
    const value = Math.max(0, Math.min(100, Math.round(model.progressValue)));
    return html`<div class="pv-progress" part="progress">
      <div
        class="pv-progress-track"
        role="progressbar"
        aria-label=${t.progressLabel}
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
}
