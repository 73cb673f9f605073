import { PvCompare } from './compare.js';

customElements.define('pv-compare', PvCompare);

declare global {
  interface HTMLElementTagNameMap {
    'pv-compare': PvCompare;
  }
}
