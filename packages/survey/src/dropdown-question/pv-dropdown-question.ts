import { PvDropdownQuestion } from './dropdown-question.js';

customElements.define('pv-dropdown-question', PvDropdownQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'pv-dropdown-question': PvDropdownQuestion;
  }
}
