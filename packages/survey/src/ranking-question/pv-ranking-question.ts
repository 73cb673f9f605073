import { PvRankingQuestion } from './ranking-question.js';

customElements.define('pv-ranking-question', PvRankingQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'pv-ranking-question': PvRankingQuestion;
  }
}
