import { HIDDEN_MARK } from '../model/hidden.js';

/** Text lines of a PNG export: above the chart (title, finding) and below it (base, legend). */
export interface PngText {
  readonly title: string;
  readonly above: readonly string[];
  readonly below: readonly string[];
}

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A chart as a PNG that stands on its own in a governors' report: the question, the finding,
 * the chart, its base and (if anything is hidden) the hidden mark's legend, on white.
 */
export async function chartPng(canvas: HTMLCanvasElement, text: PngText): Promise<Blob> {
  const scale = canvas.width / Math.max(1, canvas.clientWidth || canvas.width);
  const width = canvas.width;
  const pad = 16 * scale;
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  const titleFont = `700 ${18 * scale}px system-ui, sans-serif`;
  const bodyFont = `${14 * scale}px system-ui, sans-serif`;
  ctx.font = titleFont;
  const titleLines = wrap(ctx, text.title, width - 2 * pad);
  ctx.font = bodyFont;
  const aboveLines = text.above.flatMap((line) => wrap(ctx, line, width - 2 * pad));
  const belowLines = text.below.flatMap((line) => wrap(ctx, line, width - 2 * pad));
  const lineHeight = 20 * scale;
  const header = pad + (titleLines.length * 24 * scale) + aboveLines.length * lineHeight + pad / 2;
  const footer = belowLines.length * lineHeight + pad;
  out.width = width;
  out.height = Math.ceil(header + canvas.height + footer);
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#0B0C0C';
  ctx.textBaseline = 'top';
  let y = pad;
  ctx.font = titleFont;
  for (const line of titleLines) {
    ctx.fillText(line, pad, y);
    y += 24 * scale;
  }
  ctx.font = bodyFont;
  for (const line of aboveLines) {
    ctx.fillText(line, pad, y);
    y += lineHeight;
  }
  ctx.drawImage(canvas, 0, header);
  y = header + canvas.height + pad / 2;
  for (const line of belowLines) {
    ctx.fillText(line, pad, y);
    y += lineHeight;
  }
  return new Promise((resolve, reject) => out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/** The legend line of the hidden mark, for exports. */
export const hiddenLegendLine = (legend: string): string => `${HIDDEN_MARK} ${legend}`;

/** Offers a blob as a file download. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
