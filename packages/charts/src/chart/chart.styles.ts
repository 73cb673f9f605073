import { css } from 'lit';

/** Shared by every chart element: figure, caption, key, table, hidden legend, print. */
export const figureStyles = css`
  :host {
    display: block;
    /* In a grid or flex layout, the drawn canvas must not hold the element at its old width. */
    min-width: 0;
    font-family: var(--pv-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    color: var(--pv-color-text, #0b0c0c);
    line-height: 1.4;
  }
  figure {
    margin: 0;
  }
  figcaption {
    margin: 0 0 var(--pv-space-s, 0.5rem);
  }
  .title {
    display: block;
    font-weight: 700;
    font-size: var(--pv-chart-title-size, 1.125rem);
    margin: 0 0 0.25rem;
  }
  .finding {
    display: block;
    font-size: 1rem;
    margin: 0 0 0.25rem;
  }
  .base,
  .group,
  .note {
    display: block;
    font-size: 0.875rem;
    color: var(--pv-color-secondary-text, #505a5f);
    margin: 0 0 0.25rem;
  }
  .key {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    list-style: none;
    padding: 0;
    margin: 0 0 0.5rem;
    font-size: 0.875rem;
  }
  .key li {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
  }
  .swatch {
    display: inline-block;
    width: 1rem;
    height: 1rem;
    border: 1px solid #fff;
    outline: 1px solid #b1b4b6;
    flex: none;
  }
  .canvas-box {
    position: relative;
    width: 100%;
    min-width: 0;
    overflow: hidden;
  }
  canvas {
    display: block;
  }
  .hidden-legend {
    font-size: 0.875rem;
    margin: 0.25rem 0;
  }
  .hidden-legend b {
    font-weight: 700;
  }
  /* The look of a hidden number's place in a bar: hatched, dashed outline. */
  .hidden-swatch {
    display: inline-block;
    width: 1.5rem;
    height: 1rem;
    vertical-align: -0.15rem;
    margin-right: 0.375rem;
    border: 1px dashed #505a5f;
    background: repeating-linear-gradient(135deg, #d0d3d4 0 1px, #fff 1px 6px);
  }
  details {
    margin: 0.5rem 0 0;
  }
  summary {
    cursor: pointer;
    min-height: 24px;
    color: var(--pv-color-link, #1d70b8);
    text-decoration: underline;
  }
  summary:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--pv-color-focus, #ffdd00);
    outline-offset: 0;
    box-shadow: 0 0 0 5px #0b0c0c;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    margin: 0.5rem 0;
    font-size: 0.875rem;
    min-width: 16rem;
  }
  th,
  td {
    border-bottom: 1px solid #b1b4b6;
    padding: 0.375rem 0.75rem 0.375rem 0;
    text-align: left;
    vertical-align: top;
  }
  td {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  thead th {
    text-align: right;
  }
  thead th:first-child {
    text-align: left;
  }
  button {
    min-height: var(--pv-target-size, 44px);
    padding: 0.375rem 0.875rem;
    font: inherit;
    font-size: 0.875rem;
    border: 2px solid var(--pv-color-accent, #1d6a72);
    border-radius: var(--pv-radius, 6px);
    background: #fff;
    color: var(--pv-color-accent, #1d6a72);
    cursor: pointer;
    margin-top: 0.5rem;
  }
  .error {
    color: var(--pv-color-error, #d4351c);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  @media print {
    button,
    summary {
      display: none;
    }
    figure {
      break-inside: avoid;
    }
  }
`;
