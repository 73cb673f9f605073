// Extra routes on the test runner's own HTTP server (loopback), for browser tests that need a
// real endpoint to talk to. Each module exports koa middleware; see packages/*/test-server/.
import { pendingResults } from '../packages/charts/test-server/pending-results.mjs';
import { scriptedCollector } from '../packages/store/test-server/scripted-collector.mjs';

export const testMiddleware = [
  // /test-collector/<scenario>/v1/surveys/:id/responses: fails, hangs, answers HTML, then accepts.
  scriptedCollector,
  // /test-results/<scenario>/results: 503 results_pending with Retry-After, then the publication.
  pendingResults,
];
