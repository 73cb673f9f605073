import { css } from 'lit';

export const pollStyles = css`
  :host {
    display: block;
    font-family: var(--pv-font-family, system-ui, sans-serif);
    font-size: var(--pv-font-size, 1.125rem);
    line-height: 1.4;
    color: var(--pv-color-text, #0b0c0c);
    --_accent: var(--pv-color-accent, #1d6a72);
    --_focus: var(--pv-color-focus, #ffdd00);
    --_target: var(--pv-poll-target-size, 3.5rem);
  }
  :host([hidden]) {
    display: none;
  }
  .poll {
    max-width: 40rem;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
  }
  h2 {
    font-size: var(--pv-poll-title-size, 1.5rem);
    line-height: 1.25;
    margin: 0 0 0.5rem;
  }
  .hint {
    margin: 0 0 1rem;
    color: var(--pv-color-hint, #484949);
  }
  .choices {
    display: grid;
    gap: 0.75rem;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    min-height: var(--_target);
    padding: 0.75rem 1rem;
    box-sizing: border-box;
    border: 2px solid var(--pv-color-border, #505a5f);
    border-radius: var(--pv-radius, 8px);
    background: var(--pv-color-background, #fff);
    font-size: 1.25rem;
    font-weight: 600;
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--pv-color-accent-contrast, #fff);
  }
  .choice:focus-within {
    outline: 4px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 8px var(--pv-color-text, #0b0c0c);
  }
  input {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--pv-color-text, #0b0c0c);
  }
  input:focus {
    outline: none;
  }
  .error {
    color: var(--pv-color-error, #d4351c);
    font-weight: 700;
    margin: 1rem 0 0;
  }
  .invalid .choice {
    border-color: var(--pv-color-error, #d4351c);
  }
  button {
    display: block;
    width: 100%;
    min-height: var(--_target);
    margin-top: 1.25rem;
    padding: 0.75rem 1.5rem;
    border: 0;
    border-radius: var(--pv-radius, 8px);
    background: var(--_accent);
    color: var(--pv-color-accent-contrast, #fff);
    font: inherit;
    font-size: 1.375rem;
    font-weight: 700;
    cursor: pointer;
    box-shadow: 0 3px 0 var(--pv-color-button-shadow, #002d18);
  }
  button:focus-visible {
    outline: 4px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 8px var(--pv-color-text, #0b0c0c);
  }
  .outcome {
    border-left: 8px solid var(--_accent);
    padding: 0.75rem 1rem;
    background: var(--pv-poll-outcome-background, #f3f2f1);
  }
  .outcome.counted {
    border-color: var(--pv-color-success, #00703c);
  }
  .outcome.waiting {
    border-color: var(--pv-color-warning, #f47738);
  }
  .outcome.problem {
    border-color: var(--pv-color-error, #d4351c);
  }
  .outcome h2:focus {
    outline: none;
  }
  .outcome h2:focus-visible {
    outline: 4px solid var(--_focus);
    outline-offset: 2px;
  }
  .outcome p {
    margin: 0;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: no-preference) {
    .choice {
      transition: background-color 120ms ease-out;
    }
  }
`;
