import type { IncomingMessage } from 'node:http';
import { CollectorError } from '../errors.js';

/**
 * Reads a request body up to `limit` bytes. A larger body is refused with 413 as soon as the
 * declared length or the bytes received exceed the limit, without buffering the rest.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = (): CollectorError =>
    new CollectorError(413, 'body_too_large', undefined, `the body is larger than ${limit} bytes`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
