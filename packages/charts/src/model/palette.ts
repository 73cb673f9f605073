/**
 * Colours from the Analysis Function's chart guidance: the categorical palette in its order
 * (each at least 3:1 against white and against its neighbour), used with white separators and
 * direct labels so colour is never the only cue.
 */
export const CATEGORICAL = ['#12436D', '#28A197', '#801650', '#F46A25', '#3D3D3D', '#A285D1'] as const;

/** One colour for ungrouped categories (ONS: a single colour unless groups differ). */
export const SINGLE = CATEGORICAL[0];

/** Answers outside the percentage base ("Don't know", "Prefer not to say"): grey, 3.4:1 on white. */
export const EXCLUDED_GREY = '#8C8C8C';

/** The neutral middle of a scale, drawn beside the diverging bar. */
export const NEUTRAL_GREY = '#505A5F';

/** Diverging sides, from the middle outwards (agree → strongly agree). */
export const POSITIVE = ['#28A197', '#12436D', '#0B2841'] as const;
export const NEGATIVE = ['#F46A25', '#801650', '#4A0D2E'] as const;

/** Relative luminance (WCAG) of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const channel = (offset: number): number => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Black or white, whichever contrasts more with a fill: for labels drawn inside a bar. */
export function textOn(fill: string): string {
  const l = luminance(fill);
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#0B0C0C' : '#FFFFFF';
}
