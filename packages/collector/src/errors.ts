/**
 * A request the collector refuses, carrying what an integrator needs to fix it: an HTTP
 * status, a short machine-readable `error` code, the `field` at fault (a question name, a
 * header, or a body property) and a human `reason`. Serialised as the JSON error body.
 */
export class CollectorError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly field: string | undefined,
    readonly reason: string,
    /** For a 503: seconds after which the client should try again (the `Retry-After` header; default 2). */
    readonly retryAfter?: number,
  ) {
    super(`${error}${field === undefined ? '' : ` (${field})`}: ${reason}`);
    this.name = 'CollectorError';
  }

  /** The JSON body sent to the client: `{ error, field?, reason }`. */
  toJSON(): { error: string; field?: string; reason: string } {
    return this.field === undefined
      ? { error: this.error, reason: this.reason }
      : { error: this.error, field: this.field, reason: this.reason };
  }
}

/** Shorthand for a 400 about one field of a response, the most common refusal. */
export function invalidField(field: string, reason: string): CollectorError {
  return new CollectorError(400, 'invalid_response', field, reason);
}
