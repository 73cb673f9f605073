/**
 * What a question type means, in one place: the element that renders it, the shape of its
 * value, how an answer is checked, how it is tallied (as one or more facets of the six tally
 * kinds) and which columns it fills in a CSV export. `<pv-survey>` renders the types that have
 * an `element`; the collector accepts answers only to types with `validate`; aggregate tallies
 * the facets. A type with no descriptor is refused everywhere.
 */
import { COMMENT_SUFFIX, hasCommentKey, isObject, type Category, type DefinitionElement, type Json } from './definition.js';

/** Bounds on what one answer may hold, beyond what the definition says. */
export interface AnswerLimits {
  /** Longest accepted string anywhere in the answers (free text included). */
  maxStringLength: number;
}

export const DEFAULT_ANSWER_LIMITS: AnswerLimits = { maxStringLength: 5000 };

/**
 * An answer refused: the path of the value at fault (`grid.r1.c1`, `places[1]`) and why.
 * `tooLarge` marks a string over the global limit (the collector answers 413 for it).
 */
export class AnswerError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly tooLarge = false,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'AnswerError';
  }
}

/** The shape of a tally, which decides how its cells are counted, merged and published. */
export type TallyKind = 'choice' | 'multi' | 'matrix' | 'ranking' | 'numeric' | 'text';

/**
 * Where a facet's value is in a response: `data[key]`, then down `path` (`'*'` visits every
 * item of a list: the panels of a dynamic panel; `'#'` is the number of items). With a `'*'` the values found are combined:
 * `union` makes one list of every non-empty value (each counted once per respondent), `mean`
 * the mean of the numbers (each respondent counted once, whatever their number of panels).
 */
export interface FacetRead {
  key: string;
  path?: readonly string[];
  combine?: 'union' | 'mean';
}

interface FacetBase {
  /** Unique among a survey's facets: the question's data key, or `key.row.column` and the like. */
  name: string;
  /** The SurveyJS type the values come from (a cell's or a panel question's own type). */
  type: string;
  /** Title in the default language, shared wording (never an audience's). */
  title?: string;
  /** Where the value is, when it is not simply `data[name]`. */
  read?: FacetRead;
}

/** One thing a tally counts for a question. Composite questions have one facet per cell or item. */
export type Facet =
  | (FacetBase & { kind: 'choice' | 'multi' | 'ranking'; categories: Category[]; otherIsText?: boolean })
  | (FacetBase & { kind: 'matrix'; rows: Category[]; columns: Category[] })
  | (FacetBase & { kind: 'numeric' | 'text' });

/** One column of a CSV export of raw responses: a header and where in the answer its value is. */
export interface CsvColumn {
  header: string;
  /** Path inside the question's value; empty for the whole value (lists and objects as JSON). */
  path: readonly string[];
}

/** The helpers a descriptor's `validate` gets: limits, the survey, and checks shared by every type. */
export interface AnswerCheck {
  readonly limits: AnswerLimits;
  /** The whole definition (survey-level settings such as `maxTextLength`, `storeOthersAsComment`). */
  readonly survey: Json;
  /** Checks an answer to another element (a matrix cell, a question inside a dynamic panel). */
  answer(element: DefinitionElement, value: unknown, field: string): void;
  /** A string within `maxLength` (if any) and the global limit. */
  string(value: unknown, field: string, maxLength?: number): void;
  /** One of `allowed` (`"2"` and `2` are the same choice); any string when `otherText`. */
  choice(allowed: readonly Category[], value: unknown, field: string, otherText?: boolean): void;
  /** An object (not a list), for answers keyed by row, column or item. */
  object(value: unknown, field: string, what: string): Json;
}

/** What a descriptor's `facets` gets: the registry, to describe the elements inside it. */
export interface FacetContext {
  readonly types: QuestionTypes;
}

/** Everything Pupil Voice knows about one SurveyJS question type. */
export interface QuestionType {
  /** The SurveyJS `type` (`radiogroup`, `matrixdropdown`, or a custom one). */
  readonly type: string;
  /** The `<pv-survey>` element that renders it; absent when nothing renders it on its own. */
  readonly element?: string;
  /** The shape of its value, in words, for documentation and error messages. */
  readonly value: string;
  /**
   * Checks one answer (never `null`, which is "no answer"); throws {@link AnswerError}. Absent
   * for decoration (html, image): an answer to it is refused as "not collected".
   */
  validate?(question: DefinitionElement, value: unknown, field: string, check: AnswerCheck): void;
  /** What a tally counts for it; absent when it has no answer. */
  facets?(question: DefinitionElement, context: FacetContext): Facet[];
  /** Columns in a CSV export of raw responses; default one column holding the whole value. */
  csv?(question: DefinitionElement): CsvColumn[];
}

/**
 * A set of question types, by SurveyJS type. Immutable: {@link QuestionTypes.with} returns a new
 * set, so adding a custom type in one collector or test never changes another's.
 */
export class QuestionTypes {
  private readonly byType: ReadonlyMap<string, QuestionType>;

  constructor(types: Iterable<QuestionType>) {
    const map = new Map<string, QuestionType>();
    for (const type of types) map.set(type.type, type);
    this.byType = map;
  }

  /** The descriptor of a SurveyJS type, if it has one. */
  get(type: string): QuestionType | undefined {
    return this.byType.get(type);
  }

  /** These types plus (or replacing) the given ones. */
  with(...types: QuestionType[]): QuestionTypes {
    return new QuestionTypes([...this.byType.values(), ...types]);
  }

  /** Every descriptor, in registration order. */
  all(): QuestionType[] {
    return [...this.byType.values()];
  }

  /** SurveyJS type → the `<pv-survey>` element that renders it. */
  elements(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const type of this.byType.values()) if (type.element !== undefined) out[type.type] = type.element;
    return out;
  }

  /** The facets of one element (none for an unknown type or decoration). */
  facets(element: DefinitionElement): Facet[] {
    return this.get(element.type)?.facets?.(element, { types: this }) ?? [];
  }

  /** CSV columns of one element, then its `-Comment` column when it keeps free text there. */
  csvColumns(element: DefinitionElement): CsvColumn[] {
    const type = this.get(element.type);
    if (type?.facets === undefined) return [];
    const columns = type.csv?.(element) ?? [{ header: element.name, path: [] }];
    return hasCommentKey(element.json) ? [...columns, { header: `${element.name}${COMMENT_SUFFIX}`, path: [] }] : columns;
  }
}

/** The value at `path` inside `value`; `'*'` maps over a list (giving a list), `'#'` is a list's length, a number an item of a list. */
export function readPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (let i = 0; i < path.length; i++) {
    const step = path[i] as string;
    if (step === '#') return Array.isArray(current) ? current.length : undefined;
    if (step === '*') {
      if (!Array.isArray(current)) return undefined;
      const rest = path.slice(i + 1);
      return current.map((item) => readPath(item, rest));
    }
    if (Array.isArray(current) && /^\d+$/.test(step)) {
      current = current[Number(step)];
      continue;
    }
    if (!isObject(current) || !Object.prototype.hasOwnProperty.call(current, step)) return undefined;
    current = current[step];
  }
  return current;
}

const isBlank = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** A facet's value inside a question's value (`data[read.key]`), combined as the facet says. */
export function readFacet(value: unknown, read: FacetRead): unknown {
  const found = read.path === undefined || read.path.length === 0 ? value : readPath(value, read.path);
  if (read.combine === undefined) return found;
  const items: unknown[] = [];
  const collect = (item: unknown): void => {
    if (Array.isArray(item)) item.forEach(collect);
    else if (!isBlank(item)) items.push(item);
  };
  collect(found);
  if (items.length === 0) return undefined;
  if (read.combine === 'union') return items;
  let sum = 0;
  for (const item of items) {
    const number = typeof item === 'number' ? item : typeof item === 'string' && item.trim() !== '' ? Number(item) : NaN;
    if (!Number.isFinite(number)) return item; // not a number: the tally counts it as unknown
    sum += number;
  }
  return sum / items.length;
}
