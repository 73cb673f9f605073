import { css } from 'lit';

export const styles = css`
  .pv-clear-button {
    margin-top: var(--_m);
  }
`;
