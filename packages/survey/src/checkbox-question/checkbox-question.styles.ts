import { css } from 'lit';

export const styles = css`
  .pv-option[part~='select-all'] {
    font-weight: 700;
  }
`;
