import { svg, type SVGTemplateResult } from 'lit';

/**
 * Icons for star and smiley ratings. They are decoration only (`aria-hidden`): the option's
 * accessible name is its value for stars ("4, radio button, 4 of 5") and its meaning for
 * smileys ("Happy, radio button, 4 of 5").
 */
export function starIcon(): SVGTemplateResult {
  return svg`<svg class="pv-rating-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z" />
  </svg>`;
}

/** The five faces, from very unhappy (0) to very happy (4). */
export type SmileyFace = 0 | 1 | 2 | 3 | 4;

/** The face for a position on a scale from 0 (most negative) to 1 (most positive). */
export function faceAt(position: number): SmileyFace {
  return Math.round(Math.max(0, Math.min(1, position)) * 4) as SmileyFace;
}

/**
 * Which face each option of an `count`-point smiley scale shows. Up to five options each get
 * a different face (three are unhappy, neither, happy); longer scales share faces in order.
 */
export function smileyFaces(count: number): SmileyFace[] {
  const fixed: Record<number, SmileyFace[]> = { 1: [2], 2: [1, 3], 3: [1, 2, 3], 4: [0, 1, 3, 4], 5: [0, 1, 2, 3, 4] };
  return fixed[count] ?? Array.from({ length: count }, (_, i) => Math.round((i / (count - 1)) * 4) as SmileyFace);
}

/**
 * A face that differs from its neighbours in more than the curve of its mouth, so a child can
 * tell them apart at a glance: raised brows and a deep frown, a frown, a straight mouth, a
 * smile, and closed laughing eyes over an open grin.
 */
export function smileyIcon(face: SmileyFace): SVGTemplateResult {
  const eyes =
    face === 4
      ? svg`<path class="pv-rating-line" d="M6.8 10.2q1.7-2.4 3.4 0M13.8 10.2q1.7-2.4 3.4 0" />`
      : svg`<circle class="pv-rating-eye" cx="8.5" cy="9.8" r="1.3" /><circle class="pv-rating-eye" cx="15.5" cy="9.8" r="1.3" />`;
  const brows = face === 0 ? svg`<path class="pv-rating-line" d="M6.3 7.6l3.6-1.4M17.7 7.6l-3.6-1.4" />` : svg``;
  const mouth = [
    svg`<path class="pv-rating-line" d="M7.3 17.8q4.7-5.6 9.4 0" />`,
    svg`<path class="pv-rating-line" d="M8.5 16.9q3.5-2.6 7 0" />`,
    svg`<path class="pv-rating-line" d="M8 15.6h8" />`,
    svg`<path class="pv-rating-line" d="M7.3 13.8q4.7 5 9.4 0" />`,
    svg`<path class="pv-rating-grin" d="M6.8 13.2h10.4q-.9 6-5.2 6t-5.2-6z" />`,
  ][face];
  return svg`<svg class="pv-rating-icon pv-rating-face--${face}" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <circle class="pv-rating-head" cx="12" cy="12" r="9.5" />
    ${brows}${eyes}${mouth}
  </svg>`;
}
