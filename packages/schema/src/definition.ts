/**
 * Reading a SurveyJS definition (the JSON SurveyJS Creator saves) without survey-core: the
 * questions in order, with their data keys, choices, rows, columns and rating scales resolved
 * the way survey-core 3.1.1 resolves them (aggregate's test compares them with the real model).
 * The collector validates answers and aggregate tallies them from this one reading.
 */

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** survey-core's suffix for the free text of "Other" and comment areas (`settings.commentSuffix`). */
export const COMMENT_SUFFIX = '-Comment';

/**
 * Why a choice is special. Analysts usually exclude `preferNotToSay` from a base, `other`
 * stands for the free-text "Other (please specify)" item (its text is never tallied), and
 * `none` is the exclusive "None of these" item of a multi-select.
 */
export type CategorySpecial = 'preferNotToSay' | 'other' | 'none';

/** One category (choice, matrix row or column) as defined in the survey definition. */
export interface Category {
  /** The stored value, as a string (`1` and `"1"` are the same category). */
  value: string;
  /** The display text in the definition's default locale, when it differs from the value. */
  label?: string;
  /** Set for categories with a meaning analysts treat differently. */
  special?: CategorySpecial;
}

/** Keys of a localisable string that are wording for an audience (`x-parent`, `cy-x-staff`). */
const AUDIENCE_KEY = /(^|-)x-[a-z0-9]+$/i;

/**
 * Text of a localisable string in the default language, shared by every audience: a plain
 * string, or `{ default, en, cy, x-parent, … }` where we take `default`, then `en`, then the
 * first language key. Audience wording (`x-…` keys) is never taken for the shared label.
 */
export function localText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value)) {
    for (const key of ['default', 'en']) {
      const text = value[key];
      if (typeof text === 'string') return text;
    }
    for (const [key, text] of Object.entries(value)) if (typeof text === 'string' && !AUDIENCE_KEY.test(key)) return text;
  }
  return undefined;
}

const PREFER_NOT_TO_SAY = /\b(prefer(red)? not to (say|answer|tell)|rather not (say|answer)|do not want to (say|answer)|don'?t want to (say|answer)|refused?)\b/;

/**
 * Whether a choice means "prefer not to say": by value (`prefer_not_to_say`, `pnts`,
 * `refused`, …) or by its default-locale text. Analysts keep it apart from real answers.
 */
export function isPreferNotToSay(value: string, label?: string): boolean {
  const normalise = (text: string) => text.toLowerCase().replace(/[^a-z']+/g, ' ').trim();
  if (value.toLowerCase() === 'pnts') return true;
  return PREFER_NOT_TO_SAY.test(normalise(value)) || (label !== undefined && PREFER_NOT_TO_SAY.test(normalise(label)));
}

/** A choice item (`"a"`, `3`, or `{ value, text }`) as a category; `undefined` if malformed. */
function toCategory(item: unknown): Category | undefined {
  let value: unknown = item;
  let label: string | undefined;
  if (isObject(item)) {
    value = item['value'] ?? item['name'];
    label = localText(item['text'] ?? item['title']);
  }
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  const category: Category = { value: String(value) };
  if (label !== undefined && label !== category.value) category.label = label;
  if (isPreferNotToSay(category.value, label)) category.special = 'preferNotToSay';
  return category;
}

/** Categories of a list of items (choices, rows, columns), first of each value kept. */
export function categories(items: unknown): Category[] {
  const out: Category[] = [];
  const seen = new Set<string>();
  if (!Array.isArray(items)) return out;
  for (const item of items) {
    const category = toCategory(item);
    if (category && !seen.has(category.value)) {
      seen.add(category.value);
      out.push(category);
    }
  }
  return out;
}

/** Adds a special item ("Other", "None", "Refuse", "Don't know") if the question shows it. */
function addSpecialItem(list: Category[], question: Json, flags: string[], textKey: string, value: string, special?: CategorySpecial): void {
  if (!flags.some((flag) => question[flag] === true)) return;
  if (list.some((category) => category.value === value)) return;
  const category: Category = { value };
  const label = localText(question[textKey]);
  if (label !== undefined) category.label = label;
  if (special) category.special = special;
  list.push(category);
}

/** Whether the question shows "Other (please specify)". */
export const hasOther = (question: Json): boolean => question['showOtherItem'] === true || question['hasOther'] === true;

/** Whether a question keeps free text under `<name>-Comment` ("Other" text or a comment area). */
export const hasCommentKey = (question: Json): boolean =>
  hasOther(question) || question['showCommentArea'] === true || question['hasComment'] === true;

/** Choices of a select-base question (radiogroup, checkbox, dropdown, tagbox, imagepicker) with its special items. */
export function selectBaseCategories(question: Json): Category[] {
  const list = categories(question['choices']);
  addSpecialItem(list, question, ['showNoneItem', 'hasNone'], 'noneText', 'none', 'none');
  addSpecialItem(list, question, ['showRefuseItem', 'hasRefuse'], 'refuseText', 'refused', 'preferNotToSay');
  addSpecialItem(list, question, ['showDontKnowItem', 'hasDontKnow'], 'dontKnowText', 'dontknow');
  addSpecialItem(list, question, ['showOtherItem', 'hasOther'], 'otherText', 'other', 'other');
  return list;
}

/** The values of a rating scale: `rateValues`, else `rateMin`…`rateMax` by `rateStep` (1…5 by 1). */
export function ratingCategories(question: Json): Category[] {
  const fromValues = categories(question['rateValues']);
  if (fromValues.length > 0) return fromValues;
  const number = (key: string, fallback: number) => {
    const value = question[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  };
  const min = number('rateMin', 1);
  const step = number('rateStep', 1);
  const max = number('rateMax', 5);
  const out: Category[] = [];
  // Guard against a hostile definition asking for millions of categories.
  if (step <= 0 || (max - min) / step > 1000) return out;
  for (let value = min; value <= max + step / 1e9; value += step) out.push({ value: String(Math.round(value * 1e9) / 1e9) });
  return out;
}

/** `valueTrue` / `valueFalse` (default `true` / `false`) with their labels. */
export function booleanCategories(question: Json): Category[] {
  const scalar = (value: unknown, fallback: string) =>
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : fallback;
  const yes: Category = { value: scalar(question['valueTrue'], 'true') };
  const no: Category = { value: scalar(question['valueFalse'], 'false') };
  const labelTrue = localText(question['labelTrue']);
  const labelFalse = localText(question['labelFalse']);
  if (labelTrue !== undefined) yes.label = labelTrue;
  if (labelFalse !== undefined) no.label = labelFalse;
  return [yes, no];
}

/** The element types that only group others: their children are questions of the survey. */
export const CONTAINER_TYPES = new Set(['panel', 'flowpanel']);

/** One element of a definition that has a data key: a question (or a decoration with a name). */
export interface DefinitionElement {
  /** The data key: `valueName` if set, else `name`. */
  name: string;
  /** The SurveyJS type, as written. */
  type: string;
  /** The element as written in the definition (with `choicesFromQuestion` resolved into `choices`). */
  json: Json;
}

/**
 * The elements of a list (a page, a panel, a dynamic panel's template) that carry a data key, in
 * order: panels flattened, later duplicates of a key ignored (survey-core keeps the first too).
 */
export function flattenElements(elements: unknown, depth = 0, out: DefinitionElement[] = [], names = new Set<string>()): DefinitionElement[] {
  if (!Array.isArray(elements) || depth > 32) return out;
  for (const element of elements) {
    if (!isObject(element)) continue;
    const type = typeof element['type'] === 'string' ? element['type'] : '';
    if (CONTAINER_TYPES.has(type)) {
      flattenElements(element['elements'], depth + 1, out, names);
      continue;
    }
    const valueName = element['valueName'];
    const ownName = element['name'];
    const name = typeof valueName === 'string' && valueName !== '' ? valueName : ownName;
    if (typeof name !== 'string' || name === '' || type === '' || names.has(name)) continue;
    names.add(name);
    out.push({ name, type, json: element });
  }
  resolveChoicesFromQuestion(out);
  return out;
}

/**
 * `choicesFromQuestion`: copy the source's choices (mode "all"; "selected" is a subset of them,
 * so checking against all of them never refuses or loses a value), keeping the target's own
 * special items, as survey-core does.
 */
function resolveChoicesFromQuestion(elements: DefinitionElement[]): void {
  const byName = new Map(elements.map((element) => [String(element.json['name']), element] as const));
  for (const element of elements) {
    const source = element.json['choicesFromQuestion'];
    const own = element.json['choices'];
    if (typeof source !== 'string' || (Array.isArray(own) && own.length > 0)) continue;
    const from = byName.get(source);
    if (from && Array.isArray(from.json['choices'])) element.json = { ...element.json, choices: from.json['choices'] };
  }
}

/** Every element with a data key in a whole definition (pages, then `elements`, then `questions`). */
export function definitionElements(root: Json): DefinitionElement[] {
  const out: DefinitionElement[] = [];
  const names = new Set<string>();
  if (Array.isArray(root['pages'])) {
    for (const page of root['pages']) if (isObject(page)) flattenElements(page['elements'] ?? page['questions'], 0, out, names);
  }
  flattenElements(root['elements'], 0, out, names);
  flattenElements(root['questions'], 0, out, names);
  resolveChoicesFromQuestion(out);
  return out;
}

/**
 * A JSON text of the definition with keys sorted at every level: two definitions that differ
 * only in key order or white space have the same canonical text (and so the same version).
 */
export function canonicalDefinition(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalDefinition).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).filter((key) => value[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalDefinition(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
