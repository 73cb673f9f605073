import { css } from 'lit';

export const styles = css`
  .pv-tagbox {
    display: flex;
    flex-direction: column;
    gap: var(--_s);
  }
  .pv-tagbox-chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .pv-tagbox-chip {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: max(var(--_target), 24px);
    padding: 0.25rem 0.75rem;
    font: inherit;
    border: 2px solid var(--_accent);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  .pv-tagbox-chip:hover {
    background: var(--_bg);
  }
  .pv-tagbox-chip-x {
    font-size: 1.25em;
    line-height: 1;
    font-weight: 700;
  }
  .pv-tagbox-filter {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .pv-tagbox-filter input {
    max-width: 24rem;
  }
  .pv-tagbox-options {
    max-height: var(--pv-tagbox-list-height, 20rem);
    overflow-y: auto;
    padding: 2px;
  }
  .pv-tagbox-status {
    margin: 0;
    color: var(--_muted);
  }
  .pv-tagbox-status:empty {
    display: none;
  }
`;
