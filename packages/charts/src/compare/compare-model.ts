import { compare, type Comparison, type ItemComparison, type PublishedQuestion, type PublishedTally } from '@pupil-voice/aggregate';
import { readScale } from '../model/figure.js';
import { shown } from '../model/hidden.js';

/**
 * The answers that count as "positive" for each scale question (agree/strongly agree, often,
 * the top of a rating): the right-hand side of its diverging bar. Used as `compare`'s `agree`
 * grouping when the page gives none, so a pupil/parent gap is measured on the share agreeing.
 */
export function positiveAnswers(published: PublishedTally): Record<string, string[]> {
  const agree: Record<string, string[]> = {};
  for (const question of published.questions) {
    const categories = question.kind === 'choice' ? question.categories : question.kind === 'matrix' ? question.columns : undefined;
    if (!categories) continue;
    const scale = readScale(categories, question.type, question.kind, 'auto');
    const positive = scale?.filter((c) => c.side === 'positive').map((c) => c.value) ?? [];
    if (positive.length > 0) agree[question.name] = positive;
  }
  return agree;
}

/** One row of a comparison chart: a label and each group's percentage (null when hidden). */
export interface CompareRow {
  readonly label: string;
  readonly percents: Array<number | null>;
  readonly counts: Array<number | null>;
  /** groups[0] − groups[1] in percentage points with its interval, when both are shown. */
  readonly difference: { estimate: number; lower: number; upper: number; significant: boolean } | null;
}

/** One question across groups: rows per answer (or per matrix row, on the positive share). */
export interface CompareFigure {
  readonly question: string;
  readonly title: string;
  readonly groups: string[];
  readonly measure: 'answer' | 'positive';
  readonly rows: CompareRow[];
  readonly bases: Array<number | null>;
}

const pointsOf = (entry: ItemComparison['differences'][number]['categories'][number] | undefined): CompareRow['difference'] =>
  entry?.available
    ? { estimate: entry.difference.estimate * 100, lower: entry.difference.lower * 100, upper: entry.difference.upper * 100, significant: entry.significant }
    : null;

/** The comparison of every item, from published numbers only (see `compare`). */
export function comparisonOf(published: PublishedTally, by: string, groups: readonly string[], agree?: Record<string, string[]>, questions?: readonly string[]): Comparison {
  const positive = agree ?? positiveAnswers(published);
  const wanted = questions ? Object.fromEntries(Object.entries(positive).filter(([name]) => questions.includes(name))) : positive;
  return compare(published, { by, groups, agree: wanted, ...(questions ? { questions } : {}) });
}

/** One question of a comparison as chart rows. */
export function compareFigureOf(comparison: Comparison, question: PublishedQuestion): CompareFigure | undefined {
  const items = comparison.items.filter((item) => item.question === question.name);
  if (items.length === 0) return undefined;
  const head = { question: question.name, title: question.title ?? question.name, groups: [...comparison.groups] };
  const first = items[0]!;
  if (first.kind === 'matrix') {
    const rows = question.kind === 'matrix' ? question.rows : [];
    return {
      ...head,
      measure: 'positive',
      bases: first.groups.map(() => null),
      rows: items.map((item) => ({
        label: rows.find((r) => r.value === item.row)?.label ?? item.row ?? item.question,
        counts: item.groups.map((g) => g.agree),
        percents: item.groups.map((g) => {
          const base = shown(g.base);
          return g.agree === null || base === null || base === 0 ? null : (g.agree / base) * 100;
        }),
        difference: pointsOf(item.differences[0]?.agree),
      })),
    };
  }
  return {
    ...head,
    measure: 'answer',
    bases: first.groups.map((g) => shown(g.base)),
    rows: first.categories.map((category, i) => ({
      label: category.label ?? category.value,
      counts: first.groups.map((g) => shown(g.counts[i])),
      percents: first.groups.map((g) => g.percents[i] ?? null),
      difference: pointsOf(first.differences[0]?.categories[i]),
    })),
  };
}
