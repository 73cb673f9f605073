/**
 * The question bank's public API: list the surveys, get one as plain SurveyJS JSON for one
 * audience and language, get the whole authored definition (every audience, both languages),
 * and find the items two audiences share so `compare` can put them side by side.
 *
 * How audience-only items are kept apart: the authored definition (`getDefinition`) carries
 * them with SurveyJS's own `visibleIf` on the `{audience}` variable, as the audience wording
 * format prescribes, so one file serves every audience (the collector validates it, SurveyJS
 * Creator edits it). `getSurvey` goes further for one audience: it drops the items and pages
 * that audience is not asked, instead of leaving them hidden behind a condition, and resolves
 * the wording (`resolveAudience`) and the language, so what it returns is exactly what that
 * audience reads and needs no `audience` variable at all.
 */
import { isAudience, resolveAudience, type Audience } from '@pupil-voice/schema';
import { BANK_LANGUAGES, words, type BankItem, type BankLanguage, type BankPage, type BankSurvey, type LocalisableText } from './authoring.js';
import { feelingSafe } from './surveys/feeling-safe.js';
import { polls } from './surveys/polls.js';
import { schoolAudit } from './surveys/school-audit.js';

const SURVEYS: readonly BankSurvey[] = [feelingSafe, schoolAudit, ...polls];

/** One survey in the bank, as `listSurveys()` describes it. */
export interface BankSurveySummary {
  readonly id: string;
  /** The title in the requested language (English by default). */
  readonly title: string;
  readonly audiences: Audience[];
  readonly languages: BankLanguage[];
}

/** What the bank knows about one item (question) of a survey. */
export interface BankItemInfo {
  readonly name: string;
  readonly type: string;
  /** The audiences whose version contains the item. */
  readonly audiences: Audience[];
  /** Sensitive items offer "Prefer not to say". */
  readonly sensitive: boolean;
  /** Whether the item is meant to be compared across audiences. */
  readonly compare: boolean;
  /** Values counted together as "agree"/"happens"/"yes" (a top-box grouping), if any. */
  readonly agree?: string[];
}

/** Options of {@link getSurvey}. */
export interface GetSurveyOptions {
  /** Whose version; may be left out only for a survey written for one audience. */
  readonly audience?: Audience;
  /** `en` (default) or `cy`. */
  readonly locale?: string;
}

/** Thrown for an unknown survey id, audience or language; the message says what exists. */
export class QuestionBankError extends Error {
  override name = 'QuestionBankError';
}

function find(id: string): BankSurvey {
  const survey = SURVEYS.find((s) => s.id === id);
  if (!survey) throw new QuestionBankError(`No survey "${id}" in the question bank (there are: ${SURVEYS.map((s) => s.id).join(', ')}).`);
  return survey;
}

function language(locale: string | undefined): BankLanguage {
  const wanted = (locale ?? 'en').toLowerCase();
  const found = BANK_LANGUAGES.find((l) => l === wanted);
  if (!found) throw new QuestionBankError(`The question bank is written in ${BANK_LANGUAGES.join(' and ')}, not "${locale}".`);
  return found;
}

function audienceOf(survey: BankSurvey, audience: string | undefined): Audience {
  if (audience === undefined) {
    if (survey.audiences.length === 1) return survey.audiences[0]!;
    throw new QuestionBankError(`"${survey.id}" is written for ${survey.audiences.join(', ')}: say which audience.`);
  }
  if (!isAudience(audience) || !survey.audiences.includes(audience)) {
    throw new QuestionBankError(`"${survey.id}" has no version for "${audience}" (it has: ${survey.audiences.join(', ')}).`);
  }
  return audience;
}

const INTRO_TITLE = words(['Before you start', 'Cyn i ti ddechrau'], {
  parent: ['Before you start', 'Cyn i chi ddechrau'],
  staff: ['Before you start', 'Cyn i chi ddechrau'],
});

/** `{audience} anyof ['a', 'b']` for an item some of the survey's audiences are not asked. */
function audienceCondition(survey: BankSurvey, item: BankItem): string | undefined {
  if (survey.audiences.every((a) => item.for.includes(a))) return undefined;
  return `{audience} anyof [${item.for.map((a) => `'${a}'`).join(', ')}]`;
}

function elementJson(survey: BankSurvey, item: BankItem, audience: Audience | undefined): Record<string, unknown> {
  const element: Record<string, unknown> = { ...item.element };
  if (audience === undefined) {
    const own = typeof element['visibleIf'] === 'string' ? (element['visibleIf'] as string) : undefined;
    const byAudience = audienceCondition(survey, item);
    if (byAudience) element['visibleIf'] = own ? `(${byAudience}) and (${own})` : byAudience;
  }
  return element;
}

function pageJson(survey: BankSurvey, page: BankPage, audience: Audience | undefined): Record<string, unknown> | undefined {
  const items = page.items.filter((item) => audience === undefined || item.for.includes(audience));
  if (items.length === 0) return undefined;
  return {
    name: page.name,
    title: page.title,
    ...(page.description ? { description: page.description } : {}),
    ...(page.visibleIf ? { visibleIf: page.visibleIf } : {}),
    elements: items.map((item) => elementJson(survey, item, audience)),
  };
}

/** The definition before wording and language are resolved; every audience when `audience` is undefined. */
function build(survey: BankSurvey, audience: Audience | undefined): Record<string, unknown> {
  const pages: Record<string, unknown>[] = [];
  if (survey.intro) {
    pages.push({ name: 'before_you_start', title: INTRO_TITLE, elements: [{ type: 'html', name: 'intro', html: survey.intro }] });
  }
  for (const page of survey.pages) {
    const json = pageJson(survey, page, audience);
    if (json) pages.push(json);
  }
  return {
    title: survey.title,
    ...(survey.description ? { description: survey.description } : {}),
    ...survey.settings,
    ...(survey.intro ? {} : { firstPageIsStartPage: false }),
    completedHtml: survey.completedHtml,
    pages,
  };
}

const isLocalisable = (value: Record<string, unknown>): value is LocalisableText =>
  typeof value['default'] === 'string' && Object.values(value).every((v) => typeof v === 'string');

/** Every localisable string reduced to one language's plain text. */
function inLanguage(value: unknown, lang: BankLanguage): unknown {
  if (Array.isArray(value)) return value.map((v) => inLanguage(v, lang));
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Record<string, unknown>;
  if (isLocalisable(object)) return lang === 'en' ? object['default'] : (object[lang] ?? object['default']);
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, inLanguage(v, lang)]));
}

/** Every survey in the bank: id, title (in `locale`, default English), audiences and languages. */
export function listSurveys(options: { locale?: string } = {}): BankSurveySummary[] {
  const lang = language(options.locale);
  return SURVEYS.map((survey) => ({
    id: survey.id,
    title: inLanguage(survey.title, lang) as string,
    audiences: [...survey.audiences],
    languages: [...BANK_LANGUAGES],
  }));
}

/**
 * One survey as plain SurveyJS JSON for one audience and language: only the items and pages
 * that audience is asked, in its own wording, every string in that language (Welsh sets
 * `locale: "cy"` so survey-core's own words are Welsh too). A fresh object each call.
 */
export function getSurvey(id: string, options: GetSurveyOptions = {}): Record<string, unknown> {
  const survey = find(id);
  const audience = audienceOf(survey, options.audience);
  const lang = language(options.locale);
  const resolved = resolveAudience(build(survey, audience), audience);
  const json = inLanguage(resolved, lang) as Record<string, unknown>;
  return lang === 'en' ? json : { locale: lang, ...json };
}

/**
 * The survey as authored: every audience and both languages in one SurveyJS definition, with
 * wording per audience in `x-<audience>` keys and audience-only items behind
 * `visibleIf: "{audience} anyof [...]"` (see docs/audience-wording.md). This is what
 * `pupil-voice-collector bank copy` writes out to edit and serve.
 */
export function getDefinition(id: string): Record<string, unknown> {
  const survey = find(id);
  return build(survey, undefined);
}

/** The bank's knowledge of each question of a survey, in survey order. */
export function bankItems(id: string): BankItemInfo[] {
  const survey = find(id);
  return survey.pages.flatMap((page) =>
    page.items.map((item) => ({
      name: item.element.name,
      type: item.element.type,
      audiences: [...item.for],
      sensitive: item.sensitive,
      compare: item.compare ?? item.element.type !== 'html',
      ...(item.agree ? { agree: [...item.agree] } : {}),
    })),
  );
}

/**
 * The names of the questions both audiences answer and that are meant to be compared (not
 * consent), in survey order: pass them to `compare` as `questions`.
 */
export function matchedItems(id: string, audienceA: Audience, audienceB: Audience): string[] {
  const survey = find(id);
  audienceOf(survey, audienceA);
  audienceOf(survey, audienceB);
  return bankItems(id)
    .filter((item) => item.compare && item.audiences.includes(audienceA) && item.audiences.includes(audienceB))
    .map((item) => item.name);
}

/**
 * The top-box groupings of a survey's questions (e.g. `happens_sexist_names`: `a_lot`,
 * `sometimes`), in the shape `compare`'s `agree` option takes.
 */
export function agreeGroupings(id: string): Record<string, string[]> {
  return Object.fromEntries(bankItems(id).filter((item) => item.agree).map((item) => [item.name, item.agree!]));
}
