// The embed bundle's entry (dist/pupil-voice.js): <pv-survey> and <pv-outbox-status>, and
// nothing else a first page drawn from the JSON does not need. Every question element is
// loaded on demand (question/lazy-questions.ts): the common ones as one chunk, started once the
// first page is on screen, alongside survey-core; the rare ones when a definition names them.
// Until they are defined, <pv-survey> adopts their stylesheets from question/question-styles.ts,
// so the early page looks exactly as the model's page will. define.ts defines everything at
// once, for code that renders question elements on their own.
//
// First of all (survey/early-start.ts, before the rest evaluates), the definition of each
// <pv-survey src> already in the page is requested; then survey/early-boot.ts draws its first
// page. The elements (embed-elements.ts) are loaded once that is painted (or after half a second
// at most), so the first question does not wait for their code.
import './embed-start.js';
import { drawEarlyPages } from './survey/early-boot.js';

void drawEarlyPages()
  .catch(() => undefined)
  .then(() => import('./embed-elements.js'));
