import { css } from 'lit';

/**
 * The survey's stylesheet. It also styles every question element, because question elements
 * render into this shadow root (see PvQuestionElement). Calm by default: one accent colour,
 * generous spacing, large targets, a strong focus ring that works on any background.
 */
export const surveyStyles = css`
  :host {
    --_text: var(--pv-color-text, #0b0c0c);
    --_muted: var(--pv-color-muted, #484949);
    --_bg: var(--pv-color-background, #ffffff);
    --_accent: var(--pv-color-accent, #1d6a72);
    --_accent-contrast: var(--pv-color-accent-contrast, #ffffff);
    --_error: var(--pv-color-error, #b3261e);
    --_focus: var(--pv-color-focus, #ffdd00);
    --_border: var(--pv-color-border, #6f777b);
    --_surface: var(--pv-color-surface, #f3f5f6);
    --_radius: var(--pv-radius, 6px);
    --_s: var(--pv-space-s, 0.5rem);
    --_m: var(--pv-space-m, 1rem);
    --_l: var(--pv-space-l, 1.5rem);
    --_target: var(--pv-target-size, 44px);
    display: block;
    color: var(--_text);
    background: var(--_bg);
    font-family: var(--pv-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    font-size: var(--pv-font-size, 1.0625rem);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .pv-survey {
    max-width: 42rem;
    overflow-wrap: break-word;
  }
  .pv-visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
  h2,
  h3,
  h4 {
    line-height: 1.3;
  }
  .pv-survey-title {
    font-size: 1.75rem;
    margin: 0 0 var(--_s);
  }
  .pv-page-heading {
    font-size: 1.375rem;
    margin: 0 0 var(--_m);
  }
  .pv-page-heading:focus,
  .pv-completed:focus,
  .pv-error-summary:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_text);
  }
  .pv-page-heading:focus:not(:focus-visible),
  .pv-completed:focus:not(:focus-visible) {
    outline: none;
    box-shadow: none;
  }
  .pv-description {
    color: var(--_muted);
    margin: 0 0 var(--_s);
  }
  .pv-question {
    margin: 0 0 var(--_l);
    padding-left: 0;
  }
  .pv-question--invalid {
    border-left: 5px solid var(--_error);
    padding-left: var(--_m);
  }
  .pv-title {
    font-size: 1.1875rem;
    font-weight: 700;
    margin: 0 0 var(--_s);
  }
  .pv-number {
    color: var(--_muted);
  }
  .pv-required {
    color: var(--_error);
  }
  .pv-error-message {
    color: var(--_error);
    font-weight: 700;
    margin: 0 0 var(--_s);
  }
  .pv-error-summary {
    border: 5px solid var(--_error);
    padding: var(--_m);
    margin: 0 0 var(--_l);
  }
  .pv-error-summary-title {
    margin: 0 0 var(--_s);
    font-size: 1.25rem;
  }
  .pv-error-summary-list {
    margin: 0;
    padding-left: 1.25rem;
  }
  .pv-error-summary-list a {
    color: var(--_error);
    font-weight: 700;
  }
  a:focus-visible {
    outline: 3px solid var(--_focus);
    background: var(--_focus);
    color: var(--_text);
    box-shadow: 0 4px var(--_text);
    text-decoration: none;
  }
  .pv-progress {
    margin: 0 0 var(--_l);
  }
  .pv-progress-track {
    height: 0.75rem;
    border-radius: 999px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    overflow: hidden;
  }
  .pv-progress-fill {
    height: 100%;
    background: var(--_accent);
  }
  .pv-progress-text {
    margin: var(--_s) 0 0;
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  .pv-navigation {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_m);
    margin-top: var(--_l);
  }
  .pv-button {
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0.5rem 1.25rem;
    font: inherit;
    font-weight: 700;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
    cursor: pointer;
  }
  .pv-button--secondary {
    background: var(--_bg);
    color: var(--_accent);
  }
  .pv-button:hover {
    filter: brightness(0.92);
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  [tabindex='0']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 6px var(--_text);
  }
  input[type='text'],
  input[type='number'],
  input[type='email'],
  input[type='tel'],
  input[type='date'],
  input[type='url'],
  input[type='password'],
  input[type='search'],
  input:not([type]),
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    min-height: var(--_target);
    padding: 0.375rem 0.5rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    max-width: 100%;
  }
  textarea {
    width: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  .pv-loading,
  .pv-empty {
    color: var(--_muted);
  }
  .pv-load-error {
    border: 5px solid var(--_error);
    padding: var(--_m);
  }
  .pv-load-error-title {
    margin: 0 0 var(--_s);
    font-size: 1.25rem;
  }
  .pv-completed {
    padding: var(--_m) 0;
  }
  /* Choice options: shared by radio, checkbox, boolean, rating, imagepicker and matrix. */
  .pv-options {
    display: flex;
    flex-direction: column;
    gap: var(--_s);
  }
  .pv-option {
    display: flex;
    align-items: center;
    gap: var(--_s);
    min-height: var(--_target);
    padding: 0.25rem var(--_s);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .pv-option:hover {
    background: var(--_surface);
  }
  .pv-option input[type='radio'],
  .pv-option input[type='checkbox'] {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--_accent);
    flex: none;
  }
  @media (prefers-reduced-motion: no-preference) {
    .pv-progress-fill {
      transition: width 200ms ease-out;
    }
  }
  @media (forced-colors: active) {
    .pv-progress-fill {
      background: Highlight;
    }
  }
  .pv-save-state {
    margin: var(--_m) 0 0;
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  .pv-save-state--problem,
  .pv-storage-error {
    color: var(--_error);
    font-weight: 700;
  }
  .pv-storage-error {
    border: 3px solid var(--_error);
    padding: var(--_s) var(--_m);
    margin: 0 0 var(--_l);
  }
  .pv-personal-information {
    border-left: 5px solid var(--_accent);
    background: var(--_surface);
    padding: var(--_m);
    margin-top: var(--_l);
  }
  .pv-personal-information:focus {
    outline: 3px solid var(--_focus);
    box-shadow: 0 0 0 6px var(--_text);
  }
  .pv-personal-information h3 {
    margin: 0 0 var(--_s);
  }
  .pv-quick-exit {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    justify-content: flex-end;
    flex-wrap: wrap;
    gap: var(--_s);
    padding: var(--_s) 0;
    background: var(--_bg);
  }
  .pv-quick-exit-button {
    background: var(--pv-color-quick-exit, #b3261e);
    border-color: var(--pv-color-quick-exit, #b3261e);
  }
  .pv-quick-exit-hint {
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  .pv-clear-answers {
    margin-top: var(--_s);
  }
  .pv-clear-status:empty {
    display: none;
  }
  .pv-link-button {
    min-height: var(--_target);
    padding: 0.25rem 0;
    font: inherit;
    color: var(--_accent);
    background: none;
    border: none;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }
  .pv-clear-answers-confirm {
    border-left: 5px solid var(--_error);
    background: var(--_surface);
    padding: var(--_m);
    margin-top: var(--_s);
  }
  .pv-clear-answers-confirm:focus {
    outline: 3px solid var(--_focus);
    box-shadow: 0 0 0 6px var(--_text);
  }
  .pv-clear-title {
    margin: 0 0 var(--_s);
    font-size: 1.125rem;
  }
  .pv-clear-answers-confirm .pv-navigation {
    margin-top: var(--_m);
  }
  .pv-button--danger {
    background: var(--_error);
    border-color: var(--_error);
    color: #ffffff;
  }
  .pv-send-state {
    font-weight: 700;
  }
  /* Touch-only devices (phones, school tablets) have no Shift key to press. */
  @media (hover: none) and (pointer: coarse) {
    .pv-quick-exit-hint {
      display: none;
    }
  }
`;
