import { PvPoll } from './poll.js';

// Another copy of the bundle (a page with both the embed and the poll entry) may define it first.
if (!customElements.get('pv-poll')) customElements.define('pv-poll', PvPoll);

declare global {
  interface HTMLElementTagNameMap {
    'pv-poll': PvPoll;
  }
}
