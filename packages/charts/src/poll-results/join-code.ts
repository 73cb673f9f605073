import { html, type TemplateResult } from 'lit';
import qrcode from 'qrcode-generator';

/** Quiet zone around the code, in modules (the standard asks for four). */
const QUIET = 4;

/**
 * A QR code as inline SVG built from the code's modules (one path, no HTML strings), so it is
 * sharp at any projector size and nothing is injected into the page.
 */
export function joinCode(url: string, label: string): TemplateResult {
  const qr = qrcode(0, 'M');
  qr.addData(url);
  qr.make();
  const size = qr.getModuleCount();
  let path = '';
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) if (qr.isDark(row, col)) path += `M${col} ${row}h1v1h-1z`;
  }
  const box = size + QUIET * 2;
  return html`<svg class="qr" part="qr" viewBox="${-QUIET} ${-QUIET} ${box} ${box}" role="img" aria-label=${label} shape-rendering="crispEdges">
    <rect x=${-QUIET} y=${-QUIET} width=${box} height=${box} fill="#fff"></rect>
    <path d=${path} fill="#000"></path>
  </svg>`;
}

/** The join address as people type it: no scheme, no trailing slash. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
