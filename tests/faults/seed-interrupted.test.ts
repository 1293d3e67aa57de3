import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '@/db/client';
import { finish, killMidDecision, killWhen, runScript, triageWriteState } from './support';

const INSTALLATIONS = 2_000;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mcc-seed-kill-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

// PGlite only: the embedded database is the one a start seeds by itself (a DATABASE_URL deployment never is). One
// story, since every PGlite start costs seconds: the seeded database then serves the killed write (PostgreSQL's run
// of that is write-killed.test.ts).
describe('The first start, then the server, killed with SIGKILL [PGlite]', () => {
  it('keeps nothing half-seeded or half-written; each restart takes the lock over and finds it whole', async () => {
    const env = { MCC_DATA_DIR: work, DATABASE_URL: '', MCC_DEMO_INSTALLATIONS: String(INSTALLATIONS) };

    const killed = await killWhen(runScript('tests/faults/start-database.ts', env), /Parties .* loaded/);
    expect(killed).toMatch(/first start only/);
    expect(fs.readFileSync(path.join(work, 'pglite.lock'), 'utf8')).toMatch(/^\d+/); // the dead process's lock

    const restart = await finish(runScript('tests/faults/start-database.ts', env));
    expect(restart.output).toMatch(
      /was interrupted; it was rolled back.*Seeding the 2000 demo installations again/,
    );
    expect(restart.code).toBe(0);

    const dataDir = path.join(work, 'pglite');
    const seeded = await openDatabase({ dataDir });
    const [row] = await queryRows<{ installations: number }>(
      seeded.db,
      sql`SELECT count(*)::int AS installations FROM installations`,
    );
    const before = await triageWriteState(seeded.db);
    await seeded.close();
    expect(row?.installations).toBe(INSTALLATIONS);
    expect(before.rollupsExact).toBe(true);
    expect(fs.existsSync(path.join(work, 'seeding'))).toBe(false);

    // The server killed with a bulk triage decision written but not committed.
    expect(await killMidDecision(env)).not.toMatch(/Error/);
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toMatch(/^\d+ \d+$/); // left by the dead server
    const restarted = await openDatabase({ dataDir });
    try {
      expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toMatch(new RegExp(`^${process.pid} `));
      expect(await triageWriteState(restarted.db)).toEqual(before);
    } finally {
      await restarted.close();
    }
  }, 300_000);
});
