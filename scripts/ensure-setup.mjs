// Makes the README's two commands work on a fresh clone: install the npm dependencies when
// they are missing or older than the lockfile, and (for tests) Debian's Chromium when no
// browser is found and we may install it. Never downloads a browser from anywhere else.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { findChrome } from './chrome.mjs';

/**
 * Whether node_modules lacks something the lockfile asks for. npm records what it installed in
 * node_modules/.package-lock.json; when the lockfile is newer than that record (also the case
 * in a fresh checkout or a git worktree with node_modules copied in), each locked package's
 * installed package.json is compared with it instead.
 */
function dependenciesStale() {
  const marker = 'node_modules/.package-lock.json';
  if (!existsSync(marker)) return true;
  if (statSync('package-lock.json').mtimeMs <= statSync(marker).mtimeMs + 1000) return false;
  try {
    const wanted = JSON.parse(readFileSync('package-lock.json', 'utf8')).packages ?? {};
    const installedVersion = (path) => {
      const file = `${path}/package.json`;
      return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined;
    };
    return Object.entries(wanted).some(
      ([path, entry]) => path.startsWith('node_modules/') && !entry.optional && !entry.link && installedVersion(path) !== entry.version,
    );
  } catch {
    return true;
  }
}

export function ensureDependencies() {
  if (!dependenciesStale()) return;
  console.log('== installing dependencies (npm ci)');
  const status = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' }).status;
  if (status !== 0) {
    console.error('npm ci failed; see the messages above.');
    process.exit(1);
  }
}

export function ensureChrome() {
  try {
    return findChrome();
  } catch (error) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
    if (!isRoot || !hasApt || process.env.PV_NO_BROWSER_INSTALL) throw error;
    console.log("== installing Debian's Chromium (apt-get install chromium)");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    return findChrome();
  }
}
