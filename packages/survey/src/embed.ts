// The embed bundle's entry (dist/pupil-voice.js): nothing but what draws a first page from the
// JSON. First of all (embed-start.ts, before the rest evaluates) the definition of each
// <pv-survey src> already in the page is requested; survey/early-boot.ts then draws that
// survey's first page. <pv-survey> and <pv-outbox-status> (embed-elements.ts, a chunk of their
// own) are loaded once those pages are painted, or after half a second at most, so the first
// question does not wait for their code; the element takes the page over as it is.
//
// Every question element is loaded on demand too (question/lazy-questions.ts): the common ones
// as one chunk, started once the first page is on screen, alongside survey-core; the rare ones
// when a definition names them. Until they are defined, the early page adopts their stylesheets
// from question/question-styles.ts, so it looks exactly as the model's page will. define.ts
// defines everything at once, for code that renders question elements on their own.
import './embed-start.js';
import { drawEarlyPages } from './survey/early-boot.js';

void drawEarlyPages()
  .catch(() => undefined)
  .then(() => import('./embed-elements.js'));
