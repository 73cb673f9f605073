import { PvTextQuestion } from './text-question.js';

customElements.define('pv-text-question', PvTextQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'pv-text-question': PvTextQuestion;
  }
}
