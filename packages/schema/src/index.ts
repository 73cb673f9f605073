/**
 * `@pupil-voice/schema`: what every package must agree on. No DOM, no Node imports.
 */
export {
  AUDIENCES,
  PUPIL_AUDIENCES,
  isAudience,
  resolveAudience,
  resolveAudienceText,
  definitionAudiences,
  type Audience,
} from './audience.js';
export {
  META_FIELDS,
  WireFormatError,
  isCalendarDay,
  isMetaLabel,
  isUuid,
  parseAcknowledgement,
  parseMeta,
  parseWireResponse,
  type Acknowledgement,
  type Answers,
  type EncryptedEnvelope,
  type MetaField,
  type ResponseMeta,
  type WireBody,
  type WireResponse,
} from './wire.js';
export { DEFAULT_K, MIN_K, checkK } from './k.js';
export {
  COMMENT_SUFFIX,
  booleanCategories,
  canonicalDefinition,
  categories,
  definitionElements,
  flattenElements,
  isPreferNotToSay,
  localText,
  ratingCategories,
  selectBaseCategories,
  type Category,
  type CategorySpecial,
  type DefinitionElement,
} from './definition.js';
export {
  AnswerError,
  DEFAULT_ANSWER_LIMITS,
  QuestionTypes,
  readFacet,
  readPath,
  type AnswerCheck,
  type AnswerLimits,
  type CsvColumn,
  type Facet,
  type FacetContext,
  type FacetRead,
  type QuestionType,
  type TallyKind,
} from './question-type.js';
export { QUESTION_ELEMENTS, type BuiltinQuestionType } from './question-elements.js';
export { BUILTIN_TYPES, QUESTION_TYPES, cellElement, sameValue } from './builtin-types.js';
export { checkAnswers, readSurvey, type ReadSurveyOptions, type SurveyReading, type UnsupportedElement } from './survey-reading.js';
