import { PvHelpPanel } from './help-panel.js';

customElements.define('pv-help-panel', PvHelpPanel);

declare global {
  interface HTMLElementTagNameMap {
    'pv-help-panel': PvHelpPanel;
  }
}
