import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.ts';

const freshDir = () => mkdtempSync(join(tmpdir(), 'kma-lock-'));

describe('data folder lock (PGlite has none of its own)', () => {
  it('refuses a second holder while the first lives, then allows it after release', () => {
    const dir = freshDir();
    const lock = lockDataDir(dir);
    writeFileSync(join(dir, 'kumamoto-app.lock'), JSON.stringify({ pid: process.ppid, host: hostname() }));
    expect(() => lockDataDir(dir)).toThrowError(DataDirInUseError);
    expect(() => lockDataDir(dir)).toThrowError(/in use by another process.*DATA_DIR/);
    lock.release();
    expect(existsSync(join(dir, 'kumamoto-app.lock'))).toBe(false);
    lockDataDir(dir).release();
  });

  it('takes over a lock left by a process that has died', async () => {
    const dir = freshDir();
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = child.pid ?? 0;
    await new Promise((resolve) => child.on('exit', resolve));
    writeFileSync(join(dir, 'kumamoto-app.lock'), JSON.stringify({ pid: deadPid, host: hostname() }));
    const lock = lockDataDir(dir);
    lock.release();
  });

  it('treats an unreadable lock file as stale', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'kumamoto-app.lock'), 'half-writt');
    lockDataDir(dir).release();
  });
});
