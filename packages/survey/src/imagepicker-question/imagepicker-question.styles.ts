import { css } from 'lit';

export const styles = css`
  .pv-imagepicker {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_m);
  }
  .pv-image-choice {
    position: relative;
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_s);
    min-width: var(--_target);
    min-height: var(--_target);
    padding: var(--_s);
    border: 3px solid transparent;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .pv-image-choice:hover {
    background: var(--_surface);
  }
  .pv-image-choice input {
    position: absolute;
    top: var(--_s);
    left: var(--_s);
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .pv-image-choice--selected {
    border-color: var(--pv-imagepicker-selected-color, var(--_accent));
  }
  .pv-image-choice:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    box-shadow: 0 0 0 6px var(--_text);
  }
  .pv-image-choice-image,
  .pv-image-choice-missing {
    display: block;
    max-width: 100%;
    border-radius: calc(var(--_radius) / 2);
  }
  .pv-image-choice-missing {
    background: var(--_surface);
  }
  .pv-image-choice:has(input:disabled) {
    cursor: default;
    opacity: 0.6;
  }
`;
