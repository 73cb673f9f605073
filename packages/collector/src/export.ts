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

/**
 * Writes every stored response of a survey as CSV: one row per response with its id, the
 * meta columns, then the answer columns of every definition version ({@link versionColumns}).
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
  const columns = await versionColumns(storage, survey);
  const keys = new Set(columns.map((column) => column.key));
  const write = async (line: string): Promise<void> => {
    if (!out.write(`${line}\r\n`)) await new Promise((resolve) => out.once('drain', resolve));
  };
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
        ...columns.map((column) => readPath(response.data[column.key], column.path)),
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
