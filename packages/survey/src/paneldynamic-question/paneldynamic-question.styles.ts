import { css } from 'lit';

/** Adopted by `<pv-survey>` (question elements render into its shadow root). */
export const styles = css`
  .pv-paneldynamic {
    display: flex;
    flex-direction: column;
    gap: var(--_m);
    align-items: stretch;
  }
  .pv-paneldynamic:focus {
    outline: none;
  }
  .pv-dynamic-panel {
    border: var(--pv-paneldynamic-entry-border, 1px solid var(--_border));
    border-radius: var(--_radius);
    padding: var(--_m);
  }
  .pv-dynamic-panel-heading {
    font-size: 1.1875rem;
    margin: 0 0 var(--_m);
  }
  .pv-dynamic-panel-heading:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_text);
  }
  .pv-dynamic-panel-heading:focus:not(:focus-visible) {
    outline: none;
    box-shadow: none;
  }
  .pv-dynamic-panel > :last-child {
    margin-bottom: 0;
  }
  .pv-paneldynamic-add,
  .pv-paneldynamic-remove {
    align-self: flex-start;
  }
  .pv-paneldynamic-empty {
    color: var(--_muted);
    margin: 0;
  }
`;
