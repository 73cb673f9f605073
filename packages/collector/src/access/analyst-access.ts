import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CollectorError } from '../errors.js';
import type { ResponseStorage } from '../storage/storage.js';

/** A new analyst token: 32 random bytes, URL-safe, with a prefix that says what it is. */
export function newAnalystToken(): string {
  return `pva_${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a token: its SHA-256, so the database alone opens nothing. */
export function hashAnalystToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The one refusal for results without a valid token, the same for every survey id (known or not). */
export function unauthorized(): CollectorError {
  return new CollectorError(
    401,
    'analyst_token_required',
    'Authorization',
    'results are for analysts: send Authorization: Bearer <token> (create one with pupil-voice-collector token create --survey ID)',
  );
}

/**
 * Who may read results: the holder of an analyst token created for that survey, or anyone
 * for a survey marked public-results (a youth council's poll). The check runs before the
 * survey is looked up, so a refused request learns nothing, not even whether the id exists.
 */
export class AnalystAccess {
  private readonly publicResults: ReadonlySet<string>;

  constructor(
    private readonly storage: () => ResponseStorage | undefined,
    publicResults: readonly string[],
  ) {
    this.publicResults = new Set(publicResults);
  }

  /** True when the survey's results are public. */
  isPublic(surveyId: string): boolean {
    return this.publicResults.has(surveyId);
  }

  /** Resolves when the request may read this survey's results; throws the 401 otherwise. */
  async require(req: IncomingMessage, surveyId: string): Promise<void> {
    if (this.isPublic(surveyId)) return;
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9_\-.~+/]+=*)\s*$/i.exec(header) : null;
    const storage = this.storage();
    if (!match || !storage) throw unauthorized();
    if (!(await storage.hasAnalystToken(surveyId, hashAnalystToken(match[1]!)))) throw unauthorized();
  }
}
