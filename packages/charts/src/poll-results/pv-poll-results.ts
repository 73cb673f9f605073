import { PvPollResults } from './poll-results.js';

if (!customElements.get('pv-poll-results')) customElements.define('pv-poll-results', PvPollResults);

declare global {
  interface HTMLElementTagNameMap {
    'pv-poll-results': PvPollResults;
  }
}
