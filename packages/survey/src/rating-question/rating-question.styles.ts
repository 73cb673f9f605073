import { css } from 'lit';

export const styles = css`
  .pv-rating-frame {
    container-type: inline-size;
  }
  /* Wide: "Not at all  1 2 3 4 5  Very happy", each end label beside its end. */
  .pv-rating {
    display: inline-grid;
    grid-template-columns: auto minmax(0, max-content) auto;
    grid-template-areas: 'min scale max';
    align-items: center;
    gap: var(--_s) var(--_m);
    max-width: 100%;
  }
  /* No label before the scale: no empty column, nor the gap after it, ahead of the first option. */
  .pv-rating:not(:has(> .pv-rating-description--min)) {
    grid-template-columns: minmax(0, max-content) auto;
    grid-template-areas: 'scale max';
  }
  .pv-rating-scale {
    grid-area: scale;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s);
  }
  .pv-rating-description {
    color: var(--_muted);
    max-width: 9rem;
  }
  .pv-rating-description--min {
    grid-area: min;
    text-align: end;
  }
  .pv-rating-description--max {
    grid-area: max;
    text-align: start;
  }
  /* Narrow (a phone): the scale first, then each end label under its own end. */
  @container (max-width: 36rem) {
    /* The second selector outweighs the wide rule for a scale without a label before it. */
    .pv-rating,
    .pv-rating:not(:has(> .pv-rating-description--min)) {
      grid-template-columns: 1fr 1fr;
      grid-template-areas: 'scale scale' 'min max';
    }
    /* No end labels: no empty row (and no gap) under the scale. */
    .pv-rating:not(:has(> .pv-rating-description)) {
      grid-template-areas: 'scale scale';
    }
    /* The scale alone sets the width; each label wraps within its half. */
    .pv-rating-description {
      contain: inline-size;
      max-width: none;
    }
    .pv-rating-description--min {
      text-align: start;
    }
    .pv-rating-description--max {
      text-align: end;
    }
  }
  .pv-rating-item {
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: max(var(--pv-rating-size, var(--_target)), 24px);
    min-height: max(var(--pv-rating-size, var(--_target)), 24px);
    padding: 0 0.5rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font-weight: 700;
    cursor: pointer;
  }
  .pv-rating-item input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: inherit;
  }
  .pv-rating-item:hover {
    background: var(--_surface);
  }
  .pv-rating-item--selected,
  .pv-rating-item--selected:hover {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-contrast);
  }
  .pv-rating-item:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 6px var(--_text);
  }
  .pv-rating-item:has(input:disabled) {
    cursor: default;
    opacity: 0.6;
  }
  .pv-rating--stars .pv-rating-item,
  .pv-rating--smileys .pv-rating-item {
    border-color: transparent;
    background: transparent;
    padding: 0;
  }
  .pv-rating-icon {
    width: 2rem;
    height: 2rem;
    pointer-events: none;
  }
  .pv-rating--stars .pv-rating-icon path {
    fill: none;
    stroke: var(--_border);
    stroke-width: 1.5;
    stroke-linejoin: round;
  }
  .pv-rating--stars .pv-rating-item--filled .pv-rating-icon path {
    fill: var(--pv-rating-star-color, #b45309);
    stroke: var(--pv-rating-star-color, #b45309);
  }
  .pv-rating--smileys .pv-rating-icon {
    width: 2.5rem;
    height: 2.5rem;
  }
  .pv-rating--smileys .pv-rating-head,
  .pv-rating--smileys .pv-rating-line {
    fill: none;
    stroke: var(--_text);
    stroke-width: 1.75;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .pv-rating--smileys .pv-rating-eye,
  .pv-rating--smileys .pv-rating-grin {
    fill: var(--_text);
  }
  .pv-rating--smileys .pv-rating-item--selected {
    background: var(--_accent);
    border-radius: 50%;
  }
  .pv-rating--smileys .pv-rating-item--selected .pv-rating-head,
  .pv-rating--smileys .pv-rating-item--selected .pv-rating-line {
    stroke: var(--_accent-contrast);
  }
  .pv-rating--smileys .pv-rating-item--selected .pv-rating-eye,
  .pv-rating--smileys .pv-rating-item--selected .pv-rating-grin {
    fill: var(--_accent-contrast);
  }
  .pv-rating--faces .pv-rating-item {
    flex-direction: column;
    gap: 0.25rem;
    min-width: max(var(--_target), 3.25rem);
    padding: 0.25rem;
    border-radius: var(--_radius);
  }
  .pv-rating--faces .pv-rating-icon {
    width: 2.75rem;
    height: 2.75rem;
  }
  .pv-rating--faces .pv-rating-item--selected {
    border-radius: var(--_radius);
  }
  .pv-rating--faces .pv-rating-item--selected .pv-rating-text {
    color: var(--_accent-contrast);
  }
  @media (forced-colors: active) {
    .pv-rating-item--selected {
      outline: 3px solid Highlight;
    }
    .pv-rating--stars .pv-rating-item--filled .pv-rating-icon path {
      fill: Highlight;
      stroke: Highlight;
    }
  }
`;
