import { css } from 'lit';

export const styles = css`
  .pv-ranking--select {
    display: grid;
    gap: var(--_m);
  }
  .pv-ranking-heading {
    font-size: 1rem;
    margin: 0 0 var(--_s);
  }
  .pv-ranking-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_s);
  }
  .pv-ranking-item {
    display: flex;
    align-items: center;
    gap: var(--_s);
    min-height: var(--_target);
    padding: 0.25rem var(--_s);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .pv-ranking-number {
    min-width: 1.75rem;
    font-weight: 700;
    color: var(--_accent);
    text-align: center;
  }
  .pv-ranking-text {
    flex: 1;
  }
  .pv-ranking-buttons {
    display: flex;
    gap: 0.25rem;
  }
  .pv-ranking-button {
    min-width: max(var(--_target), 24px);
    min-height: max(var(--_target), 24px);
    font: inherit;
    font-weight: 700;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_accent);
    cursor: pointer;
  }
  .pv-ranking-button:hover {
    background: var(--_surface);
  }
  .pv-ranking-button[aria-disabled='true'] {
    border-color: var(--_border);
    color: var(--_muted);
    cursor: default;
    opacity: 0.55;
  }
  .pv-ranking-empty {
    color: var(--_muted);
    margin: 0;
  }
`;
