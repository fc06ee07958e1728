/** Percentile of already-measured latencies (nearest rank), in ms. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Runs `tasks` with at most `limit` in flight; resolves with their results in task order. */
export async function inParallel<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** Peak resident set size of a process (VmHWM), in MiB; null where /proc is not available. */
export async function peakRssMiB(pid: number | undefined): Promise<number | null> {
  if (pid === undefined) return null;
  try {
    const { readFile } = await import('node:fs/promises');
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * CPU seconds (user + system) used so far by the bench itself, one process, and every
 * PostgreSQL process on this machine; null where /proc is not available. Read before and after
 * a load to show where a shared machine's cores went.
 */
export async function cpuSeconds(serverPid: number | undefined): Promise<{
  bench: number;
  server: number;
  database: number;
} | null> {
  const { readFile, readdir } = await import('node:fs/promises');
  const ticksPerSecond = 100; // USER_HZ on Linux
  // utime + stime, and cutime + cstime: the time of children already reaped (the postmaster's
  // exited backends, such as pgbench's connections).
  const ticks = async (pid: string): Promise<{ comm: string; ticks: number } | null> => {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces; the counters follow it.
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      return {
        comm: stat.slice(stat.indexOf('(') + 1, close),
        ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]),
      };
    } catch {
      return null;
    }
  };
  if (serverPid === undefined) return null;
  const server = await ticks(String(serverPid));
  if (!server) return null;
  let database = 0;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const process = await ticks(pid);
    if (process?.comm === 'postgres') database += process.ticks;
  }
  const own = process.cpuUsage();
  return {
    bench: (own.user + own.system) / 1e6,
    server: server.ticks / ticksPerSecond,
    database: database / ticksPerSecond,
  };
}
