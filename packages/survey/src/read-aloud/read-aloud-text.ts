import { svg, type SVGTemplateResult } from 'lit';
import type { ItemValue, LocalizableString, Question } from 'survey-core';
import { locText } from '../loc-string.js';

interface WithChoices {
  visibleChoices?: ItemValue[];
  visibleRateValues?: ItemValue[];
  locLabelTrue?: LocalizableString;
  locLabelFalse?: LocalizableString;
}

/**
 * What "Read aloud" says for a question: its title, its description, then its answers. Taken
 * from the model rather than the page, so hidden helper text ("(required)", "Error:") and
 * icons are not read out as words.
 */
export function readAloudText(question: Question, answersIntro: string): string {
  const parts = [locText(question.locTitle)];
  if (question.hasDescription) parts.push(locText(question.locDescription));
  const q = question as Question & WithChoices;
  const items = q.visibleRateValues ?? q.visibleChoices;
  let answers: string[] = [];
  if (Array.isArray(items)) answers = items.map((item) => locText(item.locText)).filter(Boolean);
  else if (q.locLabelTrue && q.locLabelFalse) answers = [locText(q.locLabelTrue), locText(q.locLabelFalse)];
  if (answers.length > 0) parts.push(`${answersIntro} ${answers.join('. ')}.`);
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (/[.!?…:]$/.test(part) ? part : `${part}.`))
    .join(' ');
}

/** A speaker icon for the button (decoration: the button's words name it). */
export function speakerIcon(): SVGTemplateResult {
  return svg`<svg class="pv-read-aloud-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
    <path d="M4 9v6h4l5 4V5L8 9H4z" fill="currentColor" />
    <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
  </svg>`;
}
