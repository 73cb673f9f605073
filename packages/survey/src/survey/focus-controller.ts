import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PageModel, Question } from 'survey-core';
import { locText } from '../loc-string.js';
import type { Translation } from '../strings/translation.js';

/** Where focus goes after the next render. */
export type FocusTarget = 'page' | 'summary' | 'completed' | 'personal-information' | 'clear-answers-confirm' | 'clear-answers-button';

const SELECTORS: Record<FocusTarget, string> = {
  page: '.pv-page-heading',
  summary: '.pv-error-summary',
  completed: '.pv-completed',
  'personal-information': '.pv-personal-information',
  'clear-answers-confirm': '.pv-clear-answers-confirm',
  'clear-answers-button': '.pv-clear-answers-button',
};

/** A question element as the survey sees it: something that can take focus. */
interface FocusableQuestion extends HTMLElement {
  focusControl(): void;
}

/**
 * Focus and the error summary. After a page change, a failed Continue or Submit, or the
 * thank-you page, focus moves once the new content is rendered (screen readers then read
 * where the respondent is); the summary lists each problem as a link to its question.
 */
export class SurveyFocusController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };
  private pending?: FocusTarget;

  /** Whether the error summary is shown (after a failed Continue or Submit, until the page changes). */
  showErrorSummary = false;

  constructor(host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment }) {
    this.host = host;
    host.addController(this);
  }

  /** Moves focus to `target` after the next render. */
  request(target: FocusTarget): void {
    this.pending = target;
    this.host.requestUpdate();
  }

  /** A Continue or Submit failed validation: show the summary and put focus on it. */
  reportInvalid(): void {
    this.showErrorSummary = true;
    this.request('summary');
  }

  /** The page changed: its problems are no longer the respondent's concern. */
  pageChanged(): void {
    this.showErrorSummary = false;
    this.request('page');
  }

  hostUpdated(): void {
    const target = this.pending;
    if (!target) return;
    this.pending = undefined;
    const element = this.host.renderRoot.querySelector<HTMLElement>(SELECTORS[target]);
    if (element) {
      element.focus();
      element.scrollIntoView?.({ block: 'nearest' });
    }
  }

  /** Puts focus on a question's first control (error summary links, "Change my answer"). */
  focusQuestion(question: Question): void {
    const element = this.host.renderRoot.querySelector<FocusableQuestion>(`[data-qid="${CSS.escape(question.id)}"]`);
    element?.scrollIntoView?.({ block: 'center' });
    element?.focusControl();
  }

  /** The error summary for a page, or nothing when it is hidden or has no problems. */
  renderErrorSummary(page: PageModel, t: Translation): TemplateResult | typeof nothing {
    if (!this.showErrorSummary) return nothing;
    const invalid = questionsWithErrors(page);
    const panelErrors = page.errors;
    if (invalid.length === 0 && panelErrors.length === 0) return nothing;
    return html`<div
      class="pv-error-summary"
      part="error-summary"
      role="alert"
      tabindex="-1"
      aria-labelledby="pv-error-summary-title"
    >
      <h3 class="pv-error-summary-title" id="pv-error-summary-title">${t.errorSummaryTitle}</h3>
      <ul class="pv-error-summary-list">
        ${panelErrors.map((error) => html`<li>${error.getText()}</li>`)}
        ${invalid.map(
          (question) => html`<li>
            <a
              href="#${question.inputId}"
              @click=${(event: Event) => {
                // Fragment links cannot reach into a shadow root, so the summary moves focus itself.
                event.preventDefault();
                this.focusQuestion(question);
              }}
              >${locText(question.locTitle)}: ${question.getAllErrors()[0]?.getText() ?? ''}</a
            >
          </li>`,
        )}
      </ul>
    </div>`;
  }
}

/**
 * Questions to list in the error summary. Containers (dynamic panels, matrices of inputs,
 * multiple text) hold their errors in nested questions, so they are listed by their
 * `getAllErrors()`, which includes those.
 */
function questionsWithErrors(page: PageModel): Question[] {
  return page.questions.filter((question) => question.isVisible && (question.errors.length > 0 || question.containsErrors));
}
