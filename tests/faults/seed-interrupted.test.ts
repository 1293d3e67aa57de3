import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '@/db/client';
import { rollupsExact } from '../imports/support';
import { finish, killWhen, runScript } from './support';

const INSTALLATIONS = 2_000;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mcc-seed-kill-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

// PGlite only: the embedded database is the one a start seeds by itself (a DATABASE_URL deployment never is).
describe('A first start killed (SIGKILL) while it seeds the demo [PGlite]', () => {
  it('leaves nothing half-seeded; the next start says so and seeds it all', async () => {
    const env = { MCC_DATA_DIR: work, DATABASE_URL: '', MCC_DEMO_INSTALLATIONS: String(INSTALLATIONS) };

    const killed = await killWhen(runScript('tests/faults/start-database.ts', env), /Parties .* loaded/);
    expect(killed).toMatch(/first start only/);
    expect(fs.readFileSync(path.join(work, 'pglite.lock'), 'utf8')).toMatch(/^\d+/); // the dead process's lock

    const restart = await finish(runScript('tests/faults/start-database.ts', env));
    expect(restart.output).toMatch(
      /was interrupted; it was rolled back.*Seeding the 2000 demo installations again/,
    );
    expect(restart.code).toBe(0);

    const handle = await openDatabase({ dataDir: path.join(work, 'pglite') });
    try {
      const [row] = await queryRows<{ installations: number; parties: number }>(
        handle.db,
        sql`SELECT (SELECT count(*)::int FROM installations) AS installations,
                   (SELECT count(*)::int FROM parties) AS parties`,
      );
      expect(row?.installations).toBe(INSTALLATIONS);
      expect(await rollupsExact(handle.db)).toBe(true);
      expect(fs.existsSync(path.join(work, 'seeding'))).toBe(false);
    } finally {
      await handle.close();
    }
  }, 180_000);
});
