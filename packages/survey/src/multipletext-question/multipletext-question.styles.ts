import { css } from 'lit';

/** Adopted by `<pv-survey>` (question elements render into its shadow root). */
export const styles = css`
  .pv-multipletext {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--pv-multipletext-min-item-width, 14rem)), 1fr));
    gap: var(--_m);
  }
  .pv-multipletext-item {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 0;
  }
  .pv-multipletext-label {
    font-weight: 600;
  }
  .pv-multipletext-item input {
    width: 100%;
  }
  .pv-multipletext-item .pv-errors .pv-error-message {
    margin: 0;
  }
`;
