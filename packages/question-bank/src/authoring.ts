/**
 * How bank surveys are written: SurveyJS element JSON whose strings carry English, Welsh and
 * per-audience wording in the shared format (docs/audience-wording.md), plus what the bank
 * itself needs to know about each item: which audiences answer it, whether it is sensitive
 * (and so must offer "Prefer not to say"), and which answers count as "agree" when audiences
 * are compared.
 */
import type { Audience } from '@pupil-voice/schema';

/** The languages every bank survey is written in: English (the default) and Welsh. */
export const BANK_LANGUAGES = ['en', 'cy'] as const;
export type BankLanguage = (typeof BANK_LANGUAGES)[number];

/** A SurveyJS localisable string: `default` (English), `cy`, and `x-<audience>` variants. */
export type LocalisableText = Record<string, string>;

/** English and Welsh for one wording. */
export type Words = readonly [en: string, cy: string];

/**
 * A localisable string: the shared English and Welsh, and per audience its own English and
 * Welsh (`x-parent` and `cy-x-parent`), always both, so Welsh readers never fall back to English.
 */
export function words(shared: Words, variants: Partial<Record<Audience, Words>> = {}): LocalisableText {
  const text: LocalisableText = { default: shared[0], cy: shared[1] };
  for (const [audience, [en, cy]] of Object.entries(variants) as Array<[Audience, Words]>) {
    text[`x-${audience}`] = en;
    text[`cy-x-${audience}`] = cy;
  }
  return text;
}

/** One choice of a question or column of a matrix. */
export interface Choice {
  value: string;
  text: LocalisableText;
  isExclusive?: boolean;
}

export function choice(value: string, shared: Words, variants: Partial<Record<Audience, Words>> = {}): Choice {
  return { value, text: words(shared, variants) };
}

/** The value every sensitive item offers; `@pupil-voice/aggregate` recognises it as an opt-out. */
export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';

/** "Prefer not to say" / "Gwell gen i beidio â dweud", the same for every audience. */
export const preferNotToSay = (): Choice => choice(PREFER_NOT_TO_SAY, ['Prefer not to say', 'Gwell gen i beidio â dweud']);

/** A SurveyJS element (question or html block), as JSON. */
export type ElementJson = { type: string; name: string } & Record<string, unknown>;

/** One item of a bank survey. */
export interface BankItem {
  /** The audiences who are asked this item (their version of the survey contains it). */
  readonly for: readonly Audience[];
  /**
   * A sensitive item offers "Prefer not to say" (tests hold every sensitive item to it). True
   * for every safeguarding question; false for consent, audit facts and polls.
   */
  readonly sensitive: boolean;
  /**
   * Whether audiences' answers are compared (default true for questions). Consent is not a
   * construct to compare.
   */
  readonly compare?: boolean;
  /** Values that count as "agree" (or "happens", "yes") in a comparison's top-box grouping. */
  readonly agree?: readonly string[];
  /** The SurveyJS element; its `visibleIf` (if any) is a condition on answers, not audience. */
  readonly element: ElementJson;
}

/** One page of a bank survey. */
export interface BankPage {
  readonly name: string;
  readonly title: LocalisableText;
  readonly description?: LocalisableText;
  /** A condition on answers (e.g. consent), shared by every audience. */
  readonly visibleIf?: string;
  readonly items: readonly BankItem[];
}

/** A bank survey as written: metadata, survey-level strings and pages of items. */
export interface BankSurvey {
  readonly id: string;
  readonly title: LocalisableText;
  readonly description?: LocalisableText;
  readonly audiences: readonly Audience[];
  /** Start page text (HTML), shown before the first question; per audience. */
  readonly intro?: LocalisableText;
  readonly completedHtml: LocalisableText;
  /** Survey-level SurveyJS settings (navigation words, progress bar, ...). */
  readonly settings: Record<string, unknown>;
  readonly pages: readonly BankPage[];
}
