// `npm start` when its port is taken (another demo, another engineer's server): it says so and
// serves on the next free port. Run with --no-build: the build is checked by npm test itself.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';

it('npm start moves to the next free port when its port is taken, and says so', async () => {
  const blocker = createServer();
  await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const taken = blocker.address().port;
  const data = mkdtempSync(join(tmpdir(), 'pv-start-'));
  const demo = spawn(process.execPath, ['scripts/start-demo.mjs', '--no-build'], {
    env: { ...process.env, PORT: String(taken), PV_DATA: data },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let out = '';
    const url = await new Promise((resolve, reject) => {
      demo.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /open (http:\/\/\S+)\/ in a browser/.exec(out);
        if (match) resolve(match[1]);
      });
      demo.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
    });
    assert.match(out, new RegExp(`Port ${taken} is in use on 127\\.0\\.0\\.1; using \\d+ instead`));
    const port = Number(new URL(url).port);
    assert.ok(port > taken, `${port} after ${taken}`);
    const ready = await fetch(`${url}/readyz`);
    assert.equal(ready.status, 200);
    const survey = await fetch(`${url}/v1/surveys/lunchtime`);
    assert.equal(survey.status, 200, 'the example surveys are served');
  } finally {
    demo.kill('SIGTERM');
    await new Promise((resolve) => (demo.exitCode !== null ? resolve() : demo.once('exit', resolve)));
    blocker.close();
    rmSync(data, { recursive: true, force: true });
  }
});
