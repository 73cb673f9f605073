// Turns what the collector streams for a poll (`{ poll, live, k, tally }`, the tally exact for
// a live poll and published, i.e. suppressed, otherwise) into the few numbers a projector
// shows. A suppressed number stays `null` here and is drawn as the one hidden mark.
import { shown, type PublishedNumber } from '../model/hidden.js';

/** One poll's results as the projector shows them. */
export interface PollSnapshot {
  readonly title: string;
  readonly labels: readonly string[];
  /** Votes per choice; `null` where the number is hidden to protect small groups. */
  readonly counts: ReadonlyArray<number | null>;
  /** People who voted; `null` if hidden. */
  readonly votes: number | null;
  /** Exact live counts (a poll marked live) rather than a suppressed publication. */
  readonly live: boolean;
  /** `single` (percent of votes) or `multi` (percent of voters who ticked it). */
  readonly mode: 'single' | 'multi';
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A count as either tally shape holds it: a number (raw, live) or a published number (read as charts read it). */
function countOf(value: unknown): number | null {
  if (typeof value === 'number') return value;
  return isObject(value) ? shown(value as PublishedNumber) : null;
}

/**
 * Reads the stream's payload; `question` picks a question by name (default: the first choice
 * or multi-select question). Throws a TypeError for a payload it cannot read.
 */
export function snapshotFromStream(payload: unknown, question?: string): PollSnapshot {
  if (!isObject(payload) || !isObject(payload.tally) || !Array.isArray(payload.tally.questions)) {
    throw new TypeError('not a poll stream event');
  }
  const tally = payload.tally;
  const questions = tally.questions as unknown[];
  const found = questions.find(
    (q): q is Json => isObject(q) && (q.kind === 'choice' || q.kind === 'multi') && (question === undefined || q.name === question),
  );
  if (found === undefined || !Array.isArray(found.categories)) throw new TypeError('the poll has no choice question');
  const labels = (found.categories as unknown[]).map((c) =>
    isObject(c) ? String(typeof c.label === 'string' ? c.label : c.value) : String(c),
  );
  const cells = isObject(found.cells) ? found.cells : {};
  // One unsegmented cell: '[]' in a raw tally and in a publication with no segments.
  const cell = cells['[]'];
  const respondents = isObject(tally.respondents) ? tally.respondents['[]'] : undefined;
  const live = payload.live === true;
  const counts = isObject(cell) && Array.isArray(cell.counts) ? (cell.counts as unknown[]).map(countOf) : labels.map(() => (live ? 0 : null));
  return {
    title: typeof found.title === 'string' && found.title !== '' ? found.title : String(found.name),
    labels,
    counts,
    votes: respondents === undefined ? (live ? 0 : null) : countOf(respondents),
    live,
    mode: found.kind === 'multi' ? 'multi' : 'single',
  };
}

/** Percent of `base`, rounded; null when either number is hidden or there is no one yet. */
export function percentOf(count: number | null, base: number | null): number | null {
  if (count === null || base === null || base === 0) return null;
  return Math.round((count / base) * 100);
}
