import { css } from 'lit';

/** Adopted by `<pv-survey>` (question elements render into its shadow root). */
export const styles = css`
  .pv-matrixdropdown {
    overflow-x: auto;
  }
  .pv-matrixdropdown-table {
    border-collapse: collapse;
    width: 100%;
  }
  .pv-matrixdropdown-column-header {
    font-weight: 600;
    font-size: 0.9375rem;
    text-align: start;
    vertical-align: bottom;
    padding: var(--_s);
    min-width: var(--pv-matrixdropdown-cell-min-width, 8rem);
  }
  .pv-matrixdropdown-row-header {
    text-align: start;
    font-weight: 600;
    padding: var(--_s);
    vertical-align: top;
  }
  .pv-matrixdropdown-row {
    border-top: 1px solid var(--_border);
  }
  .pv-matrixdropdown-cell {
    padding: var(--_s);
    vertical-align: top;
  }
  .pv-matrixdropdown-cell--invalid {
    box-shadow: inset 4px 0 0 var(--_error);
  }
  .pv-matrixdropdown-cell select,
  .pv-matrixdropdown-cell input:not([type='radio']):not([type='checkbox']),
  .pv-matrixdropdown-cell textarea {
    width: 100%;
    min-width: 6rem;
  }
  .pv-matrixdropdown-cell .pv-error-message {
    font-size: 0.9375rem;
    margin: 0 0 0.25rem;
  }
  .pv-cell-options {
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
  }
  .pv-cell-options--inline {
    flex-direction: row;
    flex-wrap: wrap;
  }
  .pv-cell-other {
    margin-top: 0.25rem;
  }
  .pv-matrixdropdown-choice {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0.625rem;
    accent-color: var(--_accent);
  }
  .pv-cell-expression {
    display: inline-block;
    padding: 0.5rem 0;
    font-variant-numeric: tabular-nums;
  }
`;
