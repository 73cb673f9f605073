/**
 * A definition read once for everything downstream: its questions by data key with their
 * descriptors, what a tally counts (facets), the CSV columns of an export, and the structural
 * check of a response's answers. The collector and aggregate both start from here.
 */
import { QUESTION_TYPES } from './builtin-types.js';
import { COMMENT_SUFFIX, definitionElements, hasCommentKey, isObject, localText, type Category, type DefinitionElement, type Json } from './definition.js';
import {
  AnswerError,
  DEFAULT_ANSWER_LIMITS,
  type AnswerCheck,
  type AnswerLimits,
  type CsvColumn,
  type Facet,
  type QuestionType,
  type QuestionTypes,
} from './question-type.js';
import { sameValue } from './builtin-types.js';

/** Options for {@link readSurvey}. */
export interface ReadSurveyOptions {
  /** The question types known (default the built-in ones); add custom types with `QUESTION_TYPES.with(…)`. */
  types?: QuestionTypes;
}

/** An element of the definition whose type nothing in Pupil Voice renders (so none is collected or tallied). */
export interface UnsupportedElement {
  name: string;
  type: string;
}

/** A definition read into what the packages need. */
export interface SurveyReading {
  readonly survey: Json;
  readonly types: QuestionTypes;
  /** The survey's title (default language) or id, for display. */
  readonly title?: string;
  /** Every element with a data key, in order (decoration included). */
  readonly elements: readonly DefinitionElement[];
  /** What a tally counts, in definition order. */
  readonly facets: readonly Facet[];
  /** Elements of a type with no descriptor (e.g. slider, matrixdynamic, file): refused and not tallied. */
  readonly unsupported: readonly UnsupportedElement[];
  /** `-Comment` keys: free text of "Other" and comment areas, kept but never tallied. */
  readonly commentKeys: readonly string[];
  /** The element (and its descriptor) under a data key. */
  element(key: string): { element: DefinitionElement; type: QuestionType | undefined } | undefined;
  /** Columns of a CSV export of raw responses, in definition order. */
  csvColumns(): Array<CsvColumn & { key: string }>;
}

/** Reads a definition object (or its JSON text). Throws a TypeError on anything that is not an object. */
export function readSurvey(definition: unknown, options: ReadSurveyOptions = {}): SurveyReading {
  const survey: unknown = typeof definition === 'string' ? JSON.parse(definition) : definition;
  if (!isObject(survey)) throw new TypeError('A survey definition must be an object.');
  const types = options.types ?? QUESTION_TYPES;
  const elements = definitionElements(survey);
  const byKey = new Map(elements.map((element) => [element.name, element] as const));
  const facets: Facet[] = [];
  const unsupported: UnsupportedElement[] = [];
  const commentKeys: string[] = [];
  const facetNames = new Set<string>();
  for (const element of elements) {
    const type = types.get(element.type);
    if (type === undefined) {
      unsupported.push({ name: element.name, type: element.type });
      continue;
    }
    for (const facet of types.facets(element)) {
      if (facetNames.has(facet.name)) continue;
      facetNames.add(facet.name);
      facets.push(facet);
    }
    if (type.facets !== undefined && hasCommentKey(element.json) && !byKey.has(`${element.name}${COMMENT_SUFFIX}`)) {
      commentKeys.push(`${element.name}${COMMENT_SUFFIX}`);
    }
  }
  const title = localText(survey['title']) ?? (typeof survey['id'] === 'string' ? survey['id'] : undefined);
  const reading: SurveyReading = {
    survey,
    types,
    elements,
    facets,
    unsupported,
    commentKeys,
    element(key) {
      const element = byKey.get(key);
      return element && { element, type: types.get(element.type) };
    },
    csvColumns() {
      const columns: Array<CsvColumn & { key: string }> = [];
      for (const element of elements) {
        for (const column of types.csvColumns(element)) {
          columns.push({ ...column, key: column.header === `${element.name}${COMMENT_SUFFIX}` ? column.header : element.name });
        }
      }
      return columns;
    },
  };
  if (title !== undefined) (reading as { title?: string }).title = title;
  return reading;
}

/** The checks every descriptor shares, bound to one survey and its limits. */
class Checker implements AnswerCheck {
  constructor(
    readonly survey: Json,
    readonly limits: AnswerLimits,
    private readonly types: QuestionTypes,
  ) {}

  answer(element: DefinitionElement, value: unknown, field: string): void {
    const type = this.types.get(element.type);
    if (type === undefined) throw new AnswerError(field, `the collector does not accept answers to ${element.type} questions (Pupil Voice does not render them)`);
    if (type.validate === undefined) throw new AnswerError(field, `answers to ${element.type} questions are not collected`);
    type.validate(element, value, field, this);
  }

  string(value: unknown, field: string, maxLength?: number): void {
    if (typeof value !== 'string') throw new AnswerError(field, 'must be a string');
    if (maxLength !== undefined && value.length > maxLength) throw new AnswerError(field, `longer than the question allows (${maxLength} characters)`);
    if (value.length > this.limits.maxStringLength) throw new AnswerError(field, `longer than ${this.limits.maxStringLength} characters`, true);
  }

  choice(allowed: readonly Category[], value: unknown, field: string, otherText = false): void {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new AnswerError(field, 'must be a single choice value');
    }
    if (allowed.some((category) => sameValue(category.value, value) || (typeof value === 'boolean' && category.value === String(value)))) return;
    if (typeof value === 'string' && otherText) return this.string(value, field);
    const text = JSON.stringify(value);
    throw new AnswerError(field, `${text.length > 40 ? `${text.slice(0, 37)}...` : text} is not one of the question's choices`);
  }

  object(value: unknown, field: string, what: string): Json {
    if (!isObject(value)) throw new AnswerError(field, `must be an object of ${what}`);
    return value;
  }
}

/**
 * Checks the answers of one response against the definition's structure (names exist, values
 * fit choices, rows, columns, items and panels, types and sizes); throws {@link AnswerError}
 * naming the first value at fault. Conditions, required answers and SurveyJS validators need
 * the survey engine: the collector runs survey-core's own checks after this one.
 */
export function checkAnswers(reading: SurveyReading, data: Record<string, unknown>, limits: AnswerLimits = DEFAULT_ANSWER_LIMITS): void {
  const checker = new Checker(reading.survey, limits, reading.types);
  for (const [key, value] of Object.entries(data)) {
    const found = reading.element(key);
    if (found !== undefined) {
      if (value !== null) checker.answer(found.element, value, key);
      continue;
    }
    if (key.endsWith(COMMENT_SUFFIX)) {
      const owner = reading.element(key.slice(0, -COMMENT_SUFFIX.length));
      if (owner !== undefined && hasCommentKey(owner.element.json)) {
        checker.string(value, key);
        continue;
      }
    }
    throw new AnswerError(key, 'no question with this name in the survey');
  }
}
