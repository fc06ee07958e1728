import { activitySearchParamsSchema } from '@kumamoto/domain';
import { openDatabase } from './src/db/client.ts';
import { searchActivities } from './src/features/activities/discover/search-activities.ts';
const keywords = ['清掃','防災','子ども','江津湖','ボランティア','ごみ','見守り','読み聞かせ','花','日本語'];
const categories = ['environment', 'welfare', 'children', 'disaster_prevention', 'event'];
const districts = ['keitoku','shirakawa','kurokami','oe','izumi','kengun','akitsu','nagamine','ezu','kasuga'];
function searchQueries(count: number) {
  const today = new Date();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: count }, (_, i) => {
    const params = new URLSearchParams({ q: keywords[i % keywords.length] ?? '清掃' });
    if (i % 2 === 0) { params.set('from', day(i % 14)); params.set('to', day((i % 14) + 30)); }
    if (i % 3 === 0) params.set('categories', categories[i % categories.length] ?? 'environment');
    if (i % 4 === 0) params.set('district', districts[i % districts.length] ?? 'keitoku');
    if (i % 5 === 0) params.set('hasPlacesLeft', 'true');
    if (i % 7 === 0) { params.set('lat', '32.803'); params.set('lng', '130.708'); params.set('radiusKm', '3'); }
    return Object.fromEntries(params);
  });
}
const url = new URL(process.env.PGURL!); url.pathname = '/helperb_explain';
const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
const qs = searchQueries(300);
for (const q of qs.slice(0, 20)) await searchActivities(handle.db, activitySearchParamsSchema.parse(q), new Date());
const lat: number[] = []; let hits = 0;
const per: [number, string, number][] = [];
for (const q of qs) { const t = performance.now(); const r = await searchActivities(handle.db, activitySearchParamsSchema.parse(q), new Date()); const d = performance.now() - t; lat.push(d); per.push([d, JSON.stringify(q), r.total]); hits += r.total; }
per.sort((a, b) => b[0] - a[0]); for (const x of per.slice(0, 12)) console.log(x[0].toFixed(0), x[2], x[1]);
lat.sort((a, b) => a - b);
const p = (x: number) => lat[Math.min(lat.length - 1, Math.floor((x / 100) * lat.length))]!.toFixed(1);
console.log(`p50 ${p(50)} p95 ${p(95)} p99 ${p(99)} max ${lat.at(-1)!.toFixed(1)} mean hits ${(hits / qs.length).toFixed(0)}`);
await handle.close();
