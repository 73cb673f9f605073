import { css } from 'lit';

export const styles = css`
  .pv-text {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_s);
  }
  .pv-text .pv-input {
    width: var(--pv-text-width, 100%);
    max-width: 30rem;
  }
  .pv-text .pv-input[size] {
    width: auto;
  }
  .pv-text--number .pv-input,
  .pv-text--date .pv-input,
  .pv-text--time .pv-input,
  .pv-text--month .pv-input,
  .pv-text--week .pv-input,
  .pv-text--datetime-local .pv-input {
    width: auto;
    min-width: 10rem;
  }
  .pv-text input[type='month'],
  .pv-text input[type='week'],
  .pv-text input[type='time'],
  .pv-text input[type='datetime-local'] {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    min-height: var(--_target);
    padding: 0.375rem 0.5rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  .pv-text input[type='color'] {
    width: var(--_target);
    height: var(--_target);
    min-width: 44px;
    padding: 2px;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .pv-text input[type='range'] {
    flex: 1 1 16rem;
    min-height: var(--_target);
    margin: 0;
    accent-color: var(--_accent);
  }
  /* An untouched slider sits at its midpoint; grey it so it does not look answered. */
  .pv-text--unanswered input[type='range'] {
    accent-color: var(--_border);
  }
  .pv-text--unanswered .pv-range-value {
    font-weight: 400;
    color: var(--_muted);
  }
  .pv-range-value {
    min-width: 3ch;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
`;
