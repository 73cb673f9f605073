import { css } from 'lit';

export const styles = css`
  :host {
    display: inline;
    --_accent: var(--pv-color-accent, #1d6a72);
    --_focus: var(--pv-color-focus, #ffdd00);
    --_text: var(--pv-color-text, #0b0c0c);
    --_surface: var(--pv-color-surface, #f3f5f6);
  }
  button {
    display: inline;
    padding: 0;
    margin: 0;
    border: 0;
    background: none;
    font: inherit;
    color: inherit;
    text-decoration: underline dotted 2px;
    text-underline-offset: 0.2em;
    text-decoration-color: var(--_accent);
    cursor: help;
  }
  .pv-term-mark {
    display: inline-block;
    margin-inline-start: 0.15em;
    min-width: 1.25em;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--pv-color-accent-contrast, #ffffff);
    font-size: 0.75em;
    font-weight: 700;
    line-height: 1.25em;
    text-align: center;
    text-decoration: none;
  }
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 5px var(--_text);
  }
  .pv-term-explanation {
    display: block;
    margin: 0.25rem 0 0.5rem;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface);
    font-weight: 400;
    font-size: 1rem;
  }
  .pv-term-explanation[hidden] {
    display: none;
  }
`;
