import { PvCheckboxQuestion } from './checkbox-question.js';

customElements.define('pv-checkbox-question', PvCheckboxQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'pv-checkbox-question': PvCheckboxQuestion;
  }
}
