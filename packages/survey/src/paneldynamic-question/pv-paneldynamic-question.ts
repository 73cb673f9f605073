import { PvPanelDynamicQuestion } from './paneldynamic-question.js';

customElements.define('pv-paneldynamic-question', PvPanelDynamicQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'pv-paneldynamic-question': PvPanelDynamicQuestion;
  }
}
