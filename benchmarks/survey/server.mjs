// A tiny static server on 127.0.0.1 (port 0) for the two pages under test. Files are
// compressed once (brotli q11, gzip -9) and served with the best encoding the browser accepts,
// as a well-configured school web server or CDN would.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Raw, gzip and brotli bytes of one body (memoised by the caller). */
export function compressAll(raw) {
  return {
    raw,
    gzip: gzipSync(raw, { level: 9 }),
    br: brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
  };
}

/**
 * @param {(pathname: string, search: URLSearchParams) => ({ file?: string, body?: string, type?: string } | undefined)} resolveRoute
 * @returns {Promise<{ origin: string, encodingsSeen: Set<string>, close: () => Promise<void> }>}
 */
export async function startServer(resolveRoute) {
  const cache = new Map();
  const encodingsSeen = new Set();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const route = resolveRoute(url.pathname, url.searchParams);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const key = route.file ?? `${url.pathname}?${url.search}`;
    let bodies = cache.get(key);
    if (!bodies) {
      const raw = route.file ? readFileSync(route.file) : Buffer.from(route.body ?? '');
      bodies = compressAll(raw);
      cache.set(key, bodies);
    }
    const accept = String(request.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : 'identity';
    encodingsSeen.add(encoding);
    const body = encoding === 'br' ? bodies.br : encoding === 'gzip' ? bodies.gzip : bodies.raw;
    const headers = {
      'content-type': route.type ?? TYPES[extname(route.file ?? url.pathname)] ?? 'application/octet-stream',
      'content-length': String(body.length),
      'cache-control': 'no-store',
      vary: 'accept-encoding',
    };
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    response.writeHead(200, headers).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    encodingsSeen,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}
