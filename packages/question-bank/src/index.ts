/**
 * `@pupil-voice/question-bank`: ready pupil-voice surveys, in English and Welsh, matched across
 * pupils (primary, secondary, post-16), parents and staff, so that what pupils say can be put
 * beside what adults believe. Helplines are not here: the `<pv-survey>` help panel owns them.
 */
export {
  listSurveys,
  getSurvey,
  getDefinition,
  matchedItems,
  bankItems,
  agreeGroupings,
  QuestionBankError,
  type BankSurveySummary,
  type BankItemInfo,
  type GetSurveyOptions,
} from './bank.js';
export { BANK_LANGUAGES, PREFER_NOT_TO_SAY, type BankLanguage, type LocalisableText } from './authoring.js';
