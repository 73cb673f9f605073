import { html, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { QuestionHtmlModel } from 'survey-core';
import { PvQuestionElement } from '../question/question-element.js';
import { sanitizeHtml } from '../sanitize.js';
import { styles } from './html-question.styles.js';

/**
 * Shows the HTML block of a SurveyJS `html` question: instructions, a consent notice, a
 * picture between questions. survey-core pipes answers into it (`{name}`) without escaping
 * anything, so the processed HTML, answers included, goes through the sanitiser on every
 * render; nothing from the definition or from a respondent reaches the DOM unfiltered.
 *
 * @summary Sanitised HTML content between questions.
 *
 * @csspart question - the question container
 * @csspart html - the HTML content
 */
export class PvHtmlQuestion extends PvQuestionElement<QuestionHtmlModel> {
  static override styles = styles;

  /** An html block has no title of its own; an empty hidden heading would only be noise. */
  protected override renderTitle(): TemplateResult {
    return this.question.hasTitle ? super.renderTitle() : html``;
  }

  protected override renderControl(): TemplateResult {
    // `processedHtml` = the definition's HTML after onProcessHtml and `{name}` piping (raw).
    const processed = this.question.processedHtml ?? '';
    return html`<div class="pv-html" part="html">${unsafeHTML(sanitizeHtml(processed))}</div>`;
  }
}
