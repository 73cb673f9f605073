import type { EncryptedEnvelope, ResponseMeta } from '../wire.js';
import type { StoredDefinition, StoredResponse } from './storage.js';

/** A `definitions` row as both dialects return it. */
export interface DefinitionRow {
  survey_id: string;
  version: string;
  definition: string;
  first_day: string;
}

export function rowToDefinition(row: DefinitionRow): StoredDefinition {
  return { surveyId: row.survey_id, version: row.version, definition: JSON.parse(row.definition) as Record<string, unknown>, firstDay: row.first_day };
}

/** A `responses` row as both dialects return it. */
export interface ResponseRow {
  id: string;
  survey_id: string;
  data: string;
  encrypted: string | null;
  audience: string | null;
  school: string | null;
  wave: string | null;
  day: string | null;
  received_day: string;
  definition_version: string | null;
}

/** Turns a row back into the response it stored; absent meta stays absent. */
export function rowToResponse(row: ResponseRow): StoredResponse {
  const meta: ResponseMeta = {};
  if (row.audience !== null) meta.audience = row.audience;
  if (row.school !== null) meta.school = row.school;
  if (row.wave !== null) meta.wave = row.wave;
  if (row.day !== null) meta.day = row.day;
  const response: StoredResponse = {
    id: row.id,
    surveyId: row.survey_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
    meta,
    receivedDay: row.received_day,
  };
  if (row.definition_version !== null && row.definition_version !== undefined) response.definitionVersion = row.definition_version;
  if (row.encrypted !== null) response.encrypted = JSON.parse(row.encrypted) as EncryptedEnvelope;
  return response;
}

/** Explains why a stored row and a new body under the same id cannot both be true. */
export function conflictReason(existingSurveyId: string, surveyId: string): string {
  return existingSurveyId === surveyId
    ? 'a different response was already stored under this id'
    : 'this id was already used for a response to another survey';
}
