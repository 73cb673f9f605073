/**
 * What a survey with an audience needs beyond the survey shell: the presets, the audience
 * words (English and Welsh), the intro screen, picture progress, the built-in glossary and
 * "Get help" (`<pv-help-panel>`, defined here), glossary terms (`<pv-term>`, defined here) and
 * read aloud. A chunk of its own in the embed, loaded by
 * `loadAudienceFeatures()` only when a survey names an audience, while survey-core loads.
 */
import '../help-panel/pv-help-panel.js';
import '../term/pv-term.js';

export { applyPreset, chooseAudience, navigationTexts, requiredSensitiveQuestions } from './audience-preset.js';
export { audienceStyles } from './audience.styles.js';
export { renderPictureProgress } from './picture-progress.js';
export { parseSchoolContacts } from '../help-panel/help-panel.js';
export { introOverrides, renderIntro } from '../intro/intro.js';
export { renderReadAloudButton } from '../read-aloud/read-aloud-button.js';
export { audienceTranslationFor } from '../strings/audience-strings.js';
export { createGlossary } from '../term/glossary.js';
export { renderWithTerms } from '../term/render-terms.js';
