import { css } from 'lit';

/**
 * What the audience presets change on screen: the safety bar (Get help, Leave this page) on
 * every screen, the intro, the read-aloud button, picture progress, and sizes per preset.
 * Sizes only: colours stay the school's theme. Part of the audience features: `<pv-survey>`
 * adopts them once a survey with an audience has loaded them.
 */
export const audienceStyles = css`
  /* Quick exit keeps its own sticky row (always in reach); Get help sits under it. */
  .pv-survey > pv-help-panel {
    margin: var(--_s) 0 var(--_l);
  }
  .pv-intro h4 {
    margin: var(--_l) 0 var(--_s);
    font-size: 1.125rem;
  }
  .pv-intro p {
    margin: 0 0 var(--_s);
  }
  .pv-history-note {
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .pv-after-survey {
    margin-top: var(--_l);
  }
  .pv-read-aloud {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: max(var(--_target), 44px);
    min-width: max(var(--_target), 44px);
    margin: 0 0 var(--_s);
    padding: 0.25rem 1rem;
    font: inherit;
    font-weight: 700;
    color: var(--_accent);
    background: var(--_bg);
    border: 2px solid var(--_accent);
    border-radius: 999px;
    cursor: pointer;
  }
  .pv-read-aloud[aria-pressed='true'] {
    color: var(--_accent-contrast);
    background: var(--_accent);
  }
  .pv-read-aloud:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_text);
  }
  .pv-read-aloud-icon {
    flex: none;
  }
  .pv-steps {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .pv-step {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 1.75rem;
    height: 1.75rem;
    border: 2px solid var(--_border);
    border-radius: 50%;
    background: var(--_bg);
    font-size: 0.9375rem;
    font-weight: 700;
    line-height: 1;
  }
  .pv-step--done {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-contrast);
  }
  .pv-step--current {
    width: 2.25rem;
    height: 2.25rem;
    border-width: 3px;
    border-color: var(--_accent);
    color: var(--_accent);
    font-size: 1.25rem;
  }
  .pv-progress-words {
    font-weight: 700;
  }

  /* Primary: large text and large targets (at least 44 by 44 CSS pixels, usually more). */
  .pv-survey[data-preset='primary'] {
    --_target: max(var(--pv-target-size, 52px), 44px);
    font-size: 1.25rem;
    line-height: 1.55;
  }
  .pv-survey[data-preset='primary'] .pv-title {
    font-size: 1.5rem;
  }
  .pv-survey[data-preset='primary'] .pv-button {
    min-height: 56px;
    min-width: 7rem;
    font-size: 1.25rem;
  }
  .pv-survey[data-preset='primary'] .pv-option {
    min-height: var(--_target);
  }

  /* Post-16 may be denser. */
  .pv-survey[data-preset='post16'] {
    --_m: var(--pv-space-m, 0.875rem);
    --_l: var(--pv-space-l, 1.25rem);
  }
`;
