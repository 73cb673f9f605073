// The embed entry: importing this module defines every pupil-facing element. Question
// elements come before <pv-survey> so their styles are known when the first survey renders.
// Question elements few surveys use (tagbox, ranking, imagepicker, matrixdropdown,
// multipletext, paneldynamic) are not imported here: <pv-survey> defines them when a
// definition names them (question/lazy-questions.ts), so they are not in the embed's entry.
// <pv-help-panel> and <pv-term> are defined with the audience features
// (audience/audience-features.ts), which only a survey with an audience loads: only such a
// survey shows "Get help" or has a glossary (a <pv-term> with no glossary is the plain word,
// which is what an undefined <pv-term> shows).
import './unsupported-question/pv-unsupported-question.js';
import './panel/pv-panel.js';
import './matrix-question/pv-matrix-question.js';
import './dropdown-question/pv-dropdown-question.js';
import './rating-question/pv-rating-question.js';
import './image-question/pv-image-question.js';
import './html-question/pv-html-question.js';
import './expression-question/pv-expression-question.js';
import './text-question/pv-text-question.js';
import './comment-question/pv-comment-question.js';
import './radiogroup-question/pv-radiogroup-question.js';
import './checkbox-question/pv-checkbox-question.js';
import './boolean-question/pv-boolean-question.js';
import './outbox-status/pv-outbox-status.js';
import './survey/pv-survey.js';
