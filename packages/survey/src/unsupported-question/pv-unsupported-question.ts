import { PvUnsupportedQuestion } from './unsupported-question.js';

customElements.define('pv-unsupported-question', PvUnsupportedQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'pv-unsupported-question': PvUnsupportedQuestion;
  }
}
