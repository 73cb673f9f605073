import { PvChart } from './chart.js';

customElements.define('pv-chart', PvChart);

declare global {
  interface HTMLElementTagNameMap {
    'pv-chart': PvChart;
  }
}
