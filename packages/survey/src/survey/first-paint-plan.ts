/**
 * Which first page `<pv-survey>` may draw straight from the SurveyJS JSON while survey-core is
 * still downloading, and what that page says. Pure data, no DOM and no survey-core: this module
 * is part of the embed entry.
 *
 * The rule is strict on purpose: a page is painted early only when everything on it can be
 * worked out from the JSON alone exactly as survey-core would show it. Anything that needs the
 * expression engine (`visibleIf`, `enableIf`, `requiredIf`, piped `{name}` text, calculated
 * values, triggers), data from elsewhere (`choicesByUrl`), random order, or a property this
 * module does not know makes the page wait for the model, as every page did before. Unknown
 * keys are refused rather than ignored, so a new SurveyJS feature never paints wrongly.
 */

/** A value survey-core stores for a choice. */
export type EarlyValue = string | number | boolean;

/** One choice of a choice question, or one step of a rating scale. */
export interface EarlyChoice {
  readonly value: EarlyValue;
  readonly text: string;
}

interface EarlyQuestionBase {
  readonly name: string;
  /** The title (survey-core shows the name when there is none). */
  readonly title: string;
  readonly description?: string;
  readonly isRequired: boolean;
}

/** A question the early page can draw, by kind. */
export type EarlyQuestion =
  | (EarlyQuestionBase & { readonly kind: 'radiogroup' | 'checkbox'; readonly choices: readonly EarlyChoice[]; readonly colCount: number })
  | (EarlyQuestionBase & { readonly kind: 'rating'; readonly choices: readonly EarlyChoice[]; readonly minDescription?: string; readonly maxDescription?: string })
  | (EarlyQuestionBase & { readonly kind: 'boolean'; readonly labelTrue: string; readonly labelFalse: string })
  | (EarlyQuestionBase & { readonly kind: 'text'; readonly placeholder?: string })
  | (EarlyQuestionBase & { readonly kind: 'comment'; readonly placeholder?: string; readonly rows: number })
  | (EarlyQuestionBase & { readonly kind: 'dropdown'; readonly choices: readonly EarlyChoice[]; readonly placeholder: string; readonly allowClear: boolean })
  | (EarlyQuestionBase & {
      readonly kind: 'matrix';
      /** Statements: `value` is the key of the row's answer in the question's value. */
      readonly rows: readonly EarlyChoice[];
      readonly columns: readonly EarlyChoice[];
      readonly showHeader: boolean;
      /** `eachRowRequired`: each row's group is marked required. */
      readonly eachRowRequired: boolean;
    })
  /** Instructions (sanitised HTML, no title): the usual opening of a start page. */
  | (EarlyQuestionBase & { readonly kind: 'html'; readonly html: string });

/** The first page as the early renderer draws it. */
export interface EarlyPage {
  readonly surveyTitle?: string;
  readonly surveyDescription?: string;
  readonly showProgressBar: boolean;
  /** Pages survey-core will show (none of them can be hidden by an expression). */
  readonly pageCount: number;
  readonly pageTitle?: string;
  readonly pageDescription?: string;
  readonly questions: readonly EarlyQuestion[];
  /** "Next", or "Complete" on a one-page survey, or "Start" on a start page (or the definition's own words). */
  readonly buttonText: string;
  readonly isLastPage: boolean;
  /** The page is the start page (`firstPageIsStartPage`): no progress, and a Start button. */
  readonly isStartPage: boolean;
}

/** The plan: a page to paint, or why the first page waits for the model. */
export type FirstPaintPlan = { readonly page: EarlyPage } | { readonly reason: string };

const SURVEY_KEYS = new Set([
  'title',
  'description',
  'pages',
  'elements',
  'showProgressBar',
  'progressBarType',
  'completedHtml',
  'completedBeforeHtml',
  'loadingHtml',
  'showQuestionNumbers',
  'locale',
  'textUpdateMode',
  'pageNextText',
  'pagePrevText',
  'completeText',
  'showPrevButton',
  'widthMode',
  'width',
  'version',
  'definitionVersion',
  'showCompletedPage',
  'questionErrorLocation',
  'surveyId',
  'name',
  'firstPageIsStartPage',
  'startSurveyText',
]);
const PAGE_KEYS = new Set(['name', 'title', 'description', 'elements', 'navigationTitle', 'navigationDescription']);
/** Keys that change only validation or the response's wording, which wait for the model anyway. */
const COMMON_KEYS = new Set([
  'type',
  'name',
  'title',
  'description',
  'isRequired',
  'requiredErrorText',
  'validators',
  'width',
  'minWidth',
  'maxWidth',
  'startWithNewLine',
  'hideNumber',
  'sensitive',
  'audience',
]);
const TYPE_KEYS: Record<EarlyQuestion['kind'], ReadonlySet<string>> = {
  radiogroup: new Set(['choices', 'colCount']),
  checkbox: new Set(['choices', 'colCount']),
  rating: new Set(['rateCount', 'rateMin', 'rateMax', 'rateStep', 'minRateDescription', 'maxRateDescription', 'rateValues']),
  boolean: new Set(['labelTrue', 'labelFalse']),
  text: new Set(['placeholder', 'inputType']),
  comment: new Set(['placeholder', 'rows']),
  dropdown: new Set(['choices', 'placeholder', 'allowClear']),
  matrix: new Set(['columns', 'rows', 'showHeader', 'isAllRowRequired', 'eachRowRequired', 'eachRowUnique']),
  html: new Set(['html']),
};

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Thrown inside the planner to say why the page waits; never leaves this module. */
class Declined extends Error {}

function decline(reason: string): never {
  throw new Declined(reason);
}

/**
 * Plain text of a SurveyJS localizable string for the default (English) locale, or undefined
 * when absent. Piped text (`{name}`) needs the model, and so does markdown-like HTML; both
 * decline.
 */
function text(value: unknown, where: string): string | undefined {
  if (value === undefined) return undefined;
  let plain: unknown = value;
  if (isObject(value)) plain = value['default'] ?? value['en'];
  if (typeof plain === 'number') plain = String(plain);
  if (typeof plain !== 'string') return decline(`${where} is not plain text`);
  if (plain.includes('{')) return decline(`${where} pipes a value ({…})`);
  return plain;
}

function onlyKeys(json: Json, allowed: ReadonlySet<string>, where: string): void {
  for (const key of Object.keys(json)) {
    if (!allowed.has(key)) decline(`${where} has "${key}"`);
  }
}

function choice(raw: unknown, where: string): EarlyChoice {
  if (typeof raw === 'string') {
    // survey-core reads "value|text" in a string choice.
    if (raw.includes('|')) return decline(`${where} uses "value|text"`);
    return { value: raw, text: text(raw, where) ?? raw };
  }
  if (typeof raw === 'number' || typeof raw === 'boolean') return { value: raw, text: String(raw) };
  if (isObject(raw)) {
    onlyKeys(raw, new Set(['value', 'text']), where);
    const value = raw['value'];
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return decline(`${where} has no plain value`);
    return { value, text: text(raw['text'], where) ?? String(value) };
  }
  return decline(`${where} is not a choice`);
}

function choices(raw: unknown, where: string): EarlyChoice[] {
  if (!Array.isArray(raw) || raw.length === 0) return decline(`${where} has no choices`);
  const list = raw.map((item, index) => choice(item, `${where} choice ${index + 1}`));
  if (new Set(list.map((item) => item.value)).size !== list.length) return decline(`${where} repeats a choice value`);
  return list;
}

function flag(value: unknown, fallback: boolean, where: string): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') return decline(`${where} is not true or false`);
  return value;
}

function integer(value: unknown, fallback: number, where: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value)) return decline(`${where} is not a whole number`);
  return value;
}

/** The steps of a rating scale, as survey-core computes them (rateMin..rateMax by rateStep). */
function ratingChoices(json: Json, where: string): EarlyChoice[] {
  if (json['rateValues'] !== undefined) {
    const values = json['rateValues'];
    if (Array.isArray(values) && values.length > 0) return choices(values, where);
  }
  const min = integer(json['rateMin'], 1, `${where} rateMin`);
  const max = integer(json['rateMax'], 5, `${where} rateMax`);
  const step = integer(json['rateStep'], 1, `${where} rateStep`);
  if (step <= 0 || max < min) return decline(`${where} has an unusual scale`);
  const steps: EarlyChoice[] = [];
  for (let value = min; value <= max; value += step) steps.push({ value, text: String(value) });
  // survey-core reconciles rateCount with rateMin/rateMax in ways that depend on key order:
  // only a count that agrees with the range is drawn early.
  if (json['rateCount'] !== undefined && json['rateCount'] !== steps.length) return decline(`${where} rateCount disagrees with its range`);
  return steps;
}

function question(json: unknown, index: number): EarlyQuestion {
  const where = `question ${index + 1}`;
  if (!isObject(json)) return decline(`${where} is not an object`);
  const kind = json['type'];
  if (typeof kind !== 'string' || !(kind in TYPE_KEYS)) return decline(`${where} is a ${String(kind)}`);
  const type = kind as EarlyQuestion['kind'];
  const allowed = new Set([...COMMON_KEYS, ...TYPE_KEYS[type]]);
  onlyKeys(json, allowed, where);
  const name = json['name'] ?? (type === 'html' ? '' : undefined);
  if (typeof name !== 'string' || (!name && type !== 'html')) return decline(`${where} has no name`);
  if (json['isRequired'] !== undefined && typeof json['isRequired'] !== 'boolean') return decline(`${where} isRequired is not true or false`);
  const base = {
    name,
    title: text(json['title'], `${where} title`) || name,
    description: text(json['description'], `${where} description`) || undefined,
    isRequired: json['isRequired'] === true,
  };
  switch (type) {
    case 'radiogroup':
    case 'checkbox':
      return { ...base, kind: type, choices: choices(json['choices'], where), colCount: integer(json['colCount'], 1, `${where} colCount`) };
    case 'rating':
      return {
        ...base,
        kind: type,
        choices: ratingChoices(json, where),
        minDescription: text(json['minRateDescription'], `${where} minRateDescription`) || undefined,
        maxDescription: text(json['maxRateDescription'], `${where} maxRateDescription`) || undefined,
      };
    case 'boolean':
      return {
        ...base,
        kind: type,
        labelTrue: text(json['labelTrue'], `${where} labelTrue`) || 'Yes',
        labelFalse: text(json['labelFalse'], `${where} labelFalse`) || 'No',
      };
    case 'text': {
      const inputType = json['inputType'];
      if (inputType !== undefined && inputType !== 'text') return decline(`${where} has inputType ${String(inputType)}`);
      return { ...base, kind: type, placeholder: text(json['placeholder'], `${where} placeholder`) || undefined };
    }
    case 'comment':
      return {
        ...base,
        kind: type,
        placeholder: text(json['placeholder'], `${where} placeholder`) || undefined,
        rows: integer(json['rows'], 4, `${where} rows`),
      };
    case 'dropdown':
      return {
        ...base,
        kind: type,
        choices: choices(json['choices'], where),
        // survey-core's own English prompt.
        placeholder: text(json['placeholder'], `${where} placeholder`) || 'Select...',
        allowClear: flag(json['allowClear'], true, `${where} allowClear`),
      };
    case 'matrix': {
      const rows = choices(json['rows'], `${where} rows`);
      // A row's answer is kept under its value as an object key: only text keys are drawn early.
      if (rows.some((row) => typeof row.value !== 'string')) return decline(`${where} has a row whose value is not text`);
      return {
        ...base,
        kind: type,
        rows,
        columns: choices(json['columns'], `${where} columns`),
        showHeader: flag(json['showHeader'], true, `${where} showHeader`),
        eachRowRequired: flag(json['eachRowRequired'] ?? json['isAllRowRequired'], false, `${where} eachRowRequired`),
      };
    }
    case 'html': {
      // No title or description: survey-core shows neither for an html block.
      if (json['title'] !== undefined || json['description'] !== undefined) return decline(`${where} is an html block with a title`);
      const content = json['html'];
      if (typeof content !== 'string') return decline(`${where} has no plain html`);
      if (content.includes('{')) return decline(`${where} pipes a value ({…})`);
      return { ...base, kind: type, html: content };
    }
  }
}

/** Whether survey-core will show a page: one with anything on it that no expression can hide. */
function pageShows(page: unknown): boolean {
  if (!isObject(page)) return false;
  if (page['visibleIf'] !== undefined || page['visible'] === false) decline('a page can be hidden, so the page count needs the model');
  const elements = page['elements'];
  if (!Array.isArray(elements) || elements.length === 0) return false;
  if (elements.every((element) => isObject(element) && (element['visibleIf'] !== undefined || element['visible'] === false))) {
    decline('a page may have nothing visible, so the page count needs the model');
  }
  return true;
}

function planPage(definition: unknown): EarlyPage {
  if (!isObject(definition)) return decline('the definition is not an object');
  onlyKeys(definition, SURVEY_KEYS, 'the survey');
  const locale = definition['locale'];
  if (locale !== undefined && locale !== '' && locale !== 'en') decline(`the survey's locale is ${String(locale)}`);
  const numbers = definition['showQuestionNumbers'];
  if (numbers !== undefined && numbers !== 'off' && numbers !== false) decline('question numbers need the model');
  const progressType = definition['progressBarType'];
  if (progressType !== undefined && progressType !== 'pages') decline(`progress by ${String(progressType)} needs the model`);
  const progress = definition['showProgressBar'];
  if (progress !== undefined && typeof progress !== 'boolean' && progress !== 'top' && progress !== 'off') {
    decline(`showProgressBar "${String(progress)}" is not drawn early`);
  }
  let pages: unknown[];
  if (Array.isArray(definition['pages'])) {
    if (definition['elements'] !== undefined) decline('the survey has both pages and elements');
    pages = definition['pages'];
  } else if (Array.isArray(definition['elements'])) {
    pages = [{ elements: definition['elements'] }];
  } else {
    return decline('the survey has no pages');
  }
  const shown = pages.filter(pageShows);
  const first = pages[0];
  if (!isObject(first) || shown[0] !== first) return decline('the first page is empty');
  onlyKeys(first, PAGE_KEYS, 'the first page');
  const questions = (first['elements'] as unknown[]).map(question);
  if (new Set(questions.map((q) => q.name)).size !== questions.length) decline('two questions on the first page share a name');
  // A start page is drawn with its Start button; survey-core counts the pages after it.
  const isStartPage = flag(definition['firstPageIsStartPage'], false, 'firstPageIsStartPage');
  if (isStartPage && shown.length < 2) decline('a start page with no page after it');
  const isLastPage = !isStartPage && shown.length === 1;
  return {
    surveyTitle: text(definition['title'], 'the survey title') || undefined,
    surveyDescription: text(definition['description'], 'the survey description') || undefined,
    showProgressBar: !isStartPage && (progress === true || progress === 'top'),
    pageCount: isStartPage ? shown.length - 1 : shown.length,
    pageTitle: text(first['title'], 'the page title') || undefined,
    pageDescription: text(first['description'], 'the page description') || undefined,
    questions,
    buttonText: isStartPage
      ? (text(definition['startSurveyText'], 'startSurveyText') ?? 'Start')
      : isLastPage
        ? (text(definition['completeText'], 'completeText') ?? 'Complete')
        : (text(definition['pageNextText'], 'pageNextText') ?? 'Next'),
    isLastPage,
    isStartPage,
  };
}

/**
 * The first page to draw from the JSON alone, or the reason it must wait for survey-core.
 * Surveys with an audience (whose definition the preset rewrites and which open on an intro)
 * are decided by the caller.
 */
export function planFirstPaint(definition: unknown): FirstPaintPlan {
  try {
    return { page: planPage(definition) };
  } catch (error) {
    if (error instanceof Declined) return { reason: error.message };
    throw error;
  }
}
