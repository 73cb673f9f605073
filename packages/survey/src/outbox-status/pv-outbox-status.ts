import { PvOutboxStatus } from './outbox-status.js';

customElements.define('pv-outbox-status', PvOutboxStatus);

declare global {
  interface HTMLElementTagNameMap {
    'pv-outbox-status': PvOutboxStatus;
  }
}
