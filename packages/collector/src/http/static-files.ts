import { createReadStream, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

/** A folder served read-only under a URL prefix (`/` by default). */
export interface StaticMount {
  dir: string;
  /** URL prefix, always starting and ending with `/`. */
  mount: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/**
 * A chunk of the embed bundle: rollup names it `chunks/<name>.<hash>.js`, the hash taken from
 * its content, so a given URL never changes and browsers may keep it for a year without asking
 * again. Every other file (the entries `pupil-voice*.js`, pages, definitions) is revalidated on
 * each use, so a new build is picked up at once.
 */
const HASHED_CHUNK = /(?:^|\/)chunks\/[^/]+\.[A-Za-z0-9_-]{8}\.js(?:\.map)?$/;

/** Cache-Control for a served file, by its path inside the mount. */
export function cacheControlFor(relativePath: string): string {
  return HASHED_CHUNK.test(relativePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Parses `dir[:mount]` from the command line (`./examples:/examples`). */
export function parseStaticMount(spec: string): StaticMount {
  const colon = spec.lastIndexOf(':');
  // A Windows drive letter (`C:\…`) is not a mount separator.
  const hasMount = colon > 1 && spec.slice(colon + 1).startsWith('/');
  const dir = hasMount ? spec.slice(0, colon) : spec;
  let mount = hasMount ? spec.slice(colon + 1) : '/';
  if (!mount.endsWith('/')) mount += '/';
  return { dir: resolve(dir), mount };
}

/**
 * Serves demo pages and the embed bundle read-only: GET and HEAD only, files only (a folder
 * gets its `index.html` or a 404, never a listing), and no path may leave the mounted folder,
 * whether by `..`, an encoded `%2e%2e`, a backslash or a symbolic link.
 * Returns false when no mount claims the path, so the caller can answer 404.
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, mounts: readonly StaticMount[]): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://collector.invalid');
  const mount = mounts
    .filter((candidate) => url.pathname === candidate.mount.slice(0, -1) || url.pathname.startsWith(candidate.mount))
    .sort((a, b) => b.mount.length - a.mount.length)[0];
  if (mount === undefined) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Length': 0 });
    res.end();
    return true;
  }
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname.slice(mount.mount.length));
  } catch {
    return notFound(res);
  }
  const segments = relative.split('/');
  if (relative.includes('\\') || relative.includes('\0') || segments.some((part) => part === '..' || part === '.')) {
    return notFound(res);
  }
  const root = await realpath(mount.dir).catch(() => undefined);
  if (root === undefined) return notFound(res);
  let file = join(root, ...segments.filter((part) => part !== ''));
  let info: Stats;
  try {
    file = await realpath(file);
    info = await stat(file);
    if (info.isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        // Relative links in the folder's index.html resolve against a path ending in `/`.
        res.writeHead(301, { Location: `${url.pathname}/${url.search}`, 'Content-Length': 0 });
        res.end();
        return true;
      }
      file = await realpath(join(file, 'index.html'));
      info = await stat(file);
    }
  } catch {
    return notFound(res);
  }
  if (!info.isFile() || (file !== root && !file.startsWith(root + sep))) return notFound(res);
  const headers: Record<string, string | number> = {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': cacheControlFor(relative),
    'X-Content-Type-Options': 'nosniff',
  };
  // The embed's optional service worker lives beside the bundle but serves the survey pages:
  // it may be registered for any scope on this site.
  if (segments.at(-1) === 'pupil-voice-sw.js') headers['Service-Worker-Allowed'] = '/';
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
  return true;
}

function notFound(res: ServerResponse): true {
  const text = 'Not found';
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
  return true;
}
