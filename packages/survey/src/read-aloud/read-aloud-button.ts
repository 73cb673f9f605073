import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Question } from 'survey-core';
import type { AudienceTranslation } from '../strings/audience-translation.js';
import { ReadAloudController } from './read-aloud-controller.js';
import { readAloudText, speakerIcon } from './read-aloud-text.js';

/** One controller per question element, made the first time it shows the button. */
const controllers = new WeakMap<ReactiveControllerHost, ReadAloudController>();

/**
 * The "Read aloud" button of the primary preset: reads the title, the description and the
 * answers in the survey's language. Nothing when the browser has no voice for it. Part of the
 * audience features (a chunk only surveys with an audience load): the question elements reach
 * it through the survey's presentation.
 */
export function renderReadAloudButton(
  host: ReactiveControllerHost,
  question: Question,
  t: AudienceTranslation,
  lang: () => string,
  titleText: string,
): TemplateResult | typeof nothing {
  let control = controllers.get(host);
  if (!control) {
    control = new ReadAloudController(host, lang);
    controllers.set(host, control);
  }
  if (!control.available) return nothing;
  const speech = control;
  return html`<button
    type="button"
    class="pv-read-aloud"
    part="read-aloud-button"
    lang=${t.lang}
    aria-pressed=${speech.speaking ? 'true' : 'false'}
    @click=${() => speech.toggle(readAloudText(question, t.readAloudAnswers))}
  >
    ${speakerIcon()}<span>${t.readAloud}</span><span class="pv-visually-hidden">: ${titleText}</span>
  </button>`;
}
