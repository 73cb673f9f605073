import { PvTerm } from './term.js';

customElements.define('pv-term', PvTerm);

declare global {
  interface HTMLElementTagNameMap {
    'pv-term': PvTerm;
  }
}
