// `npm start` on a fresh clone: install dependencies if missing, build the web app if it is
// missing or older than its sources, then serve (migrations and demo data run at start).
// Plain JavaScript with Node built-ins only: it runs before dependencies (and Node 24) exist.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(args) {
  const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stat.mtimeMs,
  );
}

const installed = join(root, 'node_modules', '.package-lock.json');
if (
  !existsSync(installed) ||
  statSync(join(root, 'package-lock.json')).mtimeMs > statSync(installed).mtimeMs
) {
  console.log('Installing dependencies (npm ci)…');
  run(['ci', '--no-audit', '--no-fund']);
}

const builtAt = newestMtime(join(root, 'apps/web/dist/index.html'));
const sourcesAt = Math.max(
  newestMtime(join(root, 'apps/web/src')),
  newestMtime(join(root, 'apps/web/public')),
  newestMtime(join(root, 'apps/web/index.html')),
  newestMtime(join(root, 'packages/domain/src')),
);
if (builtAt < sourcesAt) {
  console.log('Building the web app…');
  run(['run', 'build']);
}

run(['run', 'serve']);
