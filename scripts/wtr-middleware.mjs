// Extra routes on the test runner's own HTTP server (loopback), for browser tests that need a
// real endpoint to talk to. Each module exports koa middleware; see packages/*/test-server/.
export const testMiddleware = [];
