import { css, html, type TemplateResult } from 'lit';
import { PvQuestionElement } from '../question/question-element.js';

/**
 * Stands in for a question type this library does not render yet, so a respondent (and the
 * person testing the survey) sees that something is missing instead of a silent gap.
 */
export class PvUnsupportedQuestion extends PvQuestionElement {
  static override styles = css`
    .pv-unsupported {
      border: 2px dashed var(--pv-color-border-strong, #505a5f);
      padding: var(--pv-space-s, 0.5rem) var(--pv-space-m, 1rem);
      margin: 0;
    }
  `;

  protected override renderControl(): TemplateResult {
    return html`<p class="pv-unsupported" role="note" id=${this.controlId} tabindex="-1">
      ${this.localize.t.unsupportedQuestion(this.question.getType())}
    </p>`;
  }
}
