import { css } from 'lit';

/** Adopted by `<pv-survey>` (question elements render into its shadow root). */
export const styles = css`
  .pv-matrix {
    container: pv-matrix / inline-size;
    overflow-x: auto;
  }
  .pv-matrix-table {
    width: 100%;
    table-layout: fixed;
    border-collapse: collapse;
  }
  .pv-matrix-header-col {
    width: var(--pv-matrix-row-header-width, 35%);
  }
  .pv-matrix-column-header {
    font-weight: 600;
    font-size: 0.9375rem;
    text-align: center;
    vertical-align: bottom;
    padding: var(--_s) 0.25rem;
    overflow-wrap: anywhere;
  }
  /* Each row is its own paint layer (position: relative, no offset: nothing moves), so when one
     row changes (an answer, the focus ring) Chromium repaints that row and reuses the others'
     recorded paint; without it every frame re-records the whole grid (about 15 ms at 4x CPU for
     60 rows). contain: paint would not do: it has no effect on table rows. Focus rings stay
     inside their row (the 44px target holds the 24px radio and its 9px ring). */
  .pv-matrix-row {
    position: relative;
  }
  .pv-matrix-row:nth-child(odd) {
    background: var(--pv-matrix-stripe, var(--_surface));
  }
  .pv-matrix-row-header {
    text-align: start;
    font-weight: 400;
    padding: var(--_s);
    vertical-align: middle;
    overflow-wrap: anywhere;
  }
  .pv-matrix-row-error {
    display: block;
    margin: 0.25rem 0 0;
  }
  .pv-matrix-row--invalid .pv-matrix-row-header {
    border-left: 5px solid var(--_error);
  }
  .pv-matrix-answers {
    padding: 0;
  }
  .pv-matrix-group {
    display: grid;
    grid-template-columns: repeat(var(--_columns, 5), minmax(0, 1fr));
    align-items: center;
  }
  .pv-matrix-option {
    justify-content: center;
    min-width: var(--_target);
  }
  /* The column header shows the answer text in the wide layout; the label keeps it for
     assistive technology. */
  .pv-matrix-choice-text {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .pv-matrix-cell-text {
    font-size: 0.9375rem;
  }
  @container pv-matrix (max-width: 32rem) {
    .pv-matrix-table,
    .pv-matrix-table tbody,
    .pv-matrix-table tr,
    .pv-matrix-table th,
    .pv-matrix-table td {
      display: block;
      width: auto;
    }
    .pv-matrix-table thead,
    .pv-matrix-table colgroup {
      display: none;
    }
    .pv-matrix-row {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin: 0 0 var(--_m);
      padding: var(--_s);
    }
    .pv-matrix-row:nth-child(odd) {
      background: none;
    }
    .pv-matrix-row-header {
      font-weight: 700;
      padding: 0 0 var(--_s);
    }
    .pv-matrix-group {
      display: flex;
      flex-direction: column;
      align-items: stretch;
      gap: 0.25rem;
    }
    .pv-matrix-option {
      justify-content: flex-start;
    }
    .pv-matrix-choice-text {
      position: static;
      width: auto;
      height: auto;
      overflow: visible;
      clip-path: none;
      white-space: normal;
    }
  }
  @media (forced-colors: active) {
    .pv-matrix-row--invalid .pv-matrix-row-header {
      border-left-color: CanvasText;
    }
  }
`;
