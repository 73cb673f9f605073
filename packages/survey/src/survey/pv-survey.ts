import { PvSurvey } from './survey.js';

customElements.define('pv-survey', PvSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'pv-survey': PvSurvey;
  }
}
