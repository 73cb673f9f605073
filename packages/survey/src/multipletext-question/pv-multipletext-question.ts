import { PvMultipleTextQuestion } from './multipletext-question.js';

customElements.define('pv-multipletext-question', PvMultipleTextQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'pv-multipletext-question': PvMultipleTextQuestion;
  }
}
