/**
 * Reads a SurveyJS definition (the JSON that SurveyJS Creator saves) into the question
 * descriptors a tally needs, without loading survey-core: the aggregate package must stay
 * small enough for a worker, and a partnership's server may have no use for the survey model.
 * The defaults mirror survey-core 3.1.1 (the test checks them against the real model).
 */
import type { Category, CategorySpecial, DefinitionDescriptor, QuestionDescriptor } from './types.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Question types whose value is not an answer (layout, media). */
const NO_VALUE_TYPES = new Set(['html', 'image', 'panel', 'flowpanel', 'empty']);

/**
 * Text of a localisable string: a plain string, or `{ default, en, cy, … }` where we take
 * `default`, then `en`, then the first string.
 */
function localText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value)) {
    for (const key of ['default', 'en']) {
      const text = value[key];
      if (typeof text === 'string') return text;
    }
    for (const text of Object.values(value)) if (typeof text === 'string') return text;
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
    value = item['value'];
    label = localText(item['text']);
  }
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  const category: Category = { value: String(value) };
  if (label !== undefined && label !== category.value) category.label = label;
  if (isPreferNotToSay(category.value, label)) category.special = 'preferNotToSay';
  return category;
}

function categories(items: unknown): Category[] {
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
function addSpecialItem(
  list: Category[],
  question: Json,
  flags: string[],
  textKey: string,
  value: string,
  special?: CategorySpecial,
): void {
  if (!flags.some((flag) => question[flag] === true)) return;
  if (list.some((category) => category.value === value)) return;
  const category: Category = { value };
  const label = localText(question[textKey]);
  if (label !== undefined) category.label = label;
  if (special) category.special = special;
  list.push(category);
}

function selectBaseCategories(question: Json): Category[] {
  const list = categories(question['choices']);
  addSpecialItem(list, question, ['showNoneItem', 'hasNone'], 'noneText', 'none', 'none');
  addSpecialItem(list, question, ['showRefuseItem', 'hasRefuse'], 'refuseText', 'refused', 'preferNotToSay');
  addSpecialItem(list, question, ['showDontKnowItem', 'hasDontKnow'], 'dontKnowText', 'dontknow');
  addSpecialItem(list, question, ['showOtherItem', 'hasOther'], 'otherText', 'other', 'other');
  return list;
}

function ratingCategories(question: Json): Category[] {
  const fromValues = categories(question['rateValues']);
  if (fromValues.length > 0) return fromValues;
  const number = (key: string, fallback: number) => {
    const value = question[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  };
  const min = number('rateMin', 1);
  const max = number('rateMax', 5);
  const step = number('rateStep', 1);
  const out: Category[] = [];
  // Guard against a hostile definition asking for millions of categories.
  if (step <= 0 || (max - min) / step > 1000) return out;
  for (let value = min; value <= max + step / 1e9; value += step) {
    out.push({ value: String(Math.round(value * 1e9) / 1e9) });
  }
  for (const category of out) {
    const label = category.value;
    if (isPreferNotToSay(label)) category.special = 'preferNotToSay';
  }
  return out;
}

function booleanCategories(question: Json): Category[] {
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

function describe(question: Json, type: string, name: string): QuestionDescriptor {
  const title = localText(question['title']);
  const base = title !== undefined ? { name, type, title } : { name, type };
  switch (type) {
    case 'radiogroup':
    case 'dropdown':
    case 'buttongroup':
      return { ...base, kind: 'choice', categories: selectBaseCategories(question), ...otherIsText(question) };
    case 'imagepicker':
      return {
        ...base,
        kind: question['multiSelect'] === true ? 'multi' : 'choice',
        categories: selectBaseCategories(question),
      };
    case 'checkbox':
    case 'tagbox':
      return { ...base, kind: 'multi', categories: selectBaseCategories(question), ...otherIsText(question) };
    case 'boolean':
      return { ...base, kind: 'choice', categories: booleanCategories(question) };
    case 'rating':
      return { ...base, kind: 'choice', categories: ratingCategories(question) };
    case 'ranking':
      return { ...base, kind: 'ranking', categories: categories(question['choices']) };
    case 'matrix':
      return { ...base, kind: 'matrix', rows: categories(question['rows']), columns: categories(question['columns']) };
    case 'text': {
      const inputType = question['inputType'];
      return { ...base, kind: inputType === 'number' || inputType === 'range' ? 'numeric' : 'text' };
    }
    case 'slider':
      return { ...base, kind: 'numeric' };
    default:
      // comment, multipletext, expression, matrixdropdown, matrixdynamic, paneldynamic, file,
      // signaturepad, custom types: counted as answered or not, never broken down.
      return { ...base, kind: 'text' };
  }
}

/** With `storeOthersAsComment: false` the "Other" text is stored as the value itself. */
function otherIsText(question: Json): { otherIsText?: true } {
  const hasOther = question['showOtherItem'] === true || question['hasOther'] === true;
  return hasOther && question['storeOthersAsComment'] === false ? { otherIsText: true } : {};
}

/**
 * 64-bit FNV-1a of a string, as 16 hex digits: a stable fingerprint without crypto APIs
 * (which are async in the browser). Not a security measure: it only keeps honest tallies of
 * different definitions apart.
 */
export function fingerprint(text: string): string {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x01000193 | 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h1 >>> 15);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(h1) + hex(h2);
}

/** The part of a descriptor that decides whether two tallies count the same things. */
function shape(question: QuestionDescriptor): unknown {
  const values = (list: Category[]) => list.map((category) => category.value);
  switch (question.kind) {
    case 'matrix':
      return [question.name, question.kind, values(question.rows), values(question.columns)];
    case 'numeric':
    case 'text':
      return [question.name, question.kind];
    default:
      return [question.name, question.kind, values(question.categories)];
  }
}

/** The fingerprint of a list of descriptors: what `merge` compares. */
export function fingerprintQuestions(questions: readonly QuestionDescriptor[]): string {
  return fingerprint(JSON.stringify(questions.map(shape)));
}

/**
 * Reads a SurveyJS definition into question descriptors: pages and panels are flattened,
 * choices, rows, columns and rating scales resolved (with `choicesFromQuestion`), special
 * items ("Other", "None", "Refuse", "Don't know") added as categories, and `-Comment` keys
 * recorded so that their free text is never mistaken for an unknown question.
 *
 * Accepts the definition object or its JSON text. Throws a `TypeError` on anything that is
 * not a definition object; ignores malformed elements inside it.
 */
export function readDefinition(definition: unknown): DefinitionDescriptor {
  const root: unknown = typeof definition === 'string' ? JSON.parse(definition) : definition;
  if (!isObject(root)) throw new TypeError('A survey definition must be an object.');
  const questions: QuestionDescriptor[] = [];
  const raw: Json[] = [];
  const ignoredKeys = new Set<string>();
  const names = new Set<string>();

  const visit = (elements: unknown, depth: number) => {
    if (!Array.isArray(elements) || depth > 32) return;
    for (const element of elements) {
      if (!isObject(element)) continue;
      const type = typeof element['type'] === 'string' ? element['type'] : '';
      if (type === 'panel' || type === 'flowpanel') {
        visit(element['elements'], depth + 1);
        continue;
      }
      if (NO_VALUE_TYPES.has(type)) continue;
      const valueName = element['valueName'];
      const ownName = element['name'];
      const name = typeof valueName === 'string' && valueName !== '' ? valueName : ownName;
      if (typeof name !== 'string' || name === '' || type === '' || names.has(name)) continue;
      names.add(name);
      raw.push(element);
      questions.push(describe(element, type, name));
      // survey-core stores "Other" text and comment areas under `<name>-Comment`.
      ignoredKeys.add(`${name}-Comment`);
    }
  };

  if (Array.isArray(root['pages'])) {
    for (const page of root['pages']) if (isObject(page)) visit(page['elements'] ?? page['questions'], 0);
  }
  visit(root['elements'], 0);
  visit(root['questions'], 0);

  // choicesFromQuestion: copy the source's choices (mode "all"; "selected" is a subset of
  // them, so counting against all choices never loses a value).
  const byName = new Map(questions.map((question, index) => [question.name, index] as const));
  raw.forEach((element, index) => {
    const source = element['choicesFromQuestion'];
    const target = questions[index];
    const ownChoices = element['choices'];
    if (typeof source !== 'string' || !target || !('categories' in target) || (Array.isArray(ownChoices) && ownChoices.length > 0)) return;
    const from = raw[byName.get(source) ?? -1];
    // Like survey-core: the source's own choices, plus the target's own special items.
    if (from && Array.isArray(from['choices'])) {
      questions[index] = describe({ ...element, choices: from['choices'] }, String(element['type']), target.name);
    }
  });

  const survey = localText(root['title']) ?? (typeof root['id'] === 'string' ? root['id'] : undefined);
  const descriptor: DefinitionDescriptor = {
    fingerprint: fingerprintQuestions(questions),
    questions,
    ignoredKeys: [...ignoredKeys].filter((key) => !names.has(key)),
  };
  if (survey !== undefined) descriptor.survey = survey;
  return descriptor;
}
