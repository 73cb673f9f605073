/**
 * Reading age by the Flesch–Kincaid grade level (Kincaid et al., 1975):
 *
 *   grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
 *   reading age = grade + 5   (US grade 1 is age 6–7)
 *
 * Syllables are counted by the `syllable` package (English only; Welsh is not scored). Each
 * string counts as at least one sentence, because survey titles and answers are read as units
 * even without a full stop; HTML tags are dropped and inner text split at `.`, `!`, `?` and `:`.
 */
import { syllable } from 'syllable';

/** Counts behind a score, for messages that say why a text reads as too hard. */
export interface ReadabilityCounts {
  readonly sentences: number;
  readonly words: number;
  readonly syllables: number;
}

const WORD = /[A-Za-z0-9]+(?:[’'][A-Za-z]+)*/g;

/** Sentences, words and syllables of some strings (each string is at least one sentence). */
export function readabilityCounts(texts: readonly string[]): ReadabilityCounts {
  let sentences = 0;
  let words = 0;
  let syllables = 0;
  for (const text of texts) {
    const plain = text.replace(/<[^>]*>/g, ' . ').replace(/&[a-z]+;/g, ' ');
    for (const sentence of plain.split(/[.!?:…]+/)) {
      const found = sentence.match(WORD) ?? [];
      if (found.length === 0) continue;
      sentences += 1;
      words += found.length;
      // Numbers read as one word of about two syllables; the package would return 0.
      for (const word of found) syllables += /^\d+$/.test(word) ? 2 : Math.max(1, syllable(word.replace(/’/g, "'")));
    }
  }
  return { sentences, words, syllables };
}

/** Flesch–Kincaid grade level of some strings (0 for no words). */
export function fleschKincaidGrade(texts: readonly string[]): number {
  const { sentences, words, syllables } = readabilityCounts(texts);
  if (words === 0) return 0;
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

/** Reading age in years: Flesch–Kincaid grade + 5. */
export function readingAge(texts: readonly string[]): number {
  return fleschKincaidGrade(texts) + 5;
}
