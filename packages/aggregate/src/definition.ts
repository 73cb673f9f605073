/**
 * Reads a SurveyJS definition (the JSON that SurveyJS Creator saves) into the question
 * descriptors a tally needs, without loading survey-core: the aggregate package must stay
 * small enough for a worker, and a partnership's server may have no use for the survey model.
 * What each question type counts is its descriptor's business (`@pupil-voice/schema`): the
 * collector validates answers from the same reading, so a type is tallied exactly when it is
 * collected. The defaults mirror survey-core 3.1.1 (the test checks them against the real model).
 */
import { COMMENT_SUFFIX, readSurvey, type QuestionTypes } from '@pupil-voice/schema';
import type { Category, DefinitionDescriptor, QuestionDescriptor } from './types.js';

export { isPreferNotToSay } from '@pupil-voice/schema';

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

/** Options of {@link readDefinition}. */
export interface ReadDefinitionOptions {
  /** Question types to tally (default the built-in ones); a custom type is one descriptor added here. */
  types?: QuestionTypes;
}

/**
 * Reads a SurveyJS definition into question descriptors: pages and panels flattened, choices,
 * rows, columns and rating scales resolved (with `choicesFromQuestion`), special items
 * ("Other", "None", "Refuse", "Don't know") added as categories, and `-Comment` keys recorded
 * so that their free text is never mistaken for an unknown question. Composite questions give
 * one descriptor per part: `grid.row.column` for a matrixdropdown cell (choices counted,
 * numbers summarised), `multi.item` for a multipletext item, `panels.question` for a question
 * inside a dynamic panel (across every panel a respondent added) and `panels.(panels)` for how
 * many panels they added. Labels are the default language's shared wording; audience wording
 * (`x-parent` keys) never becomes a label. Types Pupil Voice does not render (slider,
 * matrixdynamic, file…) are listed in `unsupported` and not tallied.
 *
 * Accepts the definition object or its JSON text. Throws a `TypeError` on anything that is
 * not a definition object; ignores malformed elements inside it.
 */
export function readDefinition(definition: unknown, options: ReadDefinitionOptions = {}): DefinitionDescriptor {
  const reading = readSurvey(definition, options.types === undefined ? {} : { types: options.types });
  const questions: QuestionDescriptor[] = reading.facets.map((facet) => ({ ...facet }) as QuestionDescriptor);
  const names = new Set(questions.map((question) => question.read?.key ?? question.name));
  const ignoredKeys = new Set<string>();
  for (const element of reading.elements) {
    // survey-core stores "Other" text and comment areas under `<name>-Comment`.
    if (names.has(element.name)) ignoredKeys.add(`${element.name}${COMMENT_SUFFIX}`);
  }
  const descriptor: DefinitionDescriptor = {
    fingerprint: fingerprintQuestions(questions),
    questions,
    ignoredKeys: [...ignoredKeys].filter((key) => !names.has(key)),
  };
  if (reading.unsupported.length > 0) descriptor.unsupported = reading.unsupported.map((element) => ({ ...element }));
  if (reading.title !== undefined) descriptor.survey = reading.title;
  return descriptor;
}

