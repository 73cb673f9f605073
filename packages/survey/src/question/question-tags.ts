/**
 * survey-core question type → the element that renders it. Only tag names live here, so the
 * survey shell needs no import of any question module: a type whose element is not defined on
 * the page renders the "not supported" notice instead of a silent gap.
 */
export const QUESTION_TAGS: Readonly<Record<string, string>> = {
  text: 'pv-text-question',
  comment: 'pv-comment-question',
  radiogroup: 'pv-radiogroup-question',
  checkbox: 'pv-checkbox-question',
  dropdown: 'pv-dropdown-question',
  tagbox: 'pv-tagbox-question',
  boolean: 'pv-boolean-question',
  rating: 'pv-rating-question',
  ranking: 'pv-ranking-question',
  imagepicker: 'pv-imagepicker-question',
  matrix: 'pv-matrix-question',
  matrixdropdown: 'pv-matrixdropdown-question',
  multipletext: 'pv-multipletext-question',
  html: 'pv-html-question',
  expression: 'pv-expression-question',
  image: 'pv-image-question',
  paneldynamic: 'pv-paneldynamic-question',
};

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
