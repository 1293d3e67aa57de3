import crypto from 'node:crypto';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { killMidDecision, triageWriteState } from './support';

const INSTALLATIONS = 1_500;
const NOW = new Date('2026-11-24T10:00:00Z');
const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  console.warn('\n!!! SKIPPED: the PostgreSQL killed-write test — TEST_DATABASE_URL is not set. !!!\n');
}

// The PGlite run is the second half of seed-interrupted.test.ts, on the database that test's restart seeded.
describe.skipIf(!serverUrl)(
  'The server killed (SIGKILL) with a bulk triage decision in flight [PostgreSQL]',
  () => {
    it('keeps nothing of it: after the restart the rollups still equal a live count', async () => {
      const name = `mcc_write_kill_${crypto.randomBytes(5).toString('hex')}`;
      const admin = postgres(serverUrl as string, { onnotice: () => {}, max: 1 });
      await admin.unsafe(`CREATE DATABASE ${name}`);
      const url = new URL(serverUrl as string);
      url.pathname = `/${name}`;
      try {
        const seeded = await openDatabase({ url: url.toString() });
        await seedDatabase(seeded, { installations: INSTALLATIONS, seed: 3, now: NOW });
        const before = await triageWriteState(seeded.db);
        await seeded.close();
        expect(before.rollupsExact).toBe(true);

        expect(await killMidDecision({ DATABASE_URL: url.toString() })).not.toMatch(/Error/);

        const restarted = await openDatabase({ url: url.toString() });
        try {
          expect(await triageWriteState(restarted.db)).toEqual(before);
        } finally {
          await restarted.close();
        }
      } finally {
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    }, 240_000);
  },
);
