import pg from 'pg';
import { activitySearchParamsSchema } from '@kumamoto/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import { openDatabase } from './src/db/client.ts';
import { migrate } from './src/db/migrate.ts';
import { activities, organizerGroups } from './src/db/schema.ts';
import { loadSampleSchoolDistrictsIfEmpty } from './src/features/school-districts/load-at-start.ts';
import { searchActivities, searchConditions } from './src/features/activities/discover/search-activities.ts';
import { summaryColumns } from './src/features/activities/discover/present.ts';
import { generateCityScale } from './.helperb-generate.ts';

const base = process.env.PGURL!;
const name = 'helperb_explain';
const fresh = process.argv.includes('--fresh');
const admin = new pg.Client({ connectionString: base });
await admin.connect();
if (fresh) {
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
}
await admin.end();
const url = new URL(base); url.pathname = `/${name}`;
const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
if (fresh) {
  await migrate(handle);
  await loadSampleSchoolDistrictsIfEmpty(handle.db);
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const t = performance.now();
  await generateCityScale(client, { residents: 20000, groups: 300, activities: 100000 });
  console.log('generated in', Math.round(performance.now() - t), 'ms');
  await client.end();
}
const db = handle.db;
const now = new Date();
const day = (o: number) => new Date(now.getTime() + o * 86400000).toISOString().slice(0, 10);
const cases: Record<string, Record<string, string>> = {
  default: {},

  keyword: { q: '清掃' },
  keyword2: { q: 'ごみ' },
  single: { q: '花' },
  keywordDates: { q: '防災', from: day(2), to: day(32) },
  keywordCat: { q: '子ども', categories: 'children' },
  keywordDistrict: { q: '見守り', district: 'kengun' },
  keywordPlaces: { q: 'ボランティア', hasPlacesLeft: 'true' },
  near: { q: '江津湖', lat: '32.803', lng: '130.708', radiusKm: '3' },
  nearOnly: { lat: '32.803', lng: '130.708', radiusKm: '3' },
  districtOnly: { district: 'oe' },
  deepPage: { page: '50', pageSize: '50' },
};
const explainOnly = process.argv.includes('--explain');
const captured: { text: string; values: unknown[] }[] = [];
const original = pg.Pool.prototype.query;
// eslint-disable-next-line
(pg.Pool.prototype as any).query = function (this: unknown, ...args: any[]) {
  const [config, values] = args;
  if (typeof config === 'object' && config?.text) captured.push({ text: config.text, values: config.values ?? values ?? [] });
  else if (typeof config === 'string') captured.push({ text: config, values: values ?? [] });
  return (original as any).apply(this, args);
};
const stats: Record<string, number[]> = {};
for (const [label, params] of Object.entries(cases)) {
  const query = activitySearchParamsSchema.parse(params);
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    captured.length = 0;
    const t = performance.now();
    const r = await searchActivities(db, query, now);
    times.push(performance.now() - t);
    if (i === 0) process.stdout.write(`\n== ${label} total=${r.total} `);
  }
  times.sort((a, b) => a - b);
  console.log(`median ${times[7]!.toFixed(1)} ms, max ${times[14]!.toFixed(1)} ms`);
  if (explainOnly) {
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    for (const q of [...captured]) {
      const res = await client.query(`explain (analyze, buffers, costs off) ${q.text}`, q.values);
      console.log(res.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
    }
    await client.end();
  }
}
await handle.close();
