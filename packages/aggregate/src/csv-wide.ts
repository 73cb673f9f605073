/**
 * Wide CSV of a published tally: one row per question (and matrix row or rank position) per
 * published cell, one column per answer, so a spreadsheet user reads a question across
 * without pivoting. Columns: `question`, `title`, `row`, one column per segment key (`(all)`
 * where totalled), `base`, then per answer (in order of first appearance over the survey)
 * `<answer>` (count) and `<answer> %`. Numbers add `mean`, `sd`, `p25`, `median`, `p75`.
 * A hidden number is `[c]` (the one mark: never why) and a last column, `note`, gives the
 * legend on every row that shows it; an answer a question does not have is empty. Rows whose every number is hidden are left out unless `hidden: 'keep'`.
 * UTF-8 with BOM, CRLF, RFC 4180 quoting, formula guard.
 *
 * @module
 */
import { HIDDEN_MARK, csvDocument, csvField, hiddenNote, type CsvOptions } from './csv-field.js';
import { MISSING, TOTAL_VALUE } from './csv-published.js';
import { TOTAL, parsePublishedKey, type PublishedCount, type PublishedTally } from './suppress.js';
import type { Category } from './types.js';

/** The mark of a hidden number in a wide CSV: the one mark of every export (`HIDDEN_MARK`). */
export const HIDDEN_CELL = HIDDEN_MARK;

/** The count of a published number, or null when hidden, whatever its marker. */
function countOf(count: PublishedCount | undefined): number | null {
  if (count === undefined) return null;
  const record = count as unknown as { count?: unknown; value?: unknown };
  const value = 'count' in record ? record.count : record.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

interface WideRow {
  question: string;
  title: string;
  row: string;
  key: string;
  base: PublishedCount | undefined;
  /** Column name → count (null = hidden). */
  counts: Map<string, number | null>;
  statistics: Map<string, number | null>;
}

const STATISTICS = ['mean', 'sd', 'p25', 'median', 'p75'] as const;

/** Builds the wide CSV text of a published tally (see the module comment). */
export function publishedToWideCSV(published: PublishedTally, options: CsvOptions = {}): string {
  const decimals = options.percentDecimals ?? 1;
  const name = (category: Category) => (options.labels === false ? category.value : (category.label ?? category.value));
  const columns: string[] = [];
  const column = (label: string) => {
    if (!columns.includes(label)) columns.push(label);
    return label;
  };
  const rows: WideRow[] = [];
  const keys = Object.keys(published.respondents);
  for (const question of published.questions) {
    const title = question.title ?? '';
    for (const key of keys) {
      const add = (row: string, base: PublishedCount | undefined, categories: readonly Category[], counts: readonly (PublishedCount | undefined)[], missing?: PublishedCount) => {
        const map = new Map<string, number | null>();
        categories.forEach((category, i) => map.set(column(name(category)), countOf(counts[i])));
        if (missing !== undefined) map.set(column(MISSING), countOf(missing));
        rows.push({ question: question.name, title, row, key, base, counts: map, statistics: new Map() });
      };
      switch (question.kind) {
        case 'choice':
        case 'multi': {
          const cell = question.cells[key];
          if (cell) add('', cell.base, question.categories, cell.counts, cell.missing);
          break;
        }
        case 'matrix': {
          const cell = question.cells[key];
          if (cell) question.rows.forEach((row, r) => add(name(row), cell.rows[r]?.base, question.columns, cell.rows[r]?.counts ?? [], cell.rows[r]?.missing));
          break;
        }
        case 'ranking': {
          const cell = question.cells[key];
          if (cell) question.categories.forEach((_, position) => add(String(position + 1), cell.base, question.categories, question.categories.map((__, c) => cell.counts[c]?.[position])));
          break;
        }
        case 'numeric': {
          const cell = question.cells[key];
          if (!cell) break;
          const shown = countOf(cell.base) !== null;
          const statistics = new Map<string, number | null>([
            ['mean', shown ? cell.mean : null],
            ['sd', shown ? cell.standardDeviation : null],
            ['p25', shown ? (cell.quartiles?.[0] ?? null) : null],
            ['median', shown ? (cell.quartiles?.[1] ?? null) : null],
            ['p75', shown ? (cell.quartiles?.[2] ?? null) : null],
          ]);
          rows.push({ question: question.name, title, row: '', key, base: cell.base, counts: new Map([[column(MISSING), countOf(cell.missing)]]), statistics });
          break;
        }
        case 'text': {
          const cell = question.cells[key];
          if (cell) rows.push({ question: question.name, title, row: '', key, base: cell.base, counts: new Map([[column(MISSING), countOf(cell.missing)]]), statistics: new Map() });
          break;
        }
      }
    }
  }
  const hasStatistics = rows.some((row) => row.statistics.size > 0);
  const header = [
    'question', 'title', 'row', ...published.segments, 'base',
    ...columns.flatMap((c) => [c, `${c} %`]),
    ...(hasStatistics ? STATISTICS : []),
    'note',
  ];
  const lines = [header.map((f) => csvField(f)).join(',')];
  const segmentFields = new Map(keys.map((key) => [key, parsePublishedKey(key).map((v) => csvField(v === TOTAL ? TOTAL_VALUE : (v ?? '')))]));
  const cellText = (value: number | null) => (value === null ? HIDDEN_CELL : String(value));
  for (const row of rows) {
    const base = countOf(row.base);
    const anyShown = base !== null || [...row.counts.values()].some((v) => v !== null && v > 0);
    if (!anyShown && options.hidden !== 'keep') continue;
    const fields = [csvField(row.question), csvField(row.title), csvField(row.row), ...segmentFields.get(row.key)!, cellText(base)];
    for (const c of columns) {
      if (!row.counts.has(c)) {
        fields.push('', '');
        continue;
      }
      const count = row.counts.get(c) ?? null;
      const percentBase = c === MISSING ? null : base;
      fields.push(cellText(count), count === null ? HIDDEN_CELL : percentBase !== null && percentBase > 0 ? ((count / percentBase) * 100).toFixed(decimals) : '');
    }
    if (hasStatistics) {
      for (const s of STATISTICS) fields.push(row.statistics.has(s) ? (row.statistics.get(s) === null ? HIDDEN_CELL : String(row.statistics.get(s))) : '');
    }
    fields.push(fields.includes(HIDDEN_CELL) ? csvField(hiddenNote(options)) : '');
    lines.push(fields.join(','));
  }
  return csvDocument(lines, options);
}
