// The embed bundle's entry (dist/pupil-voice.js): <pv-survey> and <pv-outbox-status>, and
// nothing else a first page drawn from the JSON does not need. Every question element is
// loaded on demand (question/lazy-questions.ts): the common ones as one chunk, started once the
// first page is on screen, alongside survey-core; the rare ones when a definition names them.
// Until they are defined, <pv-survey> adopts their stylesheets from question/question-styles.ts,
// so the early page looks exactly as the model's page will. define.ts defines everything at
// once, for code that renders question elements on their own.
import './outbox-status/pv-outbox-status.js';
import './survey/pv-survey.js';
