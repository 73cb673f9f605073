import { PvCommentQuestion } from './comment-question.js';

customElements.define('pv-comment-question', PvCommentQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'pv-comment-question': PvCommentQuestion;
  }
}
