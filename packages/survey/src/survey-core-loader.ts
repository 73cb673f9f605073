import type * as SurveyCore from 'survey-core';

let surveyCore: Promise<typeof SurveyCore> | undefined;
let held: Promise<void> | undefined;

/**
 * Holds survey-core back from every survey that starts loading until `release` settles, as a
 * slow network would, whether or not the module is already in memory; `undefined` stops
 * holding. The seam the tests of the early page use (not part of the package's API).
 */
export function holdSurveyCore(release: Promise<void> | undefined): void {
  held = release;
}

/**
 * survey-core is about 320 KB gzipped, nearly all of the respondent's download. It is loaded
 * with a dynamic import so `<pv-survey>` can paint its shell (and, later, a first question)
 * while the model is still on its way; rollup puts it in its own chunk.
 */
export function loadSurveyCore(): Promise<typeof SurveyCore> {
  surveyCore ??= import('survey-core').then((module) => {
    // Animations are only enabled by renderers that opt in; we never do, and say so.
    module.settings.animationEnabled = false;
    return module;
  });
  const core = surveyCore;
  return held ? held.then(() => core) : core;
}

const LOCALE_MODULES: Record<string, () => Promise<unknown>> = {
  cy: () => import('survey-core/i18n/welsh'),
  ur: () => import('survey-core/i18n/urdu'),
  ar: () => import('survey-core/i18n/arabic'),
};

/** Loads survey-core's UI strings for a locale we ship (English is built in). */
export async function loadSurveyLocale(locale: string): Promise<void> {
  const load = LOCALE_MODULES[locale.toLowerCase().split('-')[0] ?? ''];
  if (load) await load();
}
