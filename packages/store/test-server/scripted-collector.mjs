// A scripted stand-in for the collector's POST /v1/surveys/:id/responses, mounted on the test
// runner's own HTTP server so browser tests hit a real endpoint over loopback. Each scenario
// (a path segment a test makes up) follows a script of steps, one per request, then a default:
//
//   accept          200 {"status":"stored","id":…,"receipt":…}; idempotent per id, 409 on a changed body
//   slow:<ms>       accept after <ms> (lets concurrent sends overlap if nothing prevents them)
//   <status>        that HTTP status with a JSON error, e.g. 503, 429, 422
//   hang            never answer; the client's timeout must fire
//   drop            destroy the connection (a network error in the page)
//   html            200 text/html captive-portal page
//   wrong-id        200 JSON acknowledging a different id
//
// Control routes (JSON):
//   PUT    /test-collector/<scenario>/_script   {"steps": [...], "otherwise": "accept"}
//   GET    /test-collector/<scenario>/_record   what arrived: requests, stored ids, concurrency
//   DELETE /test-collector/<scenario>/_record   forget the scenario
//   GET    /test-collector/_closed-port         {"port"}: a loopback port nobody listens on, for a
//                                               real "connection refused" (Chromium silently re-sends
//                                               a request whose *reused* connection drops, so `drop`
//                                               alone cannot be relied on to reach the page)
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';

const PREFIX = '/test-collector/';
const RESPONSES = /^\/v1\/surveys\/([^/]+)\/responses$/;
const HANG_LIMIT_MS = 30_000;
const PORTAL_PAGE =
  '<!doctype html><html><head><title>School Wi-Fi</title></head><body><h1>Welcome to School Wi-Fi</h1>' +
  '<p>Please accept the terms to continue.</p></body></html>';

/** @type {Map<string, ReturnType<typeof newScenario>>} */
const scenarios = new Map();

function newScenario() {
  return {
    steps: /** @type {string[]} */ ([]),
    otherwise: 'accept',
    requests: /** @type {object[]} */ ([]),
    stored: /** @type {Map<string, string>} */ (new Map()),
    inFlight: /** @type {Map<string, number>} */ (new Map()),
    maxInFlightPerId: /** @type {Record<string, number>} */ ({}),
  };
}

function scenarioFor(name) {
  let scenario = scenarios.get(name);
  if (!scenario) {
    scenario = newScenario();
    scenarios.set(name, scenario);
  }
  return scenario;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(ctx, status, body) {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(body);
}

function accept(ctx, scenario, id, text) {
  const previous = scenario.stored.get(id);
  if (previous !== undefined && previous !== text) {
    json(ctx, 409, { error: 'conflict', field: 'id', reason: 'a different response was already stored under this id' });
    return 'conflict';
  }
  scenario.stored.set(id, text);
  json(ctx, 200, { status: 'stored', id, receipt: `test.${id.slice(0, 8)}` });
  return previous === undefined ? 'stored' : 'replayed';
}

async function respond(ctx, scenario, step, id, text) {
  if (step === 'accept') return accept(ctx, scenario, id, text);
  if (step.startsWith('slow:')) {
    await new Promise((resolve) => setTimeout(resolve, Number(step.slice(5))));
    return accept(ctx, scenario, id, text);
  }
  if (step === 'html') {
    ctx.status = 200;
    ctx.type = 'text/html';
    ctx.body = PORTAL_PAGE;
    return 'portal';
  }
  if (step === 'wrong-id') {
    json(ctx, 200, { status: 'stored', id: randomUUID(), receipt: 'test.other' });
    return 'wrong-id';
  }
  if (step === 'hang') {
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, HANG_LIMIT_MS);
      ctx.req.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (ctx.req.socket.destroyed) ctx.respond = false;
    else json(ctx, 504, { error: 'timeout', reason: 'the scripted collector hung' });
    return 'hung';
  }
  if (step === 'drop') {
    ctx.req.socket.destroy();
    ctx.respond = false;
    return 'dropped';
  }
  const status = Number(step);
  if (Number.isInteger(status) && status >= 400 && status <= 599) {
    json(ctx, status, { error: `scripted_${status}`, field: 'data', reason: `scripted failure ${status}` });
    return `status ${status}`;
  }
  throw new Error(`unknown scripted step ${step}`);
}

async function handleResponse(ctx, scenario, surveyId) {
  const text = await readBody(ctx.req);
  const key = ctx.get('Idempotency-Key');
  let id;
  try {
    id = JSON.parse(text).id;
  } catch {
    id = undefined;
  }
  const record = { surveyId, id, idempotencyKeyMatches: key === id, outcome: 'pending' };
  scenario.requests.push(record);
  if (typeof id !== 'string' || key !== id) {
    json(ctx, 400, { error: 'invalid_body', field: 'Idempotency-Key', reason: 'must equal the body id' });
    record.outcome = 'bad request';
    return;
  }
  const inFlight = (scenario.inFlight.get(id) ?? 0) + 1;
  scenario.inFlight.set(id, inFlight);
  scenario.maxInFlightPerId[id] = Math.max(scenario.maxInFlightPerId[id] ?? 0, inFlight);
  try {
    const step = scenario.steps.length > 0 ? scenario.steps.shift() : scenario.otherwise;
    record.step = step;
    record.outcome = await respond(ctx, scenario, step, id, text);
  } finally {
    scenario.inFlight.set(id, (scenario.inFlight.get(id) ?? 1) - 1);
  }
}

/** A port that was free a moment ago: listen on port 0, note the port, close. */
function closedPort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Koa middleware for the test runner; answers only under /test-collector/. */
export async function scriptedCollector(ctx, next) {
  if (!ctx.path.startsWith(PREFIX)) return next();
  if (ctx.path === `${PREFIX}_closed-port`) return json(ctx, 200, { port: await closedPort() });
  const rest = ctx.path.slice(PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return next();
  const name = decodeURIComponent(rest.slice(0, slash));
  const route = rest.slice(slash);

  if (route === '/_script' && ctx.method === 'PUT') {
    const script = JSON.parse(await readBody(ctx.req));
    const scenario = scenarioFor(name);
    scenario.steps = [...(script.steps ?? [])];
    scenario.otherwise = script.otherwise ?? 'accept';
    return json(ctx, 200, { ok: true });
  }
  if (route === '/_record' && ctx.method === 'GET') {
    const scenario = scenarioFor(name);
    return json(ctx, 200, {
      requests: scenario.requests,
      stored: Object.fromEntries(scenario.stored),
      storedIds: [...scenario.stored.keys()],
      maxInFlightPerId: scenario.maxInFlightPerId,
      stepsLeft: scenario.steps.length,
    });
  }
  if (route === '/_record' && ctx.method === 'DELETE') {
    scenarios.delete(name);
    return json(ctx, 200, { ok: true });
  }
  const match = RESPONSES.exec(route);
  if (match && ctx.method === 'POST') return handleResponse(ctx, scenarioFor(name), decodeURIComponent(match[1]));
  return json(ctx, 404, { error: 'not_found', reason: `no scripted route ${ctx.method} ${route}` });
}
