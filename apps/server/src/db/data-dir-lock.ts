import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * PGlite keeps no lock on its folder, and two processes writing one folder silently lose
 * data. This lock file makes a second opener fail loudly instead. A lock left behind by a
 * process that died is taken over.
 */
export class DataDirInUseError extends Error {
  constructor(dataDir: string, holder: string) {
    super(
      `The data folder ${dataDir} is in use by another process (${holder}). ` +
        `Stop that process first, or set DATA_DIR to a different folder.`,
    );
  }
}

export interface DataDirLock {
  release(): void;
}

export function lockDataDir(dataDir: string): DataDirLock {
  const absolute = resolve(dataDir);
  mkdirSync(absolute, { recursive: true });
  const lockPath = join(absolute, 'kumamoto-app.lock');
  const self = `pid ${process.pid} on ${hostname()}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname() }));
      closeSync(fd);
      return { release: () => rmSync(lockPath, { force: true }) };
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      const holder = readHolder(lockPath);
      if (holder && isAlive(holder))
        throw new DataDirInUseError(absolute, `pid ${holder.pid} on ${holder.host}`);
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirInUseError(absolute, `lock could not be taken by ${self}`);
}

interface Holder {
  pid: number;
  host: string;
}

function readHolder(lockPath: string): Holder | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(lockPath, 'utf8'));
    if (parsed && typeof parsed === 'object' && 'pid' in parsed && 'host' in parsed) {
      const { pid, host } = parsed;
      if (typeof pid === 'number' && typeof host === 'string') return { pid, host };
    }
  } catch {
    // An unreadable or half-written lock is treated as stale.
  }
  return null;
}

/** A holder on another host cannot be checked, so it counts as alive. */
function isAlive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isAlreadyExists(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EEXIST';
}
