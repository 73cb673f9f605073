import { css } from 'lit';

export const styles = css`
  .pv-comment {
    display: flex;
    flex-direction: column;
    gap: var(--_s);
  }
  .pv-comment textarea {
    min-height: calc(var(--_target) * 2);
  }
  .pv-character-count {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375rem;
  }
`;
