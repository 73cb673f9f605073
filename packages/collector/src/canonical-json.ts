import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level, so two bodies that differ only in key order
 * (a re-send serialised by another browser, say) hash the same and a replay is recognised.
 */
export function canonicalJSON(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJSON(item)).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJSON((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

/** Hex SHA-256 of a string, used for body fingerprints, receipts and ETags. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
