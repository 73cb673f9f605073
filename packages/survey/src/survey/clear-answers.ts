import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Translation } from '../strings/translation.js';
import type { SurveyFocusController } from './focus-controller.js';

/** What "Clear my answers" needs, given explicitly. */
export interface ClearAnswersConfig {
  readonly focus: SurveyFocusController;
  /** Deletes the answers from the device and the screen, and starts the survey again. */
  clear(): Promise<void>;
}

/**
 * "Clear my answers": a button, then a confirmation in place (focus moves to it; Escape or
 * "No" goes back), then the answers are deleted from the device and the screen and a polite
 * status says so. The status line is always rendered, so screen readers hear the change.
 */
export class ClearAnswers {
  private readonly host: ReactiveControllerHost;
  private readonly config: ClearAnswersConfig;
  private stage: 'idle' | 'confirming' | 'clearing' = 'idle';
  private message = '';

  constructor(host: ReactiveControllerHost, config: ClearAnswersConfig) {
    this.host = host;
    this.config = config;
  }

  /** Forgets a question in progress and the last message (a new survey, a restart). */
  reset(): void {
    this.stage = 'idle';
    this.message = '';
  }

  private readonly ask = (): void => {
    this.stage = 'confirming';
    this.message = '';
    this.config.focus.request('clear-answers-confirm');
  };

  private readonly cancel = (): void => {
    this.stage = 'idle';
    this.config.focus.request('clear-answers-button');
  };

  private readonly confirm = async (): Promise<void> => {
    this.stage = 'clearing';
    this.host.requestUpdate();
    try {
      await this.config.clear();
    } finally {
      this.stage = 'idle';
    }
    this.message = 'cleared';
    this.config.focus.request('page');
  };

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.cancel();
    }
  };

  /**
   * The action and its status line. `offerAction` is false where there is nothing to clear
   * (a start page) or clearing makes no sense (a one-tap poll).
   */
  render(t: Translation, offerAction: boolean): TemplateResult {
    return html`<div class="pv-clear-answers" part="clear-answers">
      <p class="pv-clear-status" role="status">${this.message ? t.answersCleared : nothing}</p>
      ${offerAction ? this.renderAction(t) : nothing}
    </div>`;
  }

  private renderAction(t: Translation): TemplateResult {
    if (this.stage === 'idle') {
      return html`<button type="button" class="pv-link-button pv-clear-answers-button" part="clear-answers-button" @click=${this.ask}>
        ${t.clearAnswers}
      </button>`;
    }
    return html`<div
      class="pv-clear-answers-confirm"
      part="clear-answers-confirm"
      role="group"
      aria-labelledby="pv-clear-title"
      aria-describedby="pv-clear-body"
      tabindex="-1"
      @keydown=${this.onKeydown}
    >
      <h3 class="pv-clear-title" id="pv-clear-title">${t.clearAnswersTitle}</h3>
      <p id="pv-clear-body">${t.clearAnswersBody}</p>
      <div class="pv-navigation">
        <button
          type="button"
          class="pv-button pv-button--danger"
          part="button clear-answers-yes"
          ?disabled=${this.stage === 'clearing'}
          @click=${() => void this.confirm()}
        >
          ${t.clearAnswersConfirm}
        </button>
        <button type="button" class="pv-button pv-button--secondary" part="button clear-answers-no" @click=${this.cancel}>
          ${t.clearAnswersCancel}
        </button>
      </div>
    </div>`;
  }
}
