import type { Writable } from 'node:stream';
import { readPath, readSurvey, type CsvColumn, type QuestionTypes } from '@pupil-voice/schema';
import type { ResponseStorage } from './storage/storage.js';
import type { RegisteredSurvey } from './surveys/survey-registry.js';
import { decryptResponse, importResponsePrivateKey, type VersionDifference } from '@pupil-voice/aggregate';
import { tallyStoredVersions, SEGMENT_KEYS, type SealedResponses } from './results/results.js';
import type { StoredResponse } from './storage/storage.js';

/** Meta columns written before the answers in a CSV export. */
const META_COLUMNS = ['audience', 'school', 'wave', 'day'] as const;

/**
 * One CSV field. Quoted when needed (RFC 4180), and a text answer that a spreadsheet would
 * run as a formula (`=`, `+`, `-`, `@`) is prefixed with `'`, so opening an export of pupils'
 * free text in Excel cannot execute anything.
 */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !Number.isFinite(Number(text))) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One answer column of an export: its header, the data key it reads and the path inside that answer. */
export type AnswerColumn = CsvColumn & { key: string };

/**
 * The answer columns of a definition, from each question type's descriptor: one per question
 * (lists and objects as JSON), one per row of a matrix, per cell of a matrixdropdown
 * (`grid.row.column`) and per item of a multipletext (`multi.item`), then the `-Comment`
 * column of a question that keeps free text there.
 */
export function answerColumns(definition: Record<string, unknown>, types?: QuestionTypes): AnswerColumn[] {
  return readSurvey(definition, types === undefined ? {} : { types }).csvColumns();
}

/**
 * The columns of every version of a survey, the current version's first, then any column only
 * an older version had (a removed question's answers stay in their own column).
 */
export async function versionColumns(storage: ResponseStorage, survey: RegisteredSurvey): Promise<AnswerColumn[]> {
  const types = survey.validator.reading.types;
  const columns = answerColumns(survey.definition, types);
  const headers = new Set(columns.map((column) => column.header));
  for (const stored of (await storage.definitions(survey.id)).reverse()) {
    for (const column of answerColumns(stored.definition, types)) {
      if (!headers.has(column.header)) {
        headers.add(column.header);
        columns.push(column);
      }
    }
  }
  return columns;
}

/**
 * Opens sealed responses with the analyst's private key (a JWK file's contents), using
 * `decryptResponse` from `@pupil-voice/aggregate`; an envelope sealed for another id is refused.
 */
export async function unsealWith(privateKeyJwk: JsonWebKey): Promise<NonNullable<SealedResponses['unseal']>> {
  const key = await importResponsePrivateKey(privateKeyJwk);
  return async (response: StoredResponse) => (await decryptResponse(response.encrypted!, key, { responseId: response.id })).data;
}

/** One column of the raw CSV as an analyst opens it: its header and how it reads a response's answers. */
interface ExportColumn {
  header: string;
  read(data: Record<string, unknown>): unknown;
}

const MULTI_TYPES = new Set(['checkbox', 'tagbox']);

function textOf(value: unknown, fallback: string): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') {
    const localized = value as Record<string, unknown>;
    const text = localized['default'] ?? localized['en'] ?? Object.values(localized)[0];
    if (typeof text === 'string') return text;
  }
  return fallback;
}

/** The choices (or matrix rows) of a question as written: value and display text. */
function listOf(items: unknown): Array<{ value: string; text: string }> {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item) => {
    if (typeof item === 'string' || typeof item === 'number') return [{ value: String(item), text: String(item) }];
    if (item !== null && typeof item === 'object' && 'value' in item) {
      const value = String((item as { value: unknown }).value);
      return [{ value, text: textOf((item as { text?: unknown }).text, value) }];
    }
    return [];
  });
}

/**
 * The raw export's columns as an analyst opens them in a spreadsheet: a multi-select question
 * gets one column per choice (1 ticked, 0 not ticked, empty if not answered) plus one for
 * values outside its choices (kept, never dropped); a matrix one column per row; every header
 * starts with the data key (kept, so scripts still find it) followed by the question's title
 * (and the choice or row) when it has one.
 */
export function analystColumns(columns: readonly AnswerColumn[], definition: Record<string, unknown>): ExportColumn[] {
  const reading = readSurvey(definition);
  return columns.flatMap((column): ExportColumn[] => {
    const element = reading.element(column.key)?.element;
    const json = (element?.json ?? {}) as Record<string, unknown>;
    const title = textOf(json['title'], '');
    const named = (key: string, ...parts: string[]) => {
      const words = [title, ...parts].filter((part) => part !== '');
      return words.length > 0 && words.join(' – ') !== key ? `${key}: ${words.join(' – ')}` : key;
    };
    const whole = (data: Record<string, unknown>) => data[column.key];
    const multi = element !== undefined && column.path.length === 0 && (MULTI_TYPES.has(element.type) || (element.type === 'imagepicker' && json['multiSelect'] === true));
    if (multi) {
      const choices = listOf(json['choices']);
      const known = new Set(choices.map((choice) => choice.value));
      return [
        ...choices.map((choice) => ({
          header: named(`${column.key}.${choice.value}`, choice.text),
          read: (data: Record<string, unknown>) => {
            const value = whole(data);
            return Array.isArray(value) ? (value.some((item) => String(item) === choice.value) ? 1 : 0) : undefined;
          },
        })),
        {
          header: `${column.key}.(other values)`,
          read: (data: Record<string, unknown>) => {
            const value = whole(data);
            const other = Array.isArray(value) ? value.filter((item) => !known.has(String(item))) : [];
            return other.length > 0 ? other : undefined;
          },
        },
      ];
    }
    if (element?.type === 'matrix' && column.path.length === 0) {
      const rows = listOf(json['rows']);
      return rows.map((row) => ({
        header: named(`${column.key}.${row.value}`, row.text),
        read: (data: Record<string, unknown>) => {
          const value = whole(data);
          return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[row.value] : undefined;
        },
      }));
    }
    // Other columns (matrix rows, a dropdown grid's cells, multipletext items) come from the
    // type's descriptor with a path: the header keeps it, with the title (and row) after it.
    const rowText = element?.type === 'matrix' && column.path.length === 1 ? listOf(json['rows']).find((row) => row.value === column.path[0])?.text : undefined;
    const isComment = column.header !== column.key && column.path.length === 0;
    return [{ header: isComment ? column.header : named(column.header, ...(rowText === undefined ? [] : [rowText])), read: (data) => readPath(data[column.key], column.path) }];
  });
}

/**
 * Writes every stored response of a survey as CSV (UTF-8 with a byte-order mark): one row per
 * response with its id, the meta columns, then the answer columns of every definition version
 * ({@link versionColumns}) as an analyst reads them ({@link analystColumns}).
 * Answers under keys no version has are kept in an `other_answers` JSON column, never dropped;
 * a sealed response that cannot be opened (no key given) keeps its envelope in `encrypted`;
 * `definition_version` names the definition the response answered. Rows are in id order
 * (random UUIDs), which reveals nothing about arrival order. With `audience`, only that
 * audience's responses.
 */
export async function exportCsv(
  storage: ResponseStorage,
  survey: RegisteredSurvey,
  out: Writable,
  sealed: SealedResponses = {},
  audience?: string,
): Promise<number> {
  const answerColumns = await versionColumns(storage, survey);
  const keys = new Set(answerColumns.map((column) => column.key));
  const columns = analystColumns(answerColumns, survey.definition);
  const write = async (line: string): Promise<void> => {
    if (!out.write(`${line}\r\n`)) await new Promise((resolve) => out.once('drain', resolve));
  };
  // A byte-order mark, so a spreadsheet reads pupils' words (and Welsh) as UTF-8.
  out.write('\uFEFF');
  await write(['id', ...META_COLUMNS, ...columns.map((column) => column.header), 'other_answers', 'encrypted', 'definition_version'].map(csvField).join(','));
  let rows = 0;
  for await (const stored of storage.responses(survey.id, audience === undefined ? {} : { audience })) {
    let response = stored;
    if (stored.encrypted !== undefined && sealed.unseal !== undefined) {
      response = { ...stored, data: await sealed.unseal(stored) };
      delete response.encrypted;
    }
    const extra = Object.fromEntries(Object.entries(response.data).filter(([key]) => !keys.has(key)));
    await write(
      [
        response.id,
        ...META_COLUMNS.map((key) => response.meta[key]),
        ...columns.map((column) => column.read(response.data)),
        Object.keys(extra).length > 0 ? extra : undefined,
        response.encrypted,
        response.definitionVersion,
      ]
        .map(csvField)
        .join(','),
    );
    rows += 1;
  }
  return rows;
}

/**
 * Writes the unsuppressed tally of a survey as JSON, split by every segment key, for an
 * analyst to merge with other collectors' tallies (`merge` in `@pupil-voice/aggregate`) and
 * suppress before anything is published. Responses to different definition versions are
 * merged by `mergeVersions`; what differed is returned (the CLI reports it on standard error).
 * With `audience`, only that audience's responses, labelled in that audience's wording.
 */
export async function exportTallies(
  storage: ResponseStorage,
  survey: RegisteredSurvey,
  out: Writable,
  yearQuestions: readonly string[],
  sealed: SealedResponses = {},
  audience?: string,
): Promise<{ sealedSkipped: number; differences: VersionDifference[] }> {
  let sealedSkipped = 0;
  const filters = audience === undefined ? {} : { audience };
  const { tally, differences } = await tallyStoredVersions(storage, survey, { filters, by: [...SEGMENT_KEYS] }, yearQuestions, {
    ...sealed,
    onSealed: () => (sealedSkipped += 1),
  }, audience);
  out.write(`${JSON.stringify(tally)}\n`);
  return { sealedSkipped, differences };
}

/** One line per difference between definition versions, for a person reading the export's log. */
export function describeDifferences(differences: readonly VersionDifference[]): string[] {
  return differences.map((difference) => {
    const where = `"${difference.question}"`;
    switch (difference.change) {
      case 'not-in-every-version':
        return `${where} is only in version(s) ${difference.versions.join(', ')}: left out of the merged tally` +
          (difference.possiblyRenamed === undefined ? '' : ` (probably renamed to or from "${difference.possiblyRenamed}")`);
      case 'choices-changed':
        return `${where} changed its choices (added: ${difference.added?.join(', ') || 'none'}; removed: ${difference.removed?.join(', ') || 'none'}): kept per version as ${difference.keptAs?.join(', ')}`;
      case 'kind-changed':
        return `${where} is counted differently between versions: kept per version as ${difference.keptAs?.join(', ')}`;
    }
  });
}
