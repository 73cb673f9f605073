import { css } from 'lit';

export const styles = css`
  .pv-face {
    display: inline-flex;
    vertical-align: middle;
    margin-inline-end: var(--_s);
  }
  .pv-face svg {
    width: 2.25rem;
    height: 2.25rem;
  }
  .pv-face .pv-rating-head,
  .pv-face .pv-rating-line {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linecap: round;
  }
  .pv-face .pv-rating-eye,
  .pv-face .pv-rating-grin {
    fill: currentColor;
  }
  .pv-clear-button {
    margin-top: var(--_m);
  }
`;
