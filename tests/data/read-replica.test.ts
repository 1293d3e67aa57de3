import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type DatabaseHandle, getReadDb, openDatabase, setDatabase } from '@/db/client';
import * as schema from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import type { Viewer } from '@/lib/auth/viewer';
import { countInstallations, getInstallationTimeline, listInstallations } from '@/lib/data/installations';
import { getOverview } from '@/lib/data/overview';
import { installationListSchema } from '@/lib/filters/installations';
import { currentAndPreviousWeek } from '@/lib/rules/weeks';

const serverUrl = process.env.TEST_DATABASE_URL;
const analyst: Viewer = { userId: 'a', name: 'A', email: 'a@x', role: 'analyst', supplierId: null };

/**
 * DATABASE_READ_URL (docs/performance.md "Past one PostgreSQL"): a replica is stood in for by a read-only role on the
 * same server, and the primary by a handle whose connection is closed, so a read that reached the primary would
 * fail instead of passing unnoticed.
 */
describe.skipIf(!serverUrl)('Dashboard reads go to DATABASE_READ_URL [PostgreSQL]', () => {
  const suffix = crypto.randomBytes(6).toString('hex');
  const database = `mcc_test_replica_${suffix}`;
  const reader = `mcc_reader_${suffix}`;
  const admin = postgres(serverUrl ?? '', { onnotice: () => {}, max: 1 });
  const saved = { primary: process.env.DATABASE_URL, read: process.env.DATABASE_READ_URL };
  let primary: DatabaseHandle;
  let closedPrimary: DatabaseHandle;

  const urlFor = (user?: string) => {
    const url = new URL(serverUrl ?? '');
    url.pathname = `/${database}`;
    if (user) {
      url.username = user;
      url.password = 'reader-password';
    }
    return url.toString();
  };

  beforeAll(async () => {
    await admin.unsafe(`CREATE DATABASE ${database}`);
    primary = await openDatabase({ url: urlFor() });
    await seedDatabase(primary, { installations: 300, seed: 7, now: new Date('2026-11-25T12:00:00Z') });
    await admin.unsafe(`CREATE ROLE ${reader} LOGIN PASSWORD 'reader-password'`);
    await admin.unsafe(`ALTER ROLE ${reader} SET default_transaction_read_only = on`);
    await primary.db.execute(sql.raw(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${reader}`));
    // Like the application's own login, the reader switches to the row-scoped role for viewer reads.
    await admin.unsafe(`GRANT mcc_app TO ${reader}`);
    const client = postgres(urlFor(), { onnotice: () => {}, max: 1 });
    await client.end();
    closedPrimary = {
      ...primary,
      db: drizzle(client, { schema, casing: 'snake_case' }) as unknown as Database,
    };
    process.env.DATABASE_URL = urlFor();
    process.env.DATABASE_READ_URL = urlFor(reader);
    setDatabase(closedPrimary);
  });

  afterAll(async () => {
    const read = (await getReadDb()) as unknown as { $client: postgres.Sql };
    await read.$client.end();
    delete (globalThis as { __mccReadDatabase?: unknown }).__mccReadDatabase;
    for (const [key, value] of [
      ['DATABASE_URL', saved.primary],
      ['DATABASE_READ_URL', saved.read],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await primary.close();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.unsafe(`DROP ROLE IF EXISTS ${reader}`);
    await admin.end();
  });

  it('connects to the read URL, where a write is refused', async () => {
    const read = await getReadDb();
    const [who] = (await read.execute(sql`select current_user as name`)) as unknown as { name: string }[];
    expect(who?.name).toBe(reader);
    await expect(
      read.execute(sql`insert into parties (slug, name, role) values ('x', 'X', 'smso')`),
    ).rejects.toHaveProperty('cause.message', expect.stringMatching(/read-only transaction/));
  });

  it('serves the list, its count and the overview from the read URL alone', async () => {
    const query = installationListSchema.parse({ status: 'failed', sort: 'week', dir: 'asc' });
    const page = await listInstallations(analyst, query);
    const count = await countInstallations(analyst, query);
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.status === 'failed')).toBe(true);
    expect(count.value).toBeGreaterThanOrEqual(page.rows.length);
    const overview = await getOverview(analyst, {}, currentAndPreviousWeek(new Date('2026-11-25T12:00:00Z')));
    expect(overview.byStageStatus.reduce((n, r) => n + r.count, 0)).toBe(300);
  });

  it('reads an installation’s timeline from the primary (it must show the reader’s own decision at once)', async () => {
    const [first] = (await listInstallations(analyst, installationListSchema.parse({}))).rows;
    if (!first) throw new Error('no installation seeded');
    await expect(getInstallationTimeline(analyst, first.id)).rejects.toThrow();
    setDatabase(primary);
    try {
      expect((await getInstallationTimeline(analyst, first.id))?.installation.id).toBe(first.id);
    } finally {
      setDatabase(closedPrimary);
    }
  });
});
