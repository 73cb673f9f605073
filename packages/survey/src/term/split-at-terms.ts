// Its own module so the question elements can mark terms without bundling the built-in
// glossary, which only a survey with an audience loads (audience/audience-features.ts).

/** A piece of text: plain, or a glossary term as written in the text. */
export type GlossarySegment = { text: string; term?: undefined } | { text: string; term: string };

const LETTER = '[\\p{L}\\p{N}]';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits text at the first occurrence of each glossary term (whole words, any case), so the
 * term can be explained in place. Later occurrences stay plain: one explanation per text is
 * enough, and a sentence of buttons is hard to read.
 */
export function splitAtTerms(text: string, terms: readonly string[]): GlossarySegment[] {
  const found: Array<{ start: number; end: number; term: string }> = [];
  for (const term of terms) {
    // The first occurrence not already inside a longer term ("harassment" after "sexual harassment").
    for (const match of text.matchAll(new RegExp(`(?<!${LETTER})${escapeRegExp(term)}(?!${LETTER})`, 'giu'))) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ start, end, term });
      break;
    }
  }
  if (found.length === 0) return [{ text }];
  found.sort((a, b) => a.start - b.start);
  const segments: GlossarySegment[] = [];
  let at = 0;
  for (const { start, end, term } of found) {
    if (start > at) segments.push({ text: text.slice(at, start) });
    segments.push({ text: text.slice(start, end), term });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
