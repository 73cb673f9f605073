import { PvMatrixQuestion } from './matrix-question.js';

customElements.define('pv-matrix-question', PvMatrixQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'pv-matrix-question': PvMatrixQuestion;
  }
}
