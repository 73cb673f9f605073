import { QUESTION_ELEMENTS } from '@pupil-voice/schema';

/**
 * survey-core question type → the element that renders it, from `@pupil-voice/schema`, whose
 * question type descriptors use the same map (the collector accepts and aggregate tallies
 * exactly these types).
 * Only tag names live here, so the survey shell needs no import of any question module: a type
 * whose element is not defined on the page renders the "not supported" notice instead of a
 * silent gap.
 */
export const QUESTION_TAGS: Readonly<Record<string, string>> = QUESTION_ELEMENTS;

/** The stylesheets of every defined question element, for `<pv-survey>` to adopt. */
export function definedQuestionStyles(): CSSStyleSheet[] {
  const sheets: CSSStyleSheet[] = [];
  for (const tag of [...Object.values(QUESTION_TAGS), 'pv-panel', 'pv-unsupported-question']) {
    const element = customElements.get(tag) as
      | (CustomElementConstructor & { elementStyles?: Array<{ styleSheet?: CSSStyleSheet }> })
      | undefined;
    for (const style of element?.elementStyles ?? []) {
      if (style.styleSheet && !sheets.includes(style.styleSheet)) sheets.push(style.styleSheet);
    }
  }
  return sheets;
}
