import { css } from 'lit';

export const pollResultsStyles = css`
  :host {
    display: block;
    font-family: var(--pv-font-family, system-ui, sans-serif);
    color: var(--pv-color-text, #0b0c0c);
    line-height: 1.3;
    --_accent: var(--pv-color-accent, #1d6a72);
    --_bar: var(--pv-poll-bar-color, #12436d);
    --_focus: var(--pv-color-focus, #ffdd00);
  }
  :host([hidden]) {
    display: none;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 2rem;
    align-items: start;
  }
  @media (max-width: 48rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  h2 {
    font-size: var(--pv-poll-results-title-size, clamp(1.75rem, 3.2vw, 3rem));
    line-height: 1.15;
    margin: 0 0 0.75rem;
  }
  .count {
    font-size: clamp(1.5rem, 2.4vw, 2.25rem);
    font-weight: 700;
    margin: 0 0 1rem;
    font-variant-numeric: tabular-nums;
  }
  figure {
    margin: 0;
  }
  figcaption {
    font-size: clamp(1.125rem, 1.6vw, 1.5rem);
    margin: 0 0 0.75rem;
  }
  .chart {
    position: relative;
    width: 100%;
    height: var(--_height, 24rem);
  }
  .hidden-results {
    border: 3px dashed var(--pv-color-border, #505a5f);
    border-radius: var(--pv-radius, 8px);
    padding: 2rem;
    text-align: center;
  }
  .hidden-results p {
    font-size: clamp(1.25rem, 2vw, 1.75rem);
    margin: 0;
  }
  .hidden-results p.big {
    font-weight: 700;
    margin-bottom: 0.5rem;
  }
  .legend {
    margin: 0.75rem 0 0;
    font-size: 1.125rem;
  }
  .join {
    width: clamp(12rem, 22vw, 20rem);
    text-align: center;
  }
  .join p {
    margin: 0 0 0.5rem;
    font-size: clamp(1.125rem, 1.6vw, 1.5rem);
    font-weight: 700;
  }
  .join .url {
    font-family: ui-monospace, 'Cascadia Mono', Menlo, monospace;
    font-size: clamp(1rem, 1.4vw, 1.375rem);
    font-weight: 700;
    overflow-wrap: anywhere;
    margin-top: 0.5rem;
  }
  .qr {
    display: block;
    width: 100%;
    height: auto;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    align-items: center;
    margin-top: 1.5rem;
  }
  .status {
    margin: 0;
    font-size: 1rem;
    color: var(--pv-color-hint, #484949);
  }
  .status::before {
    content: '';
    display: inline-block;
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 50%;
    margin-right: 0.5rem;
    background: var(--pv-color-warning, #f47738);
    vertical-align: baseline;
  }
  .status.live::before,
  .status.device::before {
    background: var(--pv-color-success, #00703c);
  }
  button {
    min-height: 44px;
    padding: 0.5rem 1.25rem;
    font: inherit;
    font-weight: 700;
    border-radius: var(--pv-radius, 8px);
    border: 2px solid var(--_accent);
    background: #fff;
    color: var(--_accent);
    cursor: pointer;
  }
  button:focus-visible {
    outline: 4px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 8px var(--pv-color-text, #0b0c0c);
  }
  .token {
    max-width: 36rem;
  }
  .token form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: flex-end;
  }
  .token label {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    font-weight: 700;
  }
  .token input {
    font: inherit;
    min-height: 44px;
    padding: 0 0.5rem;
    border: 2px solid var(--pv-color-text, #0b0c0c);
  }
  .token input:focus-visible {
    outline: 4px solid var(--_focus);
    outline-offset: 0;
  }
  .error {
    color: var(--pv-color-error, #d4351c);
    font-weight: 700;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
