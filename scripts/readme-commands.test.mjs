// Every shell command in README.md's ```sh blocks works as written from the repository root:
// npm scripts exist and the files they run are there; collector commands really run (the
// server until it is ready, exports and other subcommands to the end), in the README's order
// and sharing one data folder, with substitutions so the test leaves nothing behind and never
// collides: `--data` and `./surveys` point into a temporary folder and `--port` is 0.
// `npm start` itself is run by start-demo.test.mjs; `npm test` is this run.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const README = readFileSync('README.md', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const BINS = { 'pupil-voice-collector': 'node_modules/.bin/pupil-voice-collector' };

/** The commands of every sh block: continuation lines joined, comments and prompts removed. */
function readmeCommands(markdown) {
  const commands = [];
  for (const [, body] of markdown.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)) {
    const joined = body.replace(/\s*\\\n\s*/g, ' ');
    for (const raw of joined.split('\n')) {
      const line = raw.replace(/^\$\s+/, '').replace(/\s+#.*$/, '').trim();
      if (line && !line.startsWith('#')) commands.push(line);
    }
  }
  // Commands quoted inline in the text (`npm run size`, `PORT=9000 npm start`) count too.
  const prose = markdown.replace(/```[\s\S]*?```/g, '');
  for (const [, inline] of prose.matchAll(/`((?:[A-Z_]+=\S+\s+)*(?:npm (?:start|test|run [^\s`]+)|npx [^\s`]+)[^`\n]*)`/g)) {
    if (!commands.includes(inline)) commands.push(inline);
  }
  return commands;
}

/** Words of a command; quotes group words (the README has no escapes inside them). */
function words(command) {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3]);
}

/** Files a package script runs with node (built files under dist/ come from the build). */
function filesRunBy(script) {
  return [...script.matchAll(/\bnode\s+(?:--\S+\s+)*(\S+\.m?js)\b/g)].map((match) => match[1]).filter((file) => !file.includes('/dist/'));
}

describe('README commands', () => {
  const commands = readmeCommands(README);
  let data;
  before(() => {
    data = mkdtempSync(join(tmpdir(), 'pv-readme-'));
  });
  after(() => rmSync(data, { recursive: true, force: true }));

  it('the README has shell commands to check', () => {
    assert.ok(commands.length >= 5, commands.join('\n'));
    assert.ok(commands.includes('npm start') && commands.includes('npm test'));
    assert.ok(commands.some((command) => command.startsWith('npx pupil-voice-collector')), 'the README shows npx pupil-voice-collector');
  });

  it('the command parser joins continued lines and drops comments', () => {
    assert.deepEqual(
      readmeCommands('```sh\nnpm start   # runs it\n# a note\nfoo --a \\\n  --b\n```\n```js\nnot(this)\n```\nThen `npm run size` or `PORT=1 npm start`.\n'),
      ['npm start', 'foo --a --b', 'npm run size', 'PORT=1 npm start'],
    );
  });

  for (const command of commands) {
    it(`runs as written: ${command}`, async () => {
      const all = words(command);
      const env = Object.fromEntries(
        all.filter((word, i) => /^[A-Z_]+=/.test(word) && all.slice(0, i).every((w) => /^[A-Z_]+=/.test(w))).map((word) => word.split(/=(.*)/s).slice(0, 2)),
      );
      let [tool, ...args] = all.slice(Object.keys(env).length);
      if (tool === 'npx') [tool, ...args] = args;
      if (tool === 'npm') {
        const [verb, name] = args;
        if (verb === 'install' || verb === 'ci') return;
        const script = verb === 'run' ? name : verb;
        assert.ok(pkg.scripts[script], `package.json has a "${script}" script`);
        for (const file of filesRunBy(pkg.scripts[script])) assert.ok(existsSync(file), `${script} runs ${file}, which exists`);
        return;
      }
      if (tool === 'web-test-runner') {
        // Browser tests are the coordinator's to run; here: the runner, its config and the files named.
        assert.ok(existsSync('node_modules/.bin/web-test-runner'));
        assert.ok(existsSync(args[args.indexOf('--config') + 1]), 'the config file exists');
        for (const file of (env.PV_TEST_FILES ?? '').split(',').filter(Boolean)) assert.ok(existsSync(file), `${file} exists`);
        return;
      }
      assert.ok(BINS[tool], `a command this test knows how to run (add it here): ${tool}`);
      assert.ok(existsSync(BINS[tool]), `${BINS[tool]} is linked by npm install`);
      const argv = args.map((arg, i) =>
        args[i - 1] === '--data' ? data : args[i - 1] === '--port' ? '0' : arg === './surveys' ? join(data, 'surveys') : arg,
      );
      if (['export', 'bank', 'token'].includes(argv[0]) || argv.includes('--help')) {
        const result = spawnSync(BINS[tool], argv, { encoding: 'utf8' });
        assert.equal(result.status, 0, result.stderr);
        assert.ok(result.stdout.length > 0, 'it printed something');
        return;
      }
      const server = spawn(BINS[tool], argv, { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      server.stderr.on('data', (chunk) => (stderr += chunk));
      try {
        const url = await new Promise((resolve, reject) => {
          let out = '';
          server.stdout.on('data', (chunk) => {
            out += chunk;
            const match = /listening on (http:\/\/\S+)/.exec(out);
            if (match) resolve(match[1].replace(/\/$/, ''));
          });
          server.on('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
        });
        const ready = await fetch(`${url}/readyz`);
        assert.equal(ready.status, 200);
        assert.doesNotMatch(stderr, /skipped|cannot read/, 'every folder named in the command exists');
      } finally {
        server.kill('SIGTERM');
        await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', resolve)));
      }
    });
  }

  it('npx pupil-voice-collector resolves from the repository root', () => {
    const result = spawnSync('npx', ['--no-install', 'pupil-voice-collector', '--help'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Usage:\s+pupil-voice-collector/);
  });
});
