import { css } from 'lit';

export const styles = css`
  .pv-boolean-checkbox .pv-option {
    font-weight: 700;
  }
`;
