import type { ServerResponse } from 'node:http';
import { CollectorError } from '../errors.js';

/** Sends a JSON body; every API answer is JSON so a client can tell it from a portal's HTML. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** Sends a refusal as `{ error, field, reason }`; unexpected errors become a bare 500. */
export function sendError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof CollectorError) {
    const headers: Record<string, string> = {};
    if (error.status === 413) headers.Connection = 'close';
    // Starting, shutting down, or results not yet computable: a client should come back soon.
    if (error.status === 503) headers['Retry-After'] = String(error.retryAfter ?? 2);
    if (error.status === 401) headers['WWW-Authenticate'] = 'Bearer realm="pupil-voice-results"';
    sendJson(res, error.status, error.toJSON(), headers);
    return;
  }
  // Log the message only: a stack or a request body could carry a respondent's answers.
  console.error(`collector: internal error: ${error instanceof Error ? error.message : String(error)}`);
  sendJson(res, 500, { error: 'internal_error', reason: 'the response was not stored; please retry' });
}
