import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { nodeBinary, repoRoot } from './paths.ts';
import { freePort } from './ports.ts';
import type { TestStorage } from './storage.ts';

/** A real server process (`node apps/server/src/main.ts`) started for a test. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** Everything the process printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the exit code (or null when ended by a signal). */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<number | null>;
}

export interface ServerOptions {
  port?: number;
  env?: Record<string, string>;
}

const live = new Set<ChildProcess>();
process.once('exit', () => live.forEach((child) => child.kill('SIGKILL')));

/** Spawns the server on `storage` without waiting for it to be ready. */
export async function spawnServer(storage: TestStorage, options: ServerOptions = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port) };
  delete env.DATABASE_URL;
  Object.assign(
    env,
    { PUBLIC_URL: url, LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn' },
    storage.env,
    options.env,
  );

  const child = spawn(nodeBinary(), ['apps/server/src/main.ts'], { cwd: repoRoot, env, stdio: 'pipe' });
  live.add(child);
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = once(child, 'exit').then(([code]) => {
    live.delete(child);
    return code as number | null;
  });

  const stop = async (graceMs = 15_000): Promise<number | null> => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };
  return { child, url, port, output: () => output, exited, stop };
}

/** Spawns the server and waits until `GET /readyz` answers 200. */
export async function startServer(
  storage: TestStorage,
  options: ServerOptions & { readyTimeoutMs?: number } = {},
): Promise<ServerProcess> {
  const server = await spawnServer(storage, options);
  try {
    await waitUntilReady(server, options.readyTimeoutMs ?? 90_000);
  } catch (error) {
    await server.stop(2_000);
    throw error;
  }
  return server;
}

async function waitUntilReady(server: ServerProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void server.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined || server.child.exitCode !== null) {
      throw new Error(`server exited (code ${server.child.exitCode}) before ready:\n${server.output()}`);
    }
    try {
      const response = await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`server not ready within ${timeoutMs} ms:\n${server.output()}`);
}
