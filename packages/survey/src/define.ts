// Importing this module defines every pupil-facing element at once (the package's way; the
// embed bundle is built from embed.ts, which loads the question elements on demand). Question
// elements come before <pv-survey> so their styles are known when the first survey renders.
// Question elements few surveys use (tagbox, ranking, imagepicker, matrixdropdown,
// multipletext, paneldynamic) are not imported here: <pv-survey> defines them when a
// definition names them (question/lazy-questions.ts).
// <pv-help-panel> and <pv-term> are defined with the audience features
// (audience/audience-features.ts), which only a survey with an audience loads: only such a
// survey shows "Get help" or has a glossary (a <pv-term> with no glossary is the plain word,
// which is what an undefined <pv-term> shows).
import './question/common-questions.js';
import './outbox-status/pv-outbox-status.js';
import './survey/pv-survey.js';
