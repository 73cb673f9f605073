// A stand-in for the collector's GET /v1/surveys/:id/results while the first snapshot is still
// being computed, mounted on the test runner's own HTTP server so <pv-results> fetches over real
// loopback HTTP. Each scenario (a path segment a test makes up) answers 503 `results_pending`
// with `Retry-After` a set number of times, then 200 with the publication the test put there.
//
//   PUT /test-results/<scenario>/_script   {"pending": 2, "retryAfter": "1", "publication": {...}}
//   GET /test-results/<scenario>/_record   {"requests": [ms since the script was put, ...]}
//   GET /test-results/<scenario>/results   503 (pending times), then 200 with the publication

const PREFIX = '/test-results/';

/** @type {Map<string, {pending: number, retryAfter: string | null, publication: unknown, start: number, requests: number[]}>} */
const scenarios = new Map();

/** @param {import('node:http').IncomingMessage} req */
async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function send(ctx, status, body, headers = {}) {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(headers)) ctx.set(name, value);
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(body);
}

export async function pendingResults(ctx, next) {
  if (!ctx.path.startsWith(PREFIX)) return next();
  const [scenario, route] = ctx.path.slice(PREFIX.length).split('/');
  if (!scenario || !route) return send(ctx, 404, { error: 'not_found' });
  if (route === '_script' && ctx.method === 'PUT') {
    const script = JSON.parse(await readBody(ctx.req));
    scenarios.set(scenario, { pending: script.pending ?? 1, retryAfter: script.retryAfter ?? null, publication: script.publication, start: Date.now(), requests: [] });
    return send(ctx, 200, { ok: true });
  }
  const state = scenarios.get(scenario);
  if (!state) return send(ctx, 404, { error: 'no_script' });
  if (route === '_record') return send(ctx, 200, { requests: state.requests });
  if (route !== 'results' || ctx.method !== 'GET') return send(ctx, 404, { error: 'not_found' });
  state.requests.push(Date.now() - state.start);
  if (state.requests.length <= state.pending) {
    const headers = state.retryAfter === null ? {} : { 'Retry-After': state.retryAfter };
    return send(ctx, 503, { error: 'results_pending', message: 'the results are being prepared' }, headers);
  }
  return send(ctx, 200, state.publication);
}
