import { PvImagepickerQuestion } from './imagepicker-question.js';

customElements.define('pv-imagepicker-question', PvImagepickerQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'pv-imagepicker-question': PvImagepickerQuestion;
  }
}
