/**
 * SurveyJS type → the `<pv-survey>` element that renders it. The built-in descriptors
 * (builtin-types.ts) take their `element` from here, so each tag is written once; it is its own
 * module so the embed can read the tags without bundling every descriptor's validation and
 * tally code (about 4 KB gzip).
 */
export const QUESTION_ELEMENTS = {
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
} as const satisfies Readonly<Record<string, `pv-${string}`>>;

export type BuiltinQuestionType = keyof typeof QUESTION_ELEMENTS;
