import { PvRatingQuestion } from './rating-question.js';

customElements.define('pv-rating-question', PvRatingQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'pv-rating-question': PvRatingQuestion;
  }
}
