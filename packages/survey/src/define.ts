// The embed entry: importing this module defines every pupil-facing element. Question
// elements come before <pv-survey> so their styles are known when the first survey renders.
import './unsupported-question/pv-unsupported-question.js';
import './panel/pv-panel.js';
import './matrix-question/pv-matrix-question.js';
import './survey/pv-survey.js';
