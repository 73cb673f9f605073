import { PvRadiogroupQuestion } from './radiogroup-question.js';

customElements.define('pv-radiogroup-question', PvRadiogroupQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'pv-radiogroup-question': PvRadiogroupQuestion;
  }
}
