import type pg from 'pg';
import { inParallel, ms, percentile } from './latency.ts';
import { districts } from './scale/generate.ts';
import type { BrowserHeaders } from './scale/sessions.ts';
import { formatInt, printTable } from './table.ts';

/** Issue 5's figures: search latency over HTTP at city scale, and applications racing for 30 places. */

const keywords = [
  '清掃',
  '防災',
  '子ども',
  '江津湖',
  'ボランティア',
  'ごみ',
  '見守り',
  '読み聞かせ',
  '花',
  '日本語',
];
const categories = ['environment', 'welfare', 'children', 'disaster_prevention', 'event'];

/** A varied, repeatable set of searches a resident could make: keyword plus filters. */
function searchQueries(count: number): string[] {
  const today = new Date();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: count }, (_, i) => {
    const params = new URLSearchParams({ q: keywords[i % keywords.length] ?? '清掃' });
    if (i % 2 === 0) {
      params.set('from', day(i % 14));
      params.set('to', day((i % 14) + 30));
    }
    if (i % 3 === 0) params.set('categories', categories[i % categories.length] ?? 'environment');
    if (i % 4 === 0) params.set('district', districts[i % districts.length] ?? 'keitoku');
    if (i % 5 === 0) params.set('hasPlacesLeft', 'true');
    if (i % 7 === 0) {
      params.set('lat', '32.803');
      params.set('lng', '130.708');
      params.set('radiusKm', '3');
    }
    return params.toString();
  });
}

export async function benchSearch(baseUrl: string, requests: number): Promise<void> {
  const queries = searchQueries(requests);
  for (const query of queries.slice(0, 20)) await fetch(`${baseUrl}/api/activities?${query}`); // warm-up
  const latencies: number[] = [];
  let hits = 0;
  let failures = 0;
  for (const query of queries) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/activities?${query}`);
    const body = (await response.json()) as { total?: number };
    latencies.push(performance.now() - started);
    if (!response.ok) failures++;
    hits += body.total ?? 0;
  }
  printTable(
    `Activity search over HTTP (keyword + filters, one request at a time, ${requests} requests; target p95 <= 50 ms)`,
    ['p50', 'p95', 'p99', 'max', 'mean hits', 'failures'],
    [
      [
        ms(percentile(latencies, 50)),
        ms(percentile(latencies, 95)),
        ms(percentile(latencies, 99)),
        ms(Math.max(...latencies)),
        formatInt(hits / requests),
        String(failures),
      ],
    ],
  );
}

/**
 * 2,000 residents press "apply" at the same moment on one activity with 30 places: exactly 30
 * get a place, the rest queue on the waiting list in the order the server took them.
 */
export async function benchApplicationRace(
  baseUrl: string,
  client: pg.Client,
  activityId: string,
  people: { userId: string; headers: BrowserHeaders }[],
): Promise<void> {
  const started = performance.now();
  const answers = await inParallel(
    people.map(({ userId, headers }) => async () => {
      const response = await fetch(`${baseUrl}/api/activities/${activityId}/applications`, {
        method: 'POST',
        headers: { ...headers, origin: baseUrl },
        body: '{}',
      });
      return {
        userId,
        status: response.status,
        body: (await response.json()) as { status?: string; waitlistPosition?: number | null },
      };
    }),
    people.length,
  );
  const seconds = (performance.now() - started) / 1000;
  const applied = answers.filter((a) => a.body.status === 'applied').length;
  const waitlisted = answers.filter((a) => a.body.status === 'waitlisted');
  const failures = answers.filter((a) => a.status >= 300).length;
  const { rows } = await client.query<{ status: string; n: string }>(
    `select status, count(*) n from activity_applications where activity_id = $1 group by status`,
    [activityId],
  );
  const stored = Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
  // Arrival order: each resident's answered position is their rank by the stored arrival sequence.
  const { rows: ranks } = await client.query<{ user_id: string; rank: string }>(
    `select user_id, row_number() over (order by seq) rank
     from activity_applications where activity_id = $1 and status = 'waitlisted'`,
    [activityId],
  );
  const rankOf = new Map(ranks.map((row) => [row.user_id, Number(row.rank)]));
  const inArrivalOrder =
    ranks.length === waitlisted.length &&
    waitlisted.every((a) => a.body.waitlistPosition === rankOf.get(a.userId));
  printTable(
    `Application race: ${formatInt(people.length)} simultaneous applications to one 30-place activity`,
    [
      'applied',
      'waitlisted',
      'stored applied',
      'stored waitlisted',
      'waitlist 1..n in order',
      'failures',
      'applications/s',
    ],
    [
      [
        String(applied),
        String(waitlisted.length),
        String(stored.applied ?? 0),
        String(stored.waitlisted ?? 0),
        inArrivalOrder ? 'yes' : 'NO',
        String(failures),
        formatInt(people.length / seconds),
      ],
    ],
  );
  if (applied !== 30 || stored.applied !== 30 || waitlisted.length !== people.length - 30 || !inArrivalOrder)
    throw new Error('the capacity guarantee did not hold');
}
