import { svg, type SVGTemplateResult } from 'lit';

/**
 * Icons for star and smiley ratings. They are decoration only (`aria-hidden`): the rating's
 * value or text is the option's accessible name, so a screen reader says "4, radio button,
 * 4 of 5", never "star".
 */
export function starIcon(): SVGTemplateResult {
  return svg`<svg class="pv-rating-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z" />
  </svg>`;
}

/**
 * A face whose mouth runs from a frown (position 0) to a broad smile (position 1), so any
 * number of smileys reads as a scale.
 */
export function smileyIcon(position: number): SVGTemplateResult {
  const bend = Math.max(-1, Math.min(1, position * 2 - 1));
  const corner = 15.5 - bend * 1.5;
  const middle = 15.5 + bend * 3;
  return svg`<svg class="pv-rating-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <circle cx="12" cy="12" r="9.5" />
    <circle class="pv-rating-eye" cx="8.5" cy="9.5" r="1.25" />
    <circle class="pv-rating-eye" cx="15.5" cy="9.5" r="1.25" />
    <path class="pv-rating-mouth" d="M7.5 ${corner} Q12 ${middle} 16.5 ${corner}" />
  </svg>`;
}
