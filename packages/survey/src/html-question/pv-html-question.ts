import { PvHtmlQuestion } from './html-question.js';

customElements.define('pv-html-question', PvHtmlQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'pv-html-question': PvHtmlQuestion;
  }
}
