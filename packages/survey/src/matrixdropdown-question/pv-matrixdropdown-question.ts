import { PvMatrixDropdownQuestion } from './matrixdropdown-question.js';

customElements.define('pv-matrixdropdown-question', PvMatrixDropdownQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'pv-matrixdropdown-question': PvMatrixDropdownQuestion;
  }
}
