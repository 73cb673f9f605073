import { css } from 'lit';

export const styles = css`
  .pv-image {
    display: block;
    max-width: 100%;
    height: auto;
  }
  .pv-video-notice,
  .pv-image-missing {
    border: 2px dashed var(--_border);
    padding: var(--_s) var(--_m);
    margin: 0;
  }
  .pv-video-notice a {
    color: var(--_accent);
    font-weight: 700;
  }
`;
