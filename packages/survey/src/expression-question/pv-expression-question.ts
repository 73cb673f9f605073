import { PvExpressionQuestion } from './expression-question.js';

customElements.define('pv-expression-question', PvExpressionQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'pv-expression-question': PvExpressionQuestion;
  }
}
