/**
 * The PostgreSQL databases the benchmarks share: one per size, named `<prefix>_<size>`, seeded once with the demo
 * generator (the same code `npm start` and `npm run db:seed` use) and kept between runs unless `reseed` is set.
 */
import postgres from 'postgres';
import { type DatabaseHandle, openDatabase } from '@/db/client';
import { isSeeded, seedDatabase } from '@/db/seed';

/** BENCH_DATABASE_URL, or a clear exit: every PostgreSQL bench needs a server to create its databases on. */
export function benchServerUrl(): string {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) return url;
  console.error(
    'Set BENCH_DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres',
  );
  process.exit(1);
}

/** The URL of the bench database for one size (or another suffix) on the same server. */
export function benchDatabaseUrl(serverUrl: string, prefix: string, size: number | string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${prefix}_${size}`;
  return url.toString();
}

/** Creates (or, with `reseed`, recreates) the database for `size`, migrates and seeds it when it is empty. */
export async function prepareBenchDatabase(
  serverUrl: string,
  prefix: string,
  size: number,
  reseed = false,
): Promise<DatabaseHandle> {
  const name = `${prefix}_${size}`;
  const admin = postgres(serverUrl, { onnotice: () => {}, max: 1 });
  const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
  if (reseed && exists) await admin.unsafe(`DROP DATABASE ${name} WITH (FORCE)`);
  if (reseed || !exists) await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const handle = await openDatabase({ url: benchDatabaseUrl(serverUrl, prefix, size) });
  if (!(await isSeeded(handle))) {
    const started = performance.now();
    await seedDatabase(handle, {
      installations: size,
      seed: 1,
      now: new Date(),
      log: (m) => console.log(`  ${m}`),
    });
    console.log(`  seeded ${size} installations in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return handle;
}
