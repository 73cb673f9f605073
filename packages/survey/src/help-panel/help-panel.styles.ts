import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_accent: var(--pv-color-accent, #1d6a72);
    --_accent-contrast: var(--pv-color-accent-contrast, #ffffff);
    --_text: var(--pv-color-text, #0b0c0c);
    --_muted: var(--pv-color-muted, #484949);
    --_focus: var(--pv-color-focus, #ffdd00);
    --_surface: var(--pv-color-surface, #f3f5f6);
    --_border: var(--pv-color-border, #6f777b);
    --_target: var(--pv-target-size, 44px);
    --_radius: var(--pv-radius, 6px);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .pv-help-button,
  .pv-help-close {
    min-height: max(var(--_target), 24px);
    min-width: max(var(--_target), 24px);
    padding: 0.5rem 1rem;
    font: inherit;
    font-weight: 700;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .pv-help-button {
    color: var(--_accent-contrast);
    background: var(--_accent);
    border: 2px solid var(--_accent);
  }
  .pv-help-close {
    color: var(--_accent);
    background: transparent;
    border: 2px solid var(--_accent);
  }
  button:focus-visible,
  a:focus-visible,
  .pv-help-panel:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_text);
  }
  .pv-help-panel {
    overflow-wrap: anywhere;
    margin-top: 0.75rem;
    padding: 1rem 1.25rem;
    background: var(--_surface);
    border-inline-start: 6px solid var(--_accent);
    border-radius: var(--_radius);
  }
  .pv-help-panel[hidden] {
    display: none;
  }
  .pv-help-panel:focus:not(:focus-visible) {
    outline: none;
  }
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1.25rem;
  }
  h4 {
    margin: 1rem 0 0.25rem;
    font-size: 1.0625rem;
  }
  p {
    margin: 0 0 0.5rem;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--_border);
  }
  li:last-child {
    border-bottom: 0;
  }
  .pv-help-name {
    font-weight: 700;
  }
  .pv-help-description {
    display: block;
    color: var(--_muted);
  }
  .pv-help-ways {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }
  .pv-help-ways a {
    display: inline-flex;
    align-items: center;
    min-height: max(var(--_target), 24px);
    color: var(--_accent);
    font-weight: 700;
  }
  .pv-help-note {
    color: var(--_muted);
    font-size: 0.9375em;
    margin-top: 0.75rem;
  }
`;
