import { css } from 'lit';

export const styles = css`
  .pv-html {
    overflow-wrap: anywhere;
  }
  .pv-html img {
    max-width: 100%;
    height: auto;
  }
  .pv-html a {
    color: var(--pv-color-link, var(--_accent));
  }
`;
