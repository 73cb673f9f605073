import type { Tally } from '@pupil-voice/aggregate';
import { CollectorError } from '../errors.js';
import type { EncryptedEnvelope } from '../wire.js';

/** A response shaped for `tally`: the wire format, with segment values in `meta`. */
export interface TallyInput {
  id: string;
  data: Record<string, unknown>;
  meta: Record<string, string | undefined>;
}

/**
 * The parts of a published (suppressed) tally the collector reads to cut views out of it:
 * every cell map is keyed by the JSON array of segment values, `true` standing for a total.
 */
export interface PublishedView {
  segments: string[];
  k: number;
  respondents: Record<string, unknown>;
  questions: Array<{ cells: Record<string, unknown> } & Record<string, unknown>>;
  unknownQuestions: Array<{ name: string; cells: Record<string, unknown> }>;
  [other: string]: unknown;
}

/** `tally` from `@pupil-voice/aggregate`, as documented in its README. */
export type TallyFunction = (
  definition: Record<string, unknown>,
  responses: AsyncIterable<TallyInput>,
  options: { segments: string[] },
) => Promise<Tally>;

/** `suppress` from `@pupil-voice/aggregate`, as documented in its README. */
export type SuppressFunction = (tally: Tally, options: { k: number }) => PublishedView;

/** `decryptResponse` from `@pupil-voice/aggregate`: opens a sealed response with the analyst's key. */
export type DecryptFunction = (
  envelope: EncryptedEnvelope,
  privateKey: JsonWebKey | CryptoKey,
  options: { responseId?: string },
) => Promise<{ id: string; data: Record<string, unknown> }>;

/** `importResponsePrivateKey` from `@pupil-voice/aggregate`: imports the JWK once for many responses. */
export type ImportKeyFunction = (privateKeyJwk: JsonWebKey) => Promise<CryptoKey>;

let loaded: Promise<Record<string, unknown>> | undefined;

async function aggregateFunction<T>(name: 'tally' | 'suppress' | 'decryptResponse' | 'importResponsePrivateKey'): Promise<T> {
  loaded ??= import('@pupil-voice/aggregate') as Promise<Record<string, unknown>>;
  const candidate = (await loaded)[name];
  if (typeof candidate !== 'function') {
    throw new CollectorError(503, 'results_unavailable', undefined, `the installed @pupil-voice/aggregate does not provide ${name}`);
  }
  return candidate as T;
}

/**
 * The aggregation functions, loaded on first use. A missing function becomes a 503 for the
 * results that need it rather than a crash of the collector, which keeps receiving responses.
 */
export const aggregate = {
  tally: (): Promise<TallyFunction> => aggregateFunction<TallyFunction>('tally'),
  suppress: (): Promise<SuppressFunction> => aggregateFunction<SuppressFunction>('suppress'),
  decrypt: (): Promise<DecryptFunction> => aggregateFunction<DecryptFunction>('decryptResponse'),
  importKey: (): Promise<ImportKeyFunction> => aggregateFunction<ImportKeyFunction>('importResponsePrivateKey'),
};
