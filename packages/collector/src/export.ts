import type { Writable } from 'node:stream';
import { Model } from 'survey-core';
import { settings } from 'survey-core';
import type { ResponseStorage } from './storage/storage.js';
import type { RegisteredSurvey } from './surveys/survey-registry.js';
import { decryptResponse, importResponsePrivateKey } from '@pupil-voice/aggregate';
import { tallyStored, SEGMENT_KEYS, type SealedResponses } from './results/results.js';
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

/** The answer columns of a definition: each question's data key, plus its `-Comment` key when it has one. */
export function answerColumns(definition: Record<string, unknown>): string[] {
  const model = new Model(definition);
  const columns: string[] = [];
  for (const question of model.getAllQuestions(false, false, true)) {
    const type = question.getType();
    if (type === 'html' || type === 'image') continue;
    const key = question.getValueName();
    if (!columns.includes(key)) columns.push(key);
    const withComment = question as unknown as { showOtherItem?: boolean; showCommentArea?: boolean };
    if (withComment.showOtherItem === true || withComment.showCommentArea === true) columns.push(`${key}${settings.commentSuffix}`);
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
 * meta columns, then one column per answer (lists and objects as JSON). Answers under keys
 * the definition does not have are kept in an `other_answers` JSON column, never dropped; a
 * sealed response that cannot be opened (no key given) keeps its envelope in `encrypted`.
 * Rows are in id order (random UUIDs), which reveals nothing about arrival order.
 */
export async function exportCsv(
  storage: ResponseStorage,
  survey: RegisteredSurvey,
  out: Writable,
  sealed: SealedResponses = {},
): Promise<number> {
  const columns = answerColumns(survey.definition);
  const write = async (line: string): Promise<void> => {
    if (!out.write(`${line}\r\n`)) await new Promise((resolve) => out.once('drain', resolve));
  };
  await write(['id', ...META_COLUMNS, ...columns, 'other_answers', 'encrypted'].map(csvField).join(','));
  let rows = 0;
  for await (const stored of storage.responses(survey.id)) {
    let response = stored;
    if (stored.encrypted !== undefined && sealed.unseal !== undefined) {
      response = { ...stored, data: await sealed.unseal(stored) };
      delete response.encrypted;
    }
    const extra = Object.fromEntries(Object.entries(response.data).filter(([key]) => !columns.includes(key)));
    await write(
      [
        response.id,
        ...META_COLUMNS.map((key) => response.meta[key]),
        ...columns.map((key) => response.data[key]),
        Object.keys(extra).length > 0 ? extra : undefined,
        response.encrypted,
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
 * suppress before anything is published.
 */
export async function exportTallies(
  storage: ResponseStorage,
  survey: RegisteredSurvey,
  out: Writable,
  yearQuestions: readonly string[],
  sealed: SealedResponses = {},
): Promise<{ sealedSkipped: number }> {
  let sealedSkipped = 0;
  const tally = await tallyStored(storage, survey, { filters: {}, by: [...SEGMENT_KEYS] }, yearQuestions, {
    ...sealed,
    onSealed: () => (sealedSkipped += 1),
  });
  out.write(`${JSON.stringify(tally)}\n`);
  return { sealedSkipped };
}
