import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { canonicalDefinition, QUESTION_TYPES, type QuestionTypes, type UnsupportedElement } from '@pupil-voice/schema';
import { sha256Hex } from '../canonical-json.js';
import { ResponseValidator, type AnswerLimits } from '../validation/validate-response.js';

/**
 * The version of a definition: the first 16 hex digits of the SHA-256 of its canonical JSON
 * (keys sorted), so re-saving a file with other spacing or key order is the same version and
 * any change to its content is a new one.
 */
export function definitionVersion(definition: unknown): string {
  return sha256Hex(canonicalDefinition(definition)).slice(0, 16);
}

/** A survey id is a file name a school can type: letters, digits, `-` and `_`. */
export const SURVEY_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** One registered SurveyJS definition, with what HTTP caching needs. */
export interface RegisteredSurvey {
  id: string;
  /** The parsed definition, as authored (SurveyJS Creator JSON). */
  definition: Record<string, unknown>;
  /** The served representation (compact JSON) and its strong ETag. */
  body: string;
  etag: string;
  /** Checks completed responses against this definition (one survey-core Model, reused). */
  validator: ResponseValidator;
  /** The content hash of the definition ({@link definitionVersion}), stored with every response. */
  version: string;
  /** Elements of a type Pupil Voice does not render (slider, matrixdynamic…): their answers are refused. */
  unsupported: readonly UnsupportedElement[];
}

/** A definition file that could not be registered, and why; reported at start. */
export interface SurveyLoadProblem {
  file: string;
  reason: string;
}

/**
 * The surveys a collector accepts responses for, read once at start from a folder of
 * SurveyJS JSON files (id = file name without `.json`). A broken file is reported and
 * skipped, never fatal: one school's typo must not take the county's collector down.
 */
export class SurveyRegistry {
  private readonly surveys = new Map<string, RegisteredSurvey>();
  readonly problems: SurveyLoadProblem[] = [];

  constructor(
    private readonly limits?: AnswerLimits,
    private readonly types: QuestionTypes = QUESTION_TYPES,
  ) {}

  /** Registers every `*.json` in `dir`; a missing folder gives an empty registry and a problem. */
  static fromFolder(dir: string, limits?: AnswerLimits, types?: QuestionTypes): SurveyRegistry {
    const registry = new SurveyRegistry(limits, types);
    let names: string[];
    try {
      names = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
    } catch (error) {
      registry.problems.push({ file: dir, reason: `cannot read the surveys folder: ${(error as Error).message}` });
      return registry;
    }
    for (const name of names) {
      const file = join(dir, name);
      try {
        registry.add(basename(name, '.json'), JSON.parse(readFileSync(file, 'utf8')) as unknown);
      } catch (error) {
        registry.problems.push({ file, reason: (error as Error).message });
      }
    }
    return registry;
  }

  /** Registers one definition under an id; throws with a reason if it cannot be used. */
  add(id: string, definition: unknown): RegisteredSurvey {
    if (!SURVEY_ID.test(id)) throw new Error(`"${id}" is not a usable survey id (letters, digits, - and _)`);
    if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
      throw new Error('a survey definition must be a JSON object');
    }
    const validator = new ResponseValidator(definition as Record<string, unknown>, this.limits, this.types);
    if (!validator.hasQuestions) throw new Error('the definition has no questions');
    const unsupported = validator.reading.unsupported;
    const body = JSON.stringify(definition);
    const survey: RegisteredSurvey = {
      id,
      definition: definition as Record<string, unknown>,
      body,
      etag: `"${sha256Hex(body).slice(0, 32)}"`,
      validator,
      version: definitionVersion(definition),
      unsupported,
    };
    this.surveys.set(id, survey);
    return survey;
  }

  /** The survey registered under an id, if any. */
  get(id: string): RegisteredSurvey | undefined {
    return this.surveys.get(id);
  }

  /** Ids of every registered survey, in file-name order. */
  get ids(): string[] {
    return [...this.surveys.keys()];
  }
}
