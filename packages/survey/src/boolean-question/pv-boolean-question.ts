import { PvBooleanQuestion } from './boolean-question.js';

customElements.define('pv-boolean-question', PvBooleanQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'pv-boolean-question': PvBooleanQuestion;
  }
}
