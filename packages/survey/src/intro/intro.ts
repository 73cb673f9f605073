import type { Audience } from '@pupil-voice/schema';
import { html, type TemplateResult } from 'lit';
import type { AudienceTranslation, IntroText } from '../strings/audience-translation.js';

const INTRO_KEYS: ReadonlyArray<keyof IntroText> = [
  'heading',
  'purpose',
  'anonymityHeading',
  'anonymity',
  'choiceHeading',
  'choice',
  'tellHeading',
  'tell',
];

/**
 * A school's own intro text from the definition's `intro` object: any of the intro's parts,
 * each a plain string or SurveyJS localisable texts (`{ "default": "…", "cy": "…" }`, with
 * audience keys already resolved). Parts it leaves out keep our defaults.
 */
export function introOverrides(definition: unknown, locale: string): Partial<IntroText> {
  const intro = typeof definition === 'object' && definition !== null ? (definition as { intro?: unknown }).intro : undefined;
  if (typeof intro !== 'object' || intro === null) return {};
  const language = locale.toLowerCase();
  const out: Partial<IntroText> = {};
  for (const key of INTRO_KEYS) {
    const value = (intro as Record<string, unknown>)[key];
    if (typeof value === 'string') out[key] = value;
    else if (typeof value === 'object' && value !== null) {
      const texts = value as Record<string, unknown>;
      const text = texts[language] ?? texts[language.split('-')[0] ?? ''] ?? texts['default'];
      if (typeof text === 'string') out[key] = text;
    }
  }
  return out;
}

export interface IntroOptions {
  audience: Audience;
  /** Our words in the survey's language (English when we have none for it). */
  t: AudienceTranslation;
  /** True when `overrides` came from the definition, in the survey's own language. */
  overrides: Partial<IntroText>;
  /** The survey's language, for the school's own text. */
  surveyLang: string;
  /** The Start button's words: the definition's `startSurveyText`, else ours. */
  startText: string;
  onStart: () => void;
}

/**
 * The screen before the first question: what the survey is for, that it is anonymous and what
 * that means, that any question can be skipped and the survey stopped, and what happens if a
 * pupil tells. Calm and even-handed: it invites, it does not urge.
 */
export function renderIntro({ audience, t, overrides, surveyLang, startText, onStart }: IntroOptions): TemplateResult {
  const defaults = t.intro[audience];
  const part = (key: keyof IntroText) => {
    const own = overrides[key];
    return own !== undefined
      ? html`<span lang=${surveyLang}>${own}</span>`
      : html`<span lang=${t.lang}>${defaults[key]}</span>`;
  };
  return html`<section class="pv-intro" part="intro" aria-labelledby="pv-intro-heading">
      <h3 class="pv-page-heading pv-intro-heading" id="pv-intro-heading" tabindex="-1">${part('heading')}</h3>
      <p>${part('purpose')}</p>
      <h4>${part('anonymityHeading')}</h4>
      <p>${part('anonymity')}</p>
      <h4>${part('choiceHeading')}</h4>
      <p>${part('choice')}</p>
      <h4>${part('tellHeading')}</h4>
      <p>${part('tell')}</p>
    </section>
    <div class="pv-navigation" part="navigation">
      <button type="button" class="pv-button" part="button start-button" @click=${onStart}>${startText}</button>
    </div>`;
}
