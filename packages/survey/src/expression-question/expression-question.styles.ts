import { css } from 'lit';

export const styles = css`
  .pv-expression {
    display: inline-block;
    min-height: 1.5em;
    font-size: var(--pv-expression-font-size, 1.25rem);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
`;
