import pg from 'pg';
import { startServer } from '../e2e/support/server.ts';
import { createPostgresStorage } from '../e2e/support/storage.ts';
import { benchApplicationRace, benchSearch } from './activities.ts';
import { benchCheckInSurge } from './check-in.ts';
import { generateCityScale, type ScaleCounts } from './scale/generate.ts';
import { sessionsFor } from './scale/sessions.ts';
import { printTable } from './table.ts';

/**
 * Issues 5 and 6 at city scale on real PostgreSQL, one server, one data set: search, the
 * application race and the check-in surge. BENCH_SCALE=small shrinks the data for a quick look.
 */
const full: ScaleCounts = { residents: 200_000, groups: 500, activities: 100_000 };
const poolSize = 20;
const small: ScaleCounts = { residents: 20_000, groups: 100, activities: 10_000 };

export async function benchCityScale(serverUrl: string, pgbench: string | null): Promise<void> {
  const counts = process.env.BENCH_SCALE === 'small' ? small : full;
  const crowd = Math.min(2_000, counts.residents / 4);
  const storage = await createPostgresStorage(serverUrl, 'bench_city');
  const databaseUrl = storage.env.DATABASE_URL ?? '';
  const server = await startServer(storage, {
    env: { RATE_LIMIT_PER_MINUTE: '100000000', DATABASE_POOL_SIZE: String(poolSize) },
  });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const generating = performance.now();
    await generateCityScale(client, counts);
    printTable(
      'City-scale data on PostgreSQL (set-based SQL, search columns from the domain)',
      ['residents', 'groups', 'activities', 'generated in'],
      [
        [counts.residents, counts.groups, counts.activities]
          .map(String)
          .concat(`${((performance.now() - generating) / 1000).toFixed(1)} s`),
      ],
    );
    await benchSearch(server.url, 500);

    const people = await residents(client, 0, crowd);
    const race = await activityOfFirstGroup(client, { capacity: 30, startsInHours: 24 * 7 });
    const raceHeaders = await sessionsFor(client, people);
    await benchApplicationRace(
      server.url,
      client,
      race,
      people.map((userId, i) => ({ userId, headers: raceHeaders[i] ?? {} })),
    );

    const scanners = await residents(client, crowd, crowd);
    const today = await activityOfFirstGroup(client, { capacity: crowd, startsInHours: 0 });
    await client.query(
      `insert into activity_applications (activity_id, user_id, status, created_at) select $1, id, 'applied', now() from unnest($2::uuid[]) id`,
      [today, scanners],
    );
    await client.query(`update activities set applicant_count = $2 where id = $1`, [today, scanners.length]);
    const [organizer] = (
      await client.query<{ user_id: string }>(
        `select m.user_id from organizer_members m join activities a on a.group_id = m.group_id where a.id = $1 and m.role = 'admin'`,
        [today],
      )
    ).rows;
    const [organizerHeaders] = await sessionsFor(client, [organizer?.user_id ?? '']);
    await benchCheckInSurge({
      baseUrl: server.url,
      serverPid: server.child.pid,
      client,
      databaseUrl,
      pgbench,
      activityId: today,
      organizer: organizerHeaders ?? {},
      residents: await sessionsFor(client, scanners),
      inFlight: 100,
      databaseConnections: poolSize,
    });
  } finally {
    await client.end();
    await server.stop();
    await storage.dispose();
  }
}

/** Generated residents (never group administrators), `count` of them after skipping `offset`. */
async function residents(client: pg.Client, offset: number, count: number): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `select u.id from users u where u.display_name like '住民%'
       and not exists (select 1 from organizer_members m where m.user_id = u.id)
     order by u.id offset $1 limit $2`,
    [offset, count],
  );
  return rows.map((row) => row.id);
}

/**
 * A public activity of the first generated group. `startsInHours: 0` means today (JST): from an
 * hour ago (or the day's start) to an hour ahead (or just before the day's end).
 */
async function activityOfFirstGroup(
  client: pg.Client,
  input: { capacity: number; startsInHours: number },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `with day as (select date_trunc('day', now() at time zone 'Asia/Tokyo') at time zone 'Asia/Tokyo' as start),
     times as (select case when $2::int = 0 then greatest(now() - interval '1 hour', day.start) else now() + $2 * interval '1 hour' end s,
                      case when $2::int = 0 then least(now() + interval '1 hour', day.start + interval '1 day' - interval '1 minute')
                           else now() + ($2 + 2) * interval '1 hour' end e from day)
     insert into activities (group_id, visibility, title, content, place_name, address, starts_at, ends_at, category, capacity,
                             insurance, share_token, published_at, created_at, updated_at)
     select (select id from organizer_groups where details->>'name' = 'ベンチ自治会1'),
            'public', '白川河川敷まち清掃（ベンチ）', 'ごみ拾い', '白川公園', '熊本県熊本市中央区', times.s, times.e, 'environment',
            $1, 'group_policy', md5(random()::text), now(), now(), now()
     from times returning id`,
    [input.capacity, input.startsInHours],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('bench activity not created');
  return id;
}
