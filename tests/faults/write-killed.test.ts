import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, type DatabaseLocation, openDatabase, queryRows } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { fingerprint, rollupsExact } from '../imports/support';
import { killWhen, runScript } from './support';

const INSTALLATIONS = 1_500;
const NOW = new Date('2026-11-24T10:00:00Z');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mcc-write-kill-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Every table a triage decision writes, counted, with the installations and their rollups. */
async function state(db: Database) {
  const [counts] = await queryRows<{ batches: number; decisions: number; audit: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM triage_batches) AS batches,
               (SELECT count(*)::int FROM triage_decisions) AS decisions,
               (SELECT count(*)::int FROM audit_log) AS audit`,
  );
  return { ...counts, ...(await fingerprint(db)), rollupsExact: await rollupsExact(db) };
}

interface Engine {
  name: string;
  make(): Promise<{ location: DatabaseLocation; env: Record<string, string> }>;
}

const engines: Engine[] = [
  {
    name: 'PGlite',
    async make() {
      const dir = fs.mkdtempSync(path.join(work, 'data-'));
      return {
        location: { dataDir: path.join(dir, 'pglite') },
        env: { MCC_DATA_DIR: dir, DATABASE_URL: '' },
      };
    },
  },
];
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  engines.push({
    name: 'PostgreSQL',
    async make() {
      const name = `mcc_write_kill_${crypto.randomBytes(5).toString('hex')}`;
      const admin = postgres(serverUrl, { onnotice: () => {}, max: 1 });
      await admin.unsafe(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      return { location: { url: url.toString() }, env: { DATABASE_URL: url.toString() } };
    },
  });
} else {
  console.warn(
    '\n!!! SKIPPED: the PostgreSQL run of the killed-write test — TEST_DATABASE_URL is not set. !!!\n',
  );
}

describe.each(engines)(
  'The server killed (SIGKILL) with a bulk triage decision in flight [$name]',
  (engine) => {
    it('keeps nothing of it; the restart takes the lock over and finds the rollups equal to a live count', async () => {
      const { location, env } = await engine.make();
      const seeded = await openDatabase(location);
      await seedDatabase(seeded, { installations: INSTALLATIONS, seed: 3, now: NOW });
      const before = await state(seeded.db);
      await seeded.close();
      expect(before.rollupsExact).toBe(true);

      const output = await killWhen(
        runScript('tests/faults/decide-in-flight.ts', env),
        /written, not committed: [1-9]/,
      );
      expect(output).not.toMatch(/Error/);
      const lock = location.dataDir && `${location.dataDir}.lock`;
      if (lock) expect(fs.readFileSync(lock, 'utf8')).toMatch(/^\d+ \d+$/); // left by the dead server

      // The restart opens the database as a server start does, taking the dead process's lock over.
      const restarted = await openDatabase(location);
      try {
        if (lock) expect(fs.readFileSync(lock, 'utf8')).toMatch(new RegExp(`^${process.pid} `));
        expect(await state(restarted.db)).toEqual(before);
      } finally {
        await restarted.close();
      }
    }, 240_000);
  },
);
