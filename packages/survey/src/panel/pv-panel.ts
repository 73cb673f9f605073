import { PvPanel } from './panel.js';

customElements.define('pv-panel', PvPanel);

declare global {
  interface HTMLElementTagNameMap {
    'pv-panel': PvPanel;
  }
}
