/**
 * The question types `<pv-survey>` renders, one descriptor each. `slider` and `matrixdynamic`
 * have none on purpose: `<pv-survey>` shows them as unsupported, so the collector refuses their
 * answers and aggregate does not tally them (never half supported).
 */
import {
  booleanCategories,
  categories,
  flattenElements,
  hasOther,
  isObject,
  localText,
  ratingCategories,
  selectBaseCategories,
  type Category,
  type DefinitionElement,
  type Json,
} from './definition.js';
import { QUESTION_ELEMENTS } from './question-elements.js';
import { isCalendarDay } from './wire.js';
import { AnswerError, QuestionTypes, type AnswerCheck, type CsvColumn, type Facet, type QuestionType } from './question-type.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** `"2"` and `2` are the same choice; anything else must be identical. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return (typeof a === 'number' || typeof a === 'string') && (typeof b === 'number' || typeof b === 'string') && String(a) === String(b);
}

/** The title of a question in the default language (shared wording), if it has one. */
const titleOf = (json: Json): string | undefined => localText(json['title']);

/** A facet of a question answered with one value: its name, type and title. */
function head(question: DefinitionElement): { name: string; type: string; title?: string } {
  const title = titleOf(question.json);
  return title === undefined ? { name: question.name, type: question.type } : { name: question.name, type: question.type, title };
}

/** With `storeOthersAsComment: false` (on the question or the survey) the "Other" text is the value itself. */
function otherTextInValue(question: Json, survey: Json): boolean {
  if (!hasOther(question)) return false;
  const own = question['storeOthersAsComment'];
  return own === false || (own !== true && survey['storeOthersAsComment'] === false);
}

function maxLengthOf(question: Json, survey: Json): number | undefined {
  for (const value of [question['maxLength'], survey['maxTextLength']]) {
    if (typeof value === 'number' && value > 0) return value;
  }
  return undefined;
}

function choiceList(question: DefinitionElement, value: unknown, field: string, check: AnswerCheck, allowed: Category[], max: number): void {
  if (!Array.isArray(value)) throw new AnswerError(field, 'must be an array of choice values');
  const otherText = otherTextInValue(question.json, check.survey);
  const seen: unknown[] = [];
  value.forEach((item, index) => {
    if (seen.some((other) => sameValue(other, item))) throw new AnswerError(`${field}[${index}]`, `${describe(item)} is listed twice`);
    seen.push(item);
    check.choice(allowed, item, `${field}[${index}]`, otherText);
  });
  if (max > 0 && value.length > max) throw new AnswerError(field, `at most ${max} choices may be selected`);
}

/** Single choice out of the question's choices (with Other, None, Refuse, Don't know). */
function singleChoice(type: 'radiogroup' | 'dropdown'): QuestionType {
  const element = QUESTION_ELEMENTS[type];
  return {
    type,
    element,
    value: 'one choice value',
    validate: (question, value, field, check) =>
      check.choice(selectBaseCategories(question.json), value, field, otherTextInValue(question.json, check.survey)),
    facets: (question) => [
      { ...head(question), kind: 'choice', categories: selectBaseCategories(question.json), ...(otherTextInValue(question.json, {}) ? { otherIsText: true as const } : {}) },
    ],
  };
}

/** Several choices out of the question's choices. */
function multipleChoice(type: 'checkbox' | 'tagbox'): QuestionType {
  const element = QUESTION_ELEMENTS[type];
  return {
    type,
    element,
    value: 'a list of choice values',
    validate: (question, value, field, check) => {
      const max = question.json['maxSelectedChoices'];
      choiceList(question, value, field, check, selectBaseCategories(question.json), typeof max === 'number' ? max : 0);
    },
    facets: (question) => [
      { ...head(question), kind: 'multi', categories: selectBaseCategories(question.json), ...(otherTextInValue(question.json, {}) ? { otherIsText: true as const } : {}) },
    ],
  };
}

const isNumberInput = (json: Json): boolean => json['inputType'] === 'number' || json['inputType'] === 'range';

function checkNumber(value: unknown, field: string): void {
  if (typeof value === 'number' && Number.isFinite(value)) return;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return;
  throw new AnswerError(field, 'must be a number');
}

const text: QuestionType = {
  type: 'text',
  element: QUESTION_ELEMENTS.text,
  value: 'a string; a number for inputType number or range; YYYY-MM-DD for date',
  validate(question, value, field, check) {
    switch (question.json['inputType']) {
      case 'number':
      case 'range':
        return checkNumber(value, field);
      case 'date':
        if (isCalendarDay(value)) return;
        throw new AnswerError(field, 'must be a date YYYY-MM-DD');
      case 'email':
        check.string(value, field, maxLengthOf(question.json, check.survey));
        if (!EMAIL.test(value as string)) throw new AnswerError(field, 'must be an e-mail address');
        return;
      default:
        check.string(value, field, maxLengthOf(question.json, check.survey));
    }
  },
  facets: (question) => [{ ...head(question), kind: isNumberInput(question.json) ? 'numeric' : 'text' }],
};

const comment: QuestionType = {
  type: 'comment',
  element: QUESTION_ELEMENTS.comment,
  value: 'a string',
  validate: (question, value, field, check) => check.string(value, field, maxLengthOf(question.json, check.survey)),
  facets: (question) => [{ ...head(question), kind: 'text' }],
};

const boolean: QuestionType = {
  type: 'boolean',
  element: QUESTION_ELEMENTS.boolean,
  value: 'valueTrue or valueFalse (true or false)',
  validate(question, value, field) {
    const valueTrue = question.json['valueTrue'] ?? true;
    const valueFalse = question.json['valueFalse'] ?? false;
    if (!sameValue(value, valueTrue) && !sameValue(value, valueFalse)) {
      throw new AnswerError(field, `must be ${describe(valueTrue)} or ${describe(valueFalse)}`);
    }
  },
  facets: (question) => [{ ...head(question), kind: 'choice', categories: booleanCategories(question.json) }],
};

const rating: QuestionType = {
  type: 'rating',
  element: QUESTION_ELEMENTS.rating,
  value: 'one value of the rating scale',
  validate(question, value, field) {
    const allowed = ratingCategories(question.json);
    if (!allowed.some((category) => sameValue(category.value, value))) {
      throw new AnswerError(field, `${describe(value)} is not on the rating scale (${allowed.map((c) => c.value).join(', ')})`);
    }
  },
  facets: (question) => [{ ...head(question), kind: 'choice', categories: ratingCategories(question.json) }],
};

const ranking: QuestionType = {
  type: 'ranking',
  element: QUESTION_ELEMENTS.ranking,
  value: 'the choice values in rank order',
  validate: (question, value, field, check) => choiceList(question, value, field, check, selectBaseCategories(question.json), 0),
  facets: (question) => [{ ...head(question), kind: 'ranking', categories: categories(question.json['choices']) }],
};

const imagepicker: QuestionType = {
  type: 'imagepicker',
  element: QUESTION_ELEMENTS.imagepicker,
  value: 'one choice value, or a list of them with multiSelect',
  validate(question, value, field, check) {
    if (question.json['multiSelect'] === true) choiceList(question, value, field, check, selectBaseCategories(question.json), 0);
    else check.choice(selectBaseCategories(question.json), value, field);
  },
  facets: (question) => [{ ...head(question), kind: question.json['multiSelect'] === true ? 'multi' : 'choice', categories: selectBaseCategories(question.json) }],
};

const matrix: QuestionType = {
  type: 'matrix',
  element: QUESTION_ELEMENTS.matrix,
  value: 'an object: row value → column value',
  validate(question, value, field, check) {
    const rows = categories(question.json['rows']);
    const columns = categories(question.json['columns']);
    for (const [row, cell] of Object.entries(check.object(value, field, 'row → column'))) {
      if (!rows.some((known) => sameValue(known.value, row))) throw new AnswerError(`${field}.${row}`, 'no such row in the matrix');
      for (const item of Array.isArray(cell) ? cell : [cell]) {
        if (!columns.some((known) => sameValue(known.value, item))) {
          throw new AnswerError(`${field}.${row}`, `${describe(item)} is not one of the matrix columns`);
        }
      }
    }
  },
  facets: (question) => [{ ...head(question), kind: 'matrix', rows: categories(question.json['rows']), columns: categories(question.json['columns']) }],
  csv: (question) => categories(question.json['rows']).map((row) => ({ header: `${question.name}.${row.value}`, path: [row.value] })),
};

/** The question a matrixdropdown column puts in each cell: its cellType (the matrix's, else dropdown) and choices. */
export function cellElement(matrixJson: Json, column: Json): DefinitionElement | undefined {
  const name = column['name'];
  if (typeof name !== 'string' || name === '') return undefined;
  const own = column['cellType'];
  const inherited = matrixJson['cellType'];
  const type = typeof own === 'string' && own !== 'default' ? own : typeof inherited === 'string' && inherited !== 'default' ? inherited : 'dropdown';
  const json: Json = { ...column, type };
  if (json['choices'] === undefined && matrixJson['choices'] !== undefined) json['choices'] = matrixJson['choices'];
  return { name, type, json };
}

const CHOICE_CELLS = new Set(['dropdown', 'radiogroup', 'checkbox', 'tagbox']);

/** A cell with choices checked by its type; a choice cell with no choices at all takes any plain value. */
function checkCell(cell: DefinitionElement, value: unknown, field: string, check: AnswerCheck): void {
  const hasChoices = Array.isArray(cell.json['choices']) && cell.json['choices'].length > 0;
  if (hasChoices || !CHOICE_CELLS.has(cell.type)) return check.answer(cell, value, field);
  for (const item of Array.isArray(value) ? value : [value]) {
    if (typeof item === 'string') check.string(item, field);
    else if (typeof item !== 'number' && typeof item !== 'boolean' && item !== null) throw new AnswerError(field, 'must be a plain value');
  }
}

const matrixdropdown: QuestionType = {
  type: 'matrixdropdown',
  element: QUESTION_ELEMENTS.matrixdropdown,
  value: 'an object: row value → { column name → cell value }',
  validate(question, value, field, check) {
    const rows = categories(question.json['rows']);
    const columns = Array.isArray(question.json['columns']) ? question.json['columns'].filter(isObject) : [];
    for (const [row, cells] of Object.entries(check.object(value, field, 'row → cells'))) {
      if (!rows.some((known) => sameValue(known.value, row))) throw new AnswerError(`${field}.${row}`, 'no such row in the matrix');
      for (const [name, cellValue] of Object.entries(check.object(cells, `${field}.${row}`, 'column → value'))) {
        const column = columns.find((candidate) => candidate['name'] === name);
        const cell = column && cellElement(question.json, column);
        if (cell === undefined) {
          if (name.endsWith('-Comment') && typeof cellValue === 'string') {
            check.string(cellValue, `${field}.${row}.${name}`);
            continue;
          }
          throw new AnswerError(`${field}.${row}.${name}`, 'no such column in the matrix');
        }
        if (cellValue !== null) checkCell(cell, cellValue, `${field}.${row}.${name}`, check);
      }
    }
  },
  facets(question, { types }) {
    const out: Facet[] = [];
    const columns = Array.isArray(question.json['columns']) ? question.json['columns'].filter(isObject) : [];
    for (const row of categories(question.json['rows'])) {
      for (const column of columns) {
        const cell = cellElement(question.json, column);
        if (cell === undefined) continue;
        const title = `${titleOf(question.json) ?? question.name} / ${row.label ?? row.value} / ${titleOf(column) ?? cell.name}`;
        for (const facet of types.facets(cell)) {
          out.push({ ...facet, name: `${question.name}.${row.value}.${cell.name}`, title, read: { key: question.name, path: [row.value, cell.name] } });
        }
      }
    }
    return out;
  },
  csv(question) {
    const columns = Array.isArray(question.json['columns']) ? question.json['columns'].filter(isObject) : [];
    const out: CsvColumn[] = [];
    for (const row of categories(question.json['rows'])) {
      for (const column of columns) {
        const name = column['name'];
        if (typeof name === 'string') out.push({ header: `${question.name}.${row.value}.${name}`, path: [row.value, name] });
      }
    }
    return out;
  },
};

/** The items of a multipletext question as text (or number) questions. */
function items(question: DefinitionElement): DefinitionElement[] {
  const list = Array.isArray(question.json['items']) ? question.json['items'] : [];
  const out: DefinitionElement[] = [];
  for (const item of list) {
    if (!isObject(item) || typeof item['name'] !== 'string' || item['name'] === '') continue;
    out.push({ name: item['name'], type: 'text', json: { ...item, type: 'text' } });
  }
  return out;
}

const multipletext: QuestionType = {
  type: 'multipletext',
  element: QUESTION_ELEMENTS.multipletext,
  value: 'an object: item name → text (a number for inputType number)',
  validate(question, value, field, check) {
    const known = items(question);
    for (const [name, answer] of Object.entries(check.object(value, field, 'item → text'))) {
      const item = known.find((candidate) => candidate.name === name);
      if (item === undefined) throw new AnswerError(`${field}.${name}`, 'no such item in the question');
      if (answer === null) continue;
      if (isNumberInput(item.json)) {
        if (!(typeof answer === 'number' && Number.isFinite(answer))) throw new AnswerError(`${field}.${name}`, 'must be a number');
      } else {
        const max = item.json['maxLength'];
        check.string(answer, `${field}.${name}`, typeof max === 'number' && max > 0 ? max : undefined);
      }
    }
  },
  facets: (question) =>
    items(question).map((item) => ({
      name: `${question.name}.${item.name}`,
      type: 'text',
      title: `${titleOf(question.json) ?? question.name} / ${titleOf(item.json) ?? item.name}`,
      kind: isNumberInput(item.json) ? ('numeric' as const) : ('text' as const),
      read: { key: question.name, path: [item.name] },
    })),
  csv: (question) => items(question).map((item) => ({ header: `${question.name}.${item.name}`, path: [item.name] })),
};

/** The questions of a dynamic panel's template, panels inside it flattened. */
function templateQuestions(question: DefinitionElement): DefinitionElement[] {
  return flattenElements(question.json['templateElements'] ?? question.json['template']);
}

const paneldynamic: QuestionType = {
  type: 'paneldynamic',
  element: QUESTION_ELEMENTS.paneldynamic,
  value: 'a list of panels, each an object: question name → answer',
  validate(question, value, field, check) {
    if (!Array.isArray(value)) throw new AnswerError(field, 'must be an array of panels');
    const inner = templateQuestions(question);
    value.forEach((panel, index) => {
      for (const [name, answer] of Object.entries(check.object(panel, `${field}[${index}]`, 'answers'))) {
        const element = inner.find((candidate) => candidate.name === name);
        if (element === undefined) {
          if (name.endsWith('-Comment')) {
            check.string(answer, `${field}[${index}].${name}`);
            continue;
          }
          throw new AnswerError(`${field}[${index}].${name}`, 'no such question in the panel');
        }
        if (answer !== null) check.answer(element, answer, `${field}[${index}].${name}`);
      }
    });
  },
  /**
   * Per question of the template, across every panel a respondent added: choices as a
   * multi-select (a respondent who gave an answer in any panel counts once for it), numbers as
   * the respondent's mean over their panels, text as answered in any panel. Matrices and
   * rankings inside panels count as answered or not.
   */
  facets(question, { types }) {
    const out: Facet[] = [];
    const outerTitle = titleOf(question.json) ?? question.name;
    for (const element of templateQuestions(question)) {
      for (const facet of types.facets(element)) {
        const name = `${question.name}.${facet.name}`;
        const title = `${outerTitle} / ${facet.title ?? facet.name}`;
        const path = ['*', ...(facet.read ? [facet.read.key, ...(facet.read.path ?? [])] : [element.name])];
        const base = { name, type: facet.type, title };
        if (facet.kind === 'choice' || facet.kind === 'multi') {
          out.push({ ...base, kind: 'multi', categories: facet.categories, ...(facet.otherIsText ? { otherIsText: true } : {}), read: { key: question.name, path, combine: 'union' } });
        } else if (facet.kind === 'numeric') {
          out.push({ ...base, kind: 'numeric', read: { key: question.name, path, combine: 'mean' } });
        } else {
          out.push({ ...base, kind: 'text', read: { key: question.name, path, combine: 'union' } });
        }
      }
    }
    out.unshift({ name: `${question.name}.(panels)`, type: 'paneldynamic', title: `${outerTitle} / number of panels`, kind: 'numeric', read: { key: question.name, path: ['#'] } });
    return out;
  },
};

const expression: QuestionType = {
  type: 'expression',
  element: QUESTION_ELEMENTS.expression,
  value: 'a computed string, number or boolean',
  validate(_question, value, field, check) {
    if (typeof value === 'string') return check.string(value, field);
    if (typeof value === 'number' || typeof value === 'boolean') return;
    throw new AnswerError(field, 'a computed value must be a string, number or boolean');
  },
  facets: (question) => [{ ...head(question), kind: question.json['displayStyle'] === 'decimal' || question.json['displayStyle'] === 'percent' || question.json['displayStyle'] === 'currency' ? 'numeric' : 'text' }],
};

/** Decoration: rendered, never answered. */
const decoration = (type: 'html' | 'image'): QuestionType => ({ type, element: QUESTION_ELEMENTS[type], value: 'none (not collected)' });

/** The types `<pv-survey>` renders, each validated, tallied and exported the same way everywhere. */
export const BUILTIN_TYPES: readonly QuestionType[] = [
  text,
  comment,
  singleChoice('radiogroup'),
  multipleChoice('checkbox'),
  singleChoice('dropdown'),
  multipleChoice('tagbox'),
  boolean,
  rating,
  ranking,
  imagepicker,
  matrix,
  matrixdropdown,
  multipletext,
  decoration('html'),
  expression,
  decoration('image'),
  paneldynamic,
];

/** The built-in question types; `QUESTION_TYPES.with(custom)` adds one. */
export const QUESTION_TYPES = /* @__PURE__ */ new QuestionTypes(BUILTIN_TYPES);
