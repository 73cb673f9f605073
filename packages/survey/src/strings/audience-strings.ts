import { audienceCy } from './audience-cy.js';
import { audienceEn } from './audience-en.js';
import type { AudienceTranslation } from './audience-translation.js';

const AUDIENCE_TRANSLATIONS: Record<string, AudienceTranslation> = { en: audienceEn, cy: audienceCy };

/**
 * The audience features' words for a language tag, falling back to English. The result's
 * `lang` says which language it really is, so text shown in a survey of another language
 * (Urdu, Arabic) can carry the right `lang` for screen readers.
 */
export function audienceTranslationFor(lang: string | null | undefined): AudienceTranslation {
  const primary = (lang ?? '').toLowerCase().split('-')[0] ?? '';
  return AUDIENCE_TRANSLATIONS[primary] ?? audienceEn;
}
