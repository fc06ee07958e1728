import { startServer } from '../e2e/support/server.ts';
import type { TestStorage } from '../e2e/support/storage.ts';

/** Milliseconds from spawning `node apps/server/src/main.ts` to `GET /readyz` answering 200. */
export async function coldStartMs(storage: TestStorage): Promise<number> {
  const started = performance.now();
  const server = await startServer(storage, { readyTimeoutMs: 120_000 });
  const elapsed = performance.now() - started;
  const code = await server.stop();
  if (code !== 0) throw new Error(`server exited with ${code} on SIGTERM:\n${server.output()}`);
  return elapsed;
}

/** A fresh start (migrations + demo seed), then `again` starts on the same data; median of those. */
export async function coldStarts(
  storage: TestStorage,
  again = 3,
): Promise<{ fresh: number; existing: number[] }> {
  const fresh = await coldStartMs(storage);
  const existing: number[] = [];
  for (let i = 0; i < again; i++) existing.push(await coldStartMs(storage));
  return { fresh, existing };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
