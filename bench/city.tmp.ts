import { benchCityScale } from './city-scale.ts';
await benchCityScale('postgres://postgres@127.0.0.1:55432/postgres', '/usr/lib/postgresql/15/bin/pgbench');
