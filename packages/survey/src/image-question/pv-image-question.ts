import { PvImageQuestion } from './image-question.js';

customElements.define('pv-image-question', PvImageQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'pv-image-question': PvImageQuestion;
  }
}
