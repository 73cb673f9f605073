import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request headers a school page may send: the JSON body type, the idempotency key, and an analyst's token. */
const ALLOWED_HEADERS = 'Content-Type, Idempotency-Key, Authorization';
const ALLOWED_METHODS = 'GET, POST, OPTIONS';

/**
 * Cross-origin access limited to an allowlist of school origins from configuration. An
 * origin not on the list gets no CORS headers at all, so the browser withholds the answer;
 * writes from such an origin are also refused server-side (see {@link CorsPolicy.isRefused}).
 */
export class CorsPolicy {
  private readonly origins: Set<string>;

  constructor(origins: readonly string[]) {
    this.origins = new Set(origins.map((origin) => normaliseOrigin(origin)));
  }

  /** True when the request comes from an origin on the allowlist. */
  allows(origin: string | undefined): origin is string {
    return origin !== undefined && this.origins.has(normaliseOrigin(origin));
  }

  /**
   * True when a browser on a foreign origin tries to write: the request carries an `Origin`
   * that is neither allowlisted nor the collector's own. Non-browser clients send no Origin.
   */
  isRefused(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined || this.allows(origin)) return false;
    const host = req.headers.host;
    return !(host !== undefined && (origin === `http://${host}` || origin === `https://${host}`));
  }

  /** Adds the CORS headers for an allowlisted origin to an ordinary response. */
  decorate(req: IncomingMessage, res: ServerResponse): void {
    res.setHeader('Vary', 'Origin');
    const origin = req.headers.origin;
    if (this.allows(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  }

  /** Answers a preflight: 204 with permissions for allowlisted origins, 403 with none otherwise. */
  preflight(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    if (!this.allows(origin)) {
      res.writeHead(403, { Vary: 'Origin', 'Content-Length': 0 });
      res.end();
      return;
    }
    res.writeHead(204, {
      Vary: 'Origin',
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': ALLOWED_METHODS,
      'Access-Control-Allow-Headers': ALLOWED_HEADERS,
      'Access-Control-Max-Age': '600',
      'Content-Length': 0,
    });
    res.end();
  }
}

/** `https://School.example/` and `https://school.example` are the same origin. */
export function normaliseOrigin(origin: string): string {
  return origin.trim().replace(/\/+$/, '').toLowerCase();
}
