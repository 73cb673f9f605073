import { PvResults } from './results.js';

customElements.define('pv-results', PvResults);

declare global {
  interface HTMLElementTagNameMap {
    'pv-results': PvResults;
  }
}
