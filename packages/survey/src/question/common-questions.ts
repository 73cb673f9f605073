// The question elements most surveys use, with panels and the "not supported" notice. define.ts
// imports this module; the embed's entry (embed.ts) does not: <pv-survey> loads it as a chunk
// of its own (question/lazy-questions.ts) once the first page is on screen, alongside
// survey-core, so none of this code is downloaded before the first question.
import '../unsupported-question/pv-unsupported-question.js';
import '../panel/pv-panel.js';
import '../matrix-question/pv-matrix-question.js';
import '../dropdown-question/pv-dropdown-question.js';
import '../rating-question/pv-rating-question.js';
import '../image-question/pv-image-question.js';
import '../html-question/pv-html-question.js';
import '../expression-question/pv-expression-question.js';
import '../text-question/pv-text-question.js';
import '../comment-question/pv-comment-question.js';
import '../radiogroup-question/pv-radiogroup-question.js';
import '../checkbox-question/pv-checkbox-question.js';
import '../boolean-question/pv-boolean-question.js';
