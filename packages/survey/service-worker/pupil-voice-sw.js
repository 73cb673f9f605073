// Pupil Voice's optional service worker (README, "Repeat visits, kiosks and offline"): the
// second pupil on the same tablet starts at once, and without a network. rollup writes this
// file to dist/pupil-voice-sw.js with the bundle's file list and version filled in.
//
// Register it from the survey page, naming the survey definitions (and the page itself) to keep:
//   navigator.serviceWorker.register(
//     '/pupil-voice/pupil-voice-sw.js?survey=/v1/surveys/wellbeing&page=/wellbeing/',
//     { scope: '/wellbeing/' },
//   );
// Query parameters: `survey` and `page` (each may repeat): same-origin URLs to keep; `dist`:
// where the bundle lives, when this file was copied elsewhere (default: beside this file).
//
// What it keeps, and what it never does:
// - It caches only the bundle's own files and the URLs named above, fetched without cookies
//   (`credentials: 'omit'`), so nothing that identifies a respondent or a signed-in adult can
//   enter the cache. Every other request goes to the network untouched.
// - It never answers anything but GET: a response POSTed to the collector always goes to the
//   network (the page's outbox keeps it until the collector acknowledges it).
// - Hashed chunks never change: served from the cache. The entry, the definitions and the
//   pages: served from the cache at once and refreshed in the background, so a changed survey
//   shows on the next visit.
// - Each build has its own cache, named by its version; activating a new version deletes the
//   caches of older ones.

const VERSION = '__PV_VERSION__';
const PRECACHE = ['__PV_PRECACHE__'];
const ENTRY = '__PV_ENTRY__';

const CACHE_PREFIX = 'pupil-voice-';
const CACHE = `${CACHE_PREFIX}${VERSION}`;

const here = new URL(self.location.href);
const params = here.searchParams;
const base = new URL(params.get('dist') ?? './', here);

/** Same-origin URLs from a query parameter, without any fragment. */
function named(parameter) {
  return params
    .getAll(parameter)
    .map((value) => new URL(value, here))
    .filter((url) => url.origin === here.origin)
    .map(withoutHash);
}

function withoutHash(url) {
  const copy = new URL(url);
  copy.hash = '';
  return copy.href;
}

/** Chunk files: their names carry a content hash, so a cached copy is always right. */
const IMMUTABLE = new Set(PRECACHE.filter((file) => file !== ENTRY).map((file) => new URL(file, base).href));
/** The entry, the definitions and the pages: kept, and refreshed in the background. */
const REFRESHED = new Set([new URL(ENTRY, base).href, ...named('survey'), ...named('page')]);

async function fetchForCache(url) {
  const response = await fetch(url, { credentials: 'omit', cache: 'no-cache', redirect: 'follow' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // The bundle must be complete; a definition or page that cannot be fetched now is kept
      // the first time the page asks for it.
      await Promise.all([...IMMUTABLE, new URL(ENTRY, base).href].map(async (url) => cache.put(url, await fetchForCache(url))));
      await Promise.allSettled([...REFRESHED].map(async (url) => cache.put(url, await fetchForCache(url))));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  // Only reads are ever answered here: a POSTed response always reaches the network.
  if (request.method !== 'GET') return;
  const url = withoutHash(request.url);
  if (IMMUTABLE.has(url)) event.respondWith(cacheFirst(url));
  else if (REFRESHED.has(url)) event.respondWith(staleWhileRefresh(url, event));
});

async function cacheFirst(url) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(url);
  if (cached) return cached;
  const response = await fetchForCache(url);
  await cache.put(url, response.clone());
  return response;
}

async function staleWhileRefresh(url, event) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(url);
  const refreshed = fetchForCache(url).then(async (response) => {
    await cache.put(url, response.clone());
    return response;
  });
  if (cached) {
    // Offline, or the server down: the cached copy stands.
    event.waitUntil(refreshed.catch(() => undefined));
    return cached;
  }
  return refreshed;
}
