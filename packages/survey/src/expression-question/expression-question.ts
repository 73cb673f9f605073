import { html, type TemplateResult } from 'lit';
import type { QuestionExpressionModel } from 'survey-core';
import { PvQuestionElement } from '../question/question-element.js';
import { styles } from './expression-question.styles.js';

/**
 * Shows the value of a SurveyJS `expression` question: a total, a score, a date worked out
 * from other answers. There is nothing to answer, so there is no input; the result is an
 * `<output>` (role `status`), labelled by the title, so a screen reader hears the new result
 * when an answer it depends on changes. Formatting (`displayStyle`, `currency`, `format`,
 * `precision`) is survey-core's own `displayValue`.
 *
 * @summary A computed, read-only value.
 *
 * @csspart question - the question container
 * @csspart value - the computed value
 *
 * @cssproperty --pv-expression-font-size - Size of the computed value.
 */
export class PvExpressionQuestion extends PvQuestionElement<QuestionExpressionModel> {
  static override styles = styles;

  /** The title is the `<label>` of the `<output>`, giving it its accessible name. */
  protected override get titleLabelsControl(): boolean {
    return true;
  }

  protected override renderControl(): TemplateResult {
    const q = this.question;
    const shown = q.isEmpty() ? '' : String(q.displayValue ?? '');
    return html`<output
      class="pv-expression"
      part="value"
      id=${this.controlId}
      aria-describedby=${this.describedBy}
      >${shown}</output
    >`;
  }
}
