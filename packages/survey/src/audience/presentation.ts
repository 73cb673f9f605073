import type { renderReadAloudButton } from '../read-aloud/read-aloud-button.js';
import type { AudienceTranslation } from '../strings/audience-translation.js';
import type { Glossary } from '../term/glossary.js';
import type { renderWithTerms } from '../term/render-terms.js';
import type { AudiencePreset } from './audience-preset.js';

/**
 * How one survey is presented, for the question elements inside it: the audience preset and
 * the glossary. Keyed by the survey-core model (a question reaches it through
 * `question.survey`), so several surveys on one page can each have their own; nothing is
 * page-global and nothing outlives its model.
 */
export interface SurveyPresentation {
  readonly preset: AudiencePreset;
  readonly glossary?: Glossary;
  /** The audience words (read aloud) for a language; they load with the preset. */
  readonly translationFor: (lang: string | null | undefined) => AudienceTranslation;
  /** Draws a title or description with its glossary terms marked. */
  readonly renderWithTerms: typeof renderWithTerms;
  /** Draws a question's "Read aloud" button (the presets that read aloud). */
  readonly renderReadAloud: typeof renderReadAloudButton;
}

const presentations = new WeakMap<object, SurveyPresentation>();

/** Records how a model is presented (`<pv-survey>` calls this before it renders the model). */
export function setPresentation(model: object, presentation: SurveyPresentation): void {
  presentations.set(model, presentation);
}

/** How a model is presented; undefined for a survey with no audience. */
export function presentationOf(model: object | null | undefined): SurveyPresentation | undefined {
  return model ? presentations.get(model) : undefined;
}
