import { css } from 'lit';
import { choiceOptionStyles } from '../choice-options.js';

const dropdownStyles = css`
  .pv-dropdown select {
    width: var(--pv-dropdown-width, auto);
    min-width: min(16rem, 100%);
  }
  .pv-dropdown + .pv-choice-comment {
    margin: var(--_m) 0 0;
    max-width: 30rem;
  }
`;

export const styles = [choiceOptionStyles, dropdownStyles];
