import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../e2e/support/ports.ts';

const run = promisify(execFile);

export interface TempPostgres {
  /** Server URL for the `postgres` superuser (trust auth, loopback only). */
  url: string;
  version: string;
  stop(): Promise<void>;
}

/** Debian's newest versioned bin dir (not whatever `pg_ctl` is first on the PATH), or null. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(root, versions[0], 'bin');
}

/** Starts a throwaway PostgreSQL on 127.0.0.1 in a temp folder, as .ci/run does; null if not installed. */
export async function startTempPostgres(): Promise<TempPostgres | null> {
  const bin = postgresBinDir();
  if (!bin) return null;
  const dir = await mkdtemp(join(tmpdir(), 'kumamoto-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  // Root may not run the server: hand the folder to the postgres user and run as it.
  const asPostgres = async (command: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]]
      : [join(bin, command), args];
    return run(file, argv, { cwd: dir });
  };
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const port = await freePort();
  const data = join(dir, 'data');
  const stop = async () => {
    await asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await asPostgres('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
    ]);
    // A modest production setting: the city-scale bench's tables outgrow the default 128 MB of buffers.
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=200 -c shared_buffers=512MB -c work_mem=16MB`;
    await asPostgres('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      'start',
      '-o',
      options,
    ]);
    const { stdout: version } = await asPostgres('postgres', ['--version']);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, version: version.trim(), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
