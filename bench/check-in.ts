import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';
import { leanClient } from './http-client.ts';
import { cpuSeconds, inParallel, ms, peakRssMiB, percentile } from './latency.ts';
import type { BrowserHeaders } from './scale/sessions.ts';
import { formatInt, printTable } from './table.ts';

const run = promisify(execFile);

/**
 * Issue 6's surge: every applied resident scans the organizer's code within seconds, and each
 * scans again (a nervous double tap). Then pgbench runs the same three inserts per check-in
 * (attendance, grant, certificate) on the same server, one transaction per check-in, as the
 * raw figure to compare against. (The app server writes the check-ins that arrive together in
 * one statement and one commit; that is where it gains back what HTTP, sessions and signing
 * cost it on the machine they share.)
 */
export async function benchCheckInSurge(input: {
  baseUrl: string;
  serverPid: number | undefined;
  client: pg.Client;
  databaseUrl: string;
  pgbench: string | null;
  activityId: string;
  organizer: BrowserHeaders;
  residents: BrowserHeaders[];
  inFlight: number;
  databaseConnections: number;
}): Promise<void> {
  const { baseUrl, client, activityId } = input;
  const screen = await fetch(`${baseUrl}/api/organizer/activities/${activityId}/check-in`, {
    headers: input.organizer,
  });
  const { token, open } = (await screen.json()) as { token: string; open: boolean };
  if (!screen.ok || !open) throw new Error(`the check-in screen is not open (${screen.status})`);

  const latencies: number[] = [];
  const outcomes = new Map<string, number>();
  const http = leanClient(baseUrl, input.inFlight);
  const payload = JSON.stringify({ token });
  const scan = async (headers: BrowserHeaders) => {
    const started = performance.now();
    const response = await http.send('POST', '/api/check-in', { ...headers, origin: baseUrl }, payload);
    const body = response.json as { outcome?: string; code?: string };
    latencies.push(performance.now() - started);
    const outcome = body.outcome ?? `refused: ${body.code ?? response.status}`;
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  };
  const cpuBefore = await cpuSeconds(input.serverPid);
  const started = performance.now();
  await inParallel(
    input.residents.map((headers) => async () => {
      await scan(headers);
      await scan(headers);
    }),
    input.inFlight,
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = await cpuSeconds(input.serverPid);
  http.close();
  const rss = await peakRssMiB(input.serverPid);

  const { rows } = await client.query<{
    attendances: string;
    grants: string;
    granted: string;
    certificates: string;
  }>(
    `select (select count(*) from attendances where activity_id = $1) attendances,
            (select count(*) from point_entries p join attendances a on a.id = p.attendance_id
              where a.activity_id = $1 and p.kind = 'grant' and p.amount = 100) grants,
            (select coalesce(sum(p.amount), 0) from point_entries p join attendances a on a.id = p.attendance_id
              where a.activity_id = $1) granted,
            (select count(*) from certificates where activity_id = $1) certificates`,
    [activityId],
  );
  const stored = rows[0];
  const pgbenchTps = input.pgbench ? await pgbenchSameInserts(client, input) : null;
  const checkInsPerSecond = input.residents.length / seconds;

  printTable(
    `Check-in surge: ${formatInt(input.residents.length)} applied residents scan within seconds, each twice (${input.inFlight} in flight)`,
    ['check-ins/s', 'p50', 'p95', 'p99', 'server peak RSS', 'pgbench same inserts', 'ratio (target >= 0.5)'],
    [
      [
        formatInt(checkInsPerSecond),
        ms(percentile(latencies, 50)),
        ms(percentile(latencies, 95)),
        ms(percentile(latencies, 99)),
        rss === null ? 'n/a' : `${rss.toFixed(0)} MiB`,
        pgbenchTps === null ? 'skipped (no pgbench)' : `${formatInt(pgbenchTps)} tx/s`,
        pgbenchTps === null ? 'n/a' : (checkInsPerSecond / pgbenchTps).toFixed(2),
      ],
    ],
  );
  printTable(
    'Check-in surge: answers and what the database holds afterwards',
    ['answers', 'attendances', 'grants of 100', 'points granted', 'certificates'],
    [
      [
        [...outcomes].map(([outcome, n]) => `${outcome} ${n}`).join(', '),
        stored?.attendances ?? '?',
        stored?.grants ?? '?',
        stored?.granted ?? '?',
        stored?.certificates ?? '?',
      ],
    ],
  );
  if (cpuBefore && cpuAfter) {
    // Share of the machine's cores over the surge: the client, the server and PostgreSQL share them.
    const share = (key: keyof typeof cpuAfter) =>
      `${(cpuAfter[key] - cpuBefore[key]).toFixed(1)} s (${(((cpuAfter[key] - cpuBefore[key]) / (seconds * availableParallelism())) * 100).toFixed(0)}%)`;
    printTable(
      `Check-in surge: CPU used over its ${seconds.toFixed(1)} s on ${availableParallelism()} cores`,
      ['app server', 'PostgreSQL', 'bench client'],
      [[share('server'), share('database'), share('bench')]],
    );
  }
  const expected = String(input.residents.length);
  if (
    stored?.attendances !== expected ||
    stored.grants !== expected ||
    stored.certificates !== expected ||
    Number(stored.granted) !== input.residents.length * 100
  )
    throw new Error('the check-in surge did not end with exactly one attendance, grant and certificate each');
}

/**
 * The same three inserts a check-in makes, in one transaction, for the same residents on a
 * second activity, driven by pgbench with the same number of clients in flight.
 */
async function pgbenchSameInserts(
  client: pg.Client,
  input: {
    databaseUrl: string;
    pgbench: string | null;
    activityId: string;
    residents: BrowserHeaders[];
    databaseConnections: number;
  },
): Promise<number> {
  const people = input.residents.length;
  await client.query(
    `create table if not exists bench_pgb_people (k bigint primary key, id uuid not null, name text not null)`,
  );
  await client.query(
    `insert into bench_pgb_people
     select row_number() over (order by a.user_id), a.user_id, u.card_name
     from activity_applications a join users u on u.id = a.user_id where a.activity_id = $1`,
    [input.activityId],
  );
  const [activity] = (
    await client.query<{ id: string }>(
      `insert into activities (group_id, visibility, title, starts_at, ends_at, capacity, share_token, published_at, created_at, updated_at)
       select group_id, 'public', title, starts_at, ends_at, null, share_token || '-pgbench', now(), now(), now()
       from activities where id = $1 returning id`,
      [input.activityId],
    )
  ).rows;
  await client.query(`create sequence if not exists bench_pgb_k`);
  const script = `
SELECT nextval('bench_pgb_k') AS k \\gset
BEGIN;
INSERT INTO attendances (id, activity_id, user_id, walk_in, method, checked_in_at)
  SELECT md5('a' || :k)::uuid, '${activity?.id}', p.id, false, 'qr', now() FROM bench_pgb_people p WHERE p.k = :k;
INSERT INTO point_entries (user_id, kind, amount, at, last_usable_day, attendance_id)
  SELECT p.id, 'grant', 100, now(), current_date + 364, md5('a' || :k)::uuid FROM bench_pgb_people p WHERE p.k = :k;
INSERT INTO certificates (serial, attendance_id, activity_id, user_id, holder_name, activity_title, group_name, place,
                          starts_at, ends_at, issued_at, signature)
  SELECT 'PGB-' || :k, md5('a' || :k)::uuid, '${activity?.id}', p.id, p.name, 'まち清掃', '自治会', '白川公園',
         now(), now() + interval '2 hours', now(), repeat('s', 86) FROM bench_pgb_people p WHERE p.k = :k;
END;
`;
  const file = join(tmpdir(), `kumamoto-pgbench-${process.pid}.sql`);
  await writeFile(file, script);
  // As many connections as the app server's pool (DATABASE_POOL_SIZE in city-scale.ts): same server, same parallelism.
  const clients = input.databaseConnections;
  const { stdout } = await run(input.pgbench ?? 'pgbench', [
    '-n',
    '-f',
    file,
    '-c',
    String(clients),
    '-j',
    '2',
    '-t',
    String(Math.floor(people / clients)),
    input.databaseUrl,
  ]);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
  if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
  return Number(tps);
}
