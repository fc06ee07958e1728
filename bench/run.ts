// `npm run bench`: prints figures (asserts nothing). Loopback traffic only; bounded in time.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../e2e/support/paths.ts';
import { startServer } from '../e2e/support/server.ts';
import { createPostgresStorage, createStorage, type TestStorage } from '../e2e/support/storage.ts';
import { initialAssets } from './bundle-size.ts';
import { coldStarts, median } from './cold-start.ts';
import { benchCertificatePdf } from './certificate-pdf.ts';
import { benchCityScale } from './city-scale.ts';
import { postgresBinDir, startTempPostgres } from './temp-postgres.ts';
import { measureThroughput } from './throughput.ts';
import { formatInt, formatKb, printTable } from './table.ts';

const distDir = join(repoRoot, 'apps/web/dist');
const loadSeconds = Number(process.env.BENCH_SECONDS ?? 5);
const connectionProfiles = [10, 100];

function benchInitialJs(): void {
  if (!existsSync(join(distDir, 'index.html'))) {
    console.log('apps/web/dist missing: building the web app…');
    const build = spawnSync('npm', ['run', 'build', '-w', '@kumamoto/web'], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
    if (build.status !== 0) return console.log('\nHome screen initial JS: skipped: web build failed');
  }
  const assets = initialAssets(distDir);
  const js = assets.filter((asset) => asset.kind !== 'stylesheet');
  const css = assets.filter((asset) => asset.kind === 'stylesheet');
  const sum = (list: typeof assets, key: 'bytes' | 'gzipBytes') =>
    list.reduce((total, a) => total + a[key], 0);
  printTable(
    'Home screen initial assets (dist/index.html: module script + modulepreload; gzip via zlib)',
    ['file', 'kind', 'raw', 'gzip'],
    [
      ...assets.map((a) => [a.file, a.kind, formatKb(a.bytes), formatKb(a.gzipBytes)]),
      ['TOTAL initial JS', `${js.length} files`, formatKb(sum(js, 'bytes')), formatKb(sum(js, 'gzipBytes'))],
      ['total CSS', `${css.length} files`, formatKb(sum(css, 'bytes')), formatKb(sum(css, 'gzipBytes'))],
    ],
  );
}

async function coldStartRow(name: string, storage: TestStorage): Promise<string[]> {
  const { fresh, existing } = await coldStarts(storage);
  const runs = existing.map((ms) => Math.round(ms)).join(', ');
  return [name, `${formatInt(fresh)} ms`, `${formatInt(median(existing))} ms`, runs];
}

async function postgresRow(): Promise<string[]> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  const temp = given
    ? null
    : await startTempPostgres().catch((error: unknown) => {
        console.log(`temporary PostgreSQL failed to start: ${String(error)}`);
        return null;
      });
  const serverUrl = given ?? temp?.url;
  if (!serverUrl) return ['PostgreSQL', 'skipped: no PostgreSQL', '', ''];
  const storage = await createPostgresStorage(serverUrl, 'bench');
  try {
    return await coldStartRow(
      temp
        ? `PostgreSQL ${/\d+(\.\d+)?/.exec(temp.version)?.[0] ?? ''} (temp server)`
        : 'PostgreSQL (given URL)',
      storage,
    );
  } finally {
    await storage.dispose();
    await temp?.stop();
  }
}

async function benchServer(): Promise<void> {
  const pglite = await createStorage({ kind: 'pglite' });
  try {
    const rows = [await coldStartRow('PGlite (temp DATA_DIR)', pglite), await postgresRow()];
    printTable(
      'Server cold start: spawn -> GET /readyz 200 (fresh = migrate + seed; existing = median of 3)',
      ['database', 'fresh', 'existing', 'existing runs (ms)'],
      rows,
    );
    const server = await startServer(pglite);
    try {
      await measureThroughput(`${server.url}/healthz`, 10, 1); // warm-up, not reported
      const results = [];
      for (const connections of connectionProfiles) {
        results.push(await measureThroughput(`${server.url}/healthz`, connections, loadSeconds));
      }
      printTable(
        `Trivial route GET /healthz, autocannon ${loadSeconds} s per profile (client and server share the 2 cores)`,
        ['connections', 'req/s', 'p50', 'p99', 'failures'],
        results.map((r) => [
          String(r.connections),
          formatInt(r.requestsPerSecond),
          `${r.p50Ms} ms`,
          `${r.p99Ms} ms`,
          String(r.failures),
        ]),
      );
    } finally {
      await server.stop();
    }
  } finally {
    await pglite.dispose();
  }
}

/** Issues 5 and 6 at city scale need real PostgreSQL: a given URL or a temporary server. */
async function benchCity(): Promise<void> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  const temp = given ? null : await startTempPostgres().catch(() => null);
  const serverUrl = given ?? temp?.url;
  if (!serverUrl) return console.log('\nCity-scale bench: skipped: no PostgreSQL');
  const bin = postgresBinDir();
  const pgbench = bin && existsSync(join(bin, 'pgbench')) ? join(bin, 'pgbench') : null;
  try {
    await benchCityScale(serverUrl, pgbench);
  } finally {
    await temp?.stop();
  }
}

const started = performance.now();
console.log(`bench: node ${process.version}, ${process.platform}, loopback only`);
benchInitialJs();
await benchServer();
await benchCity();
await benchCertificatePdf(20);
console.log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
