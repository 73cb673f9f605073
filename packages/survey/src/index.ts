/**
 * `@pupil-voice/survey`: `<pv-survey>`, `<pv-outbox-status>` and the question elements
 * `<pv-survey>` renders, with their events. Importing this module does not define any
 * element; import `@pupil-voice/survey/define.js` (or load the embed bundle) for that.
 * Typings for frameworks: `@pupil-voice/survey/react`, `@pupil-voice/survey/vue`.
 */
export { PvSurvey } from './survey/survey.js';
export { PvOutboxStatus } from './outbox-status/outbox-status.js';
export {
  PvAnswerSavedEvent,
  PvCompleteEvent,
  PvErrorEvent,
  PvOutboxWaitingEvent,
  PvPageChangedEvent,
  PvQuickExitEvent,
  PvReadyEvent,
  PvResponseFailedEvent,
  PvResponseQueuedEvent,
  PvResponseSentEvent,
  PvStartOverEvent,
  PvValueChangedEvent,
  type PvErrorKind,
} from './events.js';
export type {
  PvSurveyAttributes,
  PvOutboxStatusAttributes,
  PvSurveyEventMap,
  PvPollAttributes,
  PvPollEventMap,
} from './frameworks/element-props.js';
export type { Translation } from './strings/translation.js';
// The question elements, for typing references to them (`HTMLElementTagNameMap` has their tags).
export { PvQuestionElement } from './question/question-element.js';
export { PvPanel } from './panel/panel.js';
export { PvBooleanQuestion } from './boolean-question/boolean-question.js';
export { PvCheckboxQuestion } from './checkbox-question/checkbox-question.js';
export { PvCommentQuestion } from './comment-question/comment-question.js';
export { PvDropdownQuestion } from './dropdown-question/dropdown-question.js';
export { PvExpressionQuestion } from './expression-question/expression-question.js';
export { PvHtmlQuestion } from './html-question/html-question.js';
export { PvImageQuestion } from './image-question/image-question.js';
export { PvImagepickerQuestion } from './imagepicker-question/imagepicker-question.js';
export { PvMatrixDropdownQuestion } from './matrixdropdown-question/matrixdropdown-question.js';
export { PvMatrixQuestion } from './matrix-question/matrix-question.js';
export { PvMultipleTextQuestion } from './multipletext-question/multipletext-question.js';
export { PvPanelDynamicQuestion } from './paneldynamic-question/paneldynamic-question.js';
export { PvRadiogroupQuestion } from './radiogroup-question/radiogroup-question.js';
export { PvRankingQuestion } from './ranking-question/ranking-question.js';
export { PvRatingQuestion } from './rating-question/rating-question.js';
export { PvTagboxQuestion } from './tagbox-question/tagbox-question.js';
export { PvTextQuestion } from './text-question/text-question.js';
export { PvUnsupportedQuestion } from './unsupported-question/unsupported-question.js';
export { PvHelpPanel, parseSchoolContacts, type SchoolContact } from './help-panel/help-panel.js';
export {
  NATIONS,
  isNation,
  helplinesFor,
  overdueHelplines,
  loadHelplineDirectory,
  telUri,
  smsUri,
  type Nation,
  type Helpline,
  type HelplineDirectory,
  type HelplineText,
} from './help-panel/helpline-directory.js';
export { PvTerm } from './term/term.js';
export { PvTermLookupEvent } from './term/term-events.js';
export { BUILT_IN_GLOSSARY, createGlossary, splitAtTerms, type Glossary } from './term/glossary.js';
export {
  AUDIENCE_PRESETS,
  applyPreset,
  chooseAudience,
  requiredSensitiveQuestions,
  type AudiencePreset,
  type AudienceChoice,
} from './audience/audience-preset.js';
export { PvAuthoringWarningEvent, type PvAuthoringWarningKind } from './audience/audience-events.js';
export { textDirection } from './audience/text-direction.js';
export { ReadAloudController, chooseVoice } from './read-aloud/read-aloud-controller.js';
export { audienceTranslationFor } from './strings/audience-strings.js';
export type { AudienceTranslation, IntroText, NavigationText } from './strings/audience-translation.js';
