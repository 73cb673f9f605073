/**
 * Tallies of different versions of one survey, added up. A survey edited between waves (a
 * choice added, a question renamed or removed) still tallies: questions that are the same in
 * every version are merged; a question whose choices (or kind) changed is kept once per
 * version, never mixed; a question not in every version is left out of the merged tally.
 * Every such decision is listed in `differences`, so a reader knows what is and is not there.
 */
import { fingerprintQuestions } from './definition.js';
import { emptyCell, merge, TallyMismatchError } from './merge.js';
import type { Category, CellKey, QuestionCell, QuestionTally, Tally } from './types.js';

/** One version's tally, under a label (the collector uses the definition's content hash). */
export interface TallyVersion {
  version: string;
  tally: Tally;
}

/** How one question differs between versions, and what the merged tally does about it. */
export interface VersionDifference {
  /** The question (or part of a composite question) by its tally name. */
  question: string;
  /**
   * `choices-changed`: categories, rows or columns differ; kept once per version as
   * `question@version`. `kind-changed`: counted differently (e.g. text became a number); kept
   * the same way. `not-in-every-version`: left out of the merged tally.
   */
  change: 'choices-changed' | 'kind-changed' | 'not-in-every-version';
  /** Versions that have the question. */
  versions: string[];
  /** Versions that do not (for `not-in-every-version`). */
  missingFrom?: string[];
  /** Category values in the last version that has it but not in the first (for `choices-changed`). */
  added?: string[];
  /** Category values in the first version that has it but not in the last. */
  removed?: string[];
  /** Names of the per-version questions in the merged tally. */
  keptAs?: string[];
  /**
   * For a question left out: another question left out that appears exactly where this one
   * disappears, counted the same way with the same categories (probably renamed).
   */
  possiblyRenamed?: string;
}

/** The merged tally and the report of what differed between versions. */
export interface VersionedTally {
  tally: Tally;
  /** The versions merged, in the order given. */
  versions: string[];
  differences: VersionDifference[];
}

const values = (list: readonly Category[]) => list.map((category) => category.value);

/** What decides whether two versions of a question count the same things. */
function shape(question: QuestionTally): string {
  switch (question.kind) {
    case 'matrix':
      return JSON.stringify([question.kind, values(question.rows), values(question.columns)]);
    case 'numeric':
    case 'text':
      return JSON.stringify([question.kind]);
    default:
      return JSON.stringify([question.kind, values(question.categories)]);
  }
}

function categoryValues(question: QuestionTally): string[] {
  switch (question.kind) {
    case 'matrix':
      return [...values(question.rows).map((row) => `row:${row}`), ...values(question.columns).map((column) => `column:${column}`)];
    case 'numeric':
    case 'text':
      return [];
    default:
      return values(question.categories);
  }
}

/** A cell for respondents who were never asked the question: every one of them not answered. */
function notAskedCell(question: QuestionTally, respondents: number): QuestionCell {
  const cell = emptyCell(question) as unknown as Record<string, unknown>;
  cell['notAnswered'] = respondents;
  if (question.kind === 'matrix') cell['rowNotAnswered'] = question.rows.map(() => respondents);
  return cell as unknown as QuestionCell;
}

function notAsked(question: QuestionTally, name: string, respondents: Record<CellKey, number>): QuestionTally {
  const cells: Record<CellKey, QuestionCell> = {};
  for (const [key, count] of Object.entries(respondents)) cells[key] = notAskedCell(question, count);
  return { ...question, name, cells } as QuestionTally;
}

/**
 * Merges tallies of different definition versions of one survey (same segments). With one
 * version, or versions whose questions all match, the result is exactly `merge` of them.
 * Throws {@link TallyMismatchError} for tallies split by different segments.
 */
export function mergeVersions(versions: readonly TallyVersion[]): VersionedTally {
  if (versions.length === 0) throw new TypeError('mergeVersions needs at least one tally.');
  const labels = versions.map((entry) => entry.version);
  if (new Set(labels).size !== labels.length) throw new TypeError('Each version must be given once.');
  const segments = JSON.stringify(versions[0]!.tally.segments);
  for (const entry of versions) {
    if (JSON.stringify(entry.tally.segments) !== segments) {
      throw new TallyMismatchError(`Version ${entry.version} is split by [${entry.tally.segments.join(', ')}], expected ${segments}.`);
    }
  }
  // Question names in order of first appearance.
  const names: string[] = [];
  const found = new Map<string, Map<string, QuestionTally>>();
  for (const entry of versions) {
    for (const question of entry.tally.questions) {
      let byVersion = found.get(question.name);
      if (byVersion === undefined) {
        found.set(question.name, (byVersion = new Map()));
        names.push(question.name);
      }
      byVersion.set(entry.version, question);
    }
  }
  const differences: VersionDifference[] = [];
  const parts = versions.map(() => [] as QuestionTally[]);
  for (const name of names) {
    const byVersion = found.get(name)!;
    const having = labels.filter((label) => byVersion.has(label));
    if (having.length < labels.length) {
      differences.push({ question: name, change: 'not-in-every-version', versions: having, missingFrom: labels.filter((label) => !byVersion.has(label)) });
      continue;
    }
    const shapes = new Set(having.map((label) => shape(byVersion.get(label)!)));
    if (shapes.size === 1) {
      versions.forEach((entry, index) => parts[index]!.push(byVersion.get(entry.version)!));
      continue;
    }
    const kinds = new Set(having.map((label) => byVersion.get(label)!.kind));
    const first = categoryValues(byVersion.get(having[0]!)!);
    const last = categoryValues(byVersion.get(having[having.length - 1]!)!);
    const keptAs = having.map((label) => `${name}@${label}`);
    differences.push({
      question: name,
      change: kinds.size > 1 ? 'kind-changed' : 'choices-changed',
      versions: having,
      added: last.filter((value) => !first.includes(value)),
      removed: first.filter((value) => !last.includes(value)),
      keptAs,
    });
    // Each version's question under its own name; the other versions' respondents were not asked it.
    versions.forEach((entry, index) => {
      for (const label of having) {
        const own = byVersion.get(label)!;
        parts[index]!.push(label === entry.version ? { ...own, name: `${name}@${label}` } : notAsked(own, `${name}@${label}`, entry.tally.respondents));
      }
    });
  }
  markRenames(differences, found, labels);
  const tallies = versions.map((entry, index): Tally => {
    const questions = parts[index]!;
    return { ...entry.tally, definition: fingerprintQuestions(questions), questions };
  });
  return { tally: merge(...tallies), versions: labels, differences };
}

/** Pairs a question that stops with one that starts at the same version, with the same shape. */
function markRenames(differences: VersionDifference[], found: Map<string, Map<string, QuestionTally>>, labels: string[]): void {
  const leftOut = differences.filter((difference) => difference.change === 'not-in-every-version');
  const span = (difference: VersionDifference) => difference.versions.map((label) => labels.indexOf(label));
  for (const before of leftOut) {
    const beforeSpan = span(before);
    const end = Math.max(...beforeSpan);
    for (const after of leftOut) {
      if (after === before || after.possiblyRenamed !== undefined || before.possiblyRenamed !== undefined) continue;
      const afterSpan = span(after);
      if (Math.min(...afterSpan) !== end + 1) continue;
      const a = found.get(before.question)!.get(labels[end]!)!;
      const b = found.get(after.question)!.get(labels[end + 1]!)!;
      if (shape(a) !== shape(b)) continue;
      before.possiblyRenamed = after.question;
      after.possiblyRenamed = before.question;
    }
  }
}
