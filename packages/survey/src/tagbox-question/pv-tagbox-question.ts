import { PvTagboxQuestion } from './tagbox-question.js';

customElements.define('pv-tagbox-question', PvTagboxQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'pv-tagbox-question': PvTagboxQuestion;
  }
}
