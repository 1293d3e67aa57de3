import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '@/db/client';
import { verifyPassword } from '@/lib/auth/password';
import { DEMO_PASSWORD } from '@/lib/demo';
import { ERROR_CODES, isFailedStepNumber, REASON_CODES, tmadStepReference } from '@/lib/rules/codes';
import { SCENARIOS } from '@/lib/rules/scenarios';
import { DemoGenerator } from './generate';
import { isSeeded, seedDatabase } from './index';
import { SUPPLIERS } from './parties';

const INSTALLATIONS = 2_000;
const SEED = 7;
const NOW = new Date('2025-06-18T10:30:00Z');

/** Every catalogue code with its stage (null: MA999, any stage) and whether it is dormant-only. */
const CATALOGUE = new Map<string, { stage: string | null; dormantOnly: boolean }>([
  ...REASON_CODES.map((c) => [c.code, { stage: c.stage, dormantOnly: c.dormantOnly }] as const),
  ...ERROR_CODES.map((c) => [c.code, { stage: c.stage, dormantOnly: false }] as const),
]);

async function rows<T>(handle: DatabaseHandle, query: string): Promise<T[]> {
  const result: unknown = await handle.db.execute(sql.raw(query));
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

async function installationsHash(handle: DatabaseHandle): Promise<string> {
  const [row] = await rows<{ hash: string }>(
    handle,
    `SELECT md5(string_agg(i::text, '|' ORDER BY i.id)) AS hash FROM installations i`,
  );
  return row?.hash ?? '';
}

interface Engine {
  open(): Promise<DatabaseHandle>;
  cleanup(): Promise<void>;
}

function pgliteEngine(): Engine {
  return { open: () => openDatabase({ dataDir: 'memory://' }), cleanup: async () => {} };
}

/** A fresh PostgreSQL database per open() on the TEST_DATABASE_URL server, dropped afterwards. */
function postgresEngine(url: string): Engine {
  const admin = postgres(url, { onnotice: () => {}, max: 1 });
  const created: string[] = [];
  return {
    async open() {
      const name = `mcc_seed_test_${randomBytes(6).toString('hex')}`;
      await admin.unsafe(`CREATE DATABASE ${name}`);
      created.push(name);
      const target = new URL(url);
      target.pathname = `/${name}`;
      return openDatabase({ url: target.toString() });
    },
    async cleanup() {
      for (const name of created) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

function seedSuite(engineName: string, makeEngine: () => Engine) {
  describe(`seedDatabase on ${engineName}`, () => {
    let engine: Engine;
    let handle: DatabaseHandle;
    let second: DatabaseHandle | undefined;

    beforeAll(async () => {
      engine = makeEngine();
      handle = await engine.open();
      expect(await isSeeded(handle)).toBe(false);
      await seedDatabase(handle, { installations: INSTALLATIONS, seed: SEED, now: NOW });
    }, 120_000);

    afterAll(async () => {
      await handle?.close();
      await second?.close();
      await engine?.cleanup();
    });

    it('marks the database as seeded', async () => {
      expect(await isSeeded(handle)).toBe(true);
      const [count] = await rows<{ n: number | string }>(handle, 'SELECT count(*) AS n FROM installations');
      expect(Number(count?.n)).toBe(INSTALLATIONS);
    });

    it('gives the same installations for the same seed and now', async () => {
      second = await engine.open();
      await seedDatabase(second, { installations: INSTALLATIONS, seed: SEED, now: NOW });
      const [a, b] = await Promise.all([installationsHash(handle), installationsHash(second)]);
      expect(a).toMatch(/^[0-9a-f]{32}$/);
      expect(b).toBe(a);
    }, 120_000);

    it("gives every failed installation a catalogue code of its own stage (MA999 'Other Failure': any stage)", async () => {
      const failed = await rows<{
        stage: string;
        status: string;
        last_code: string | null;
        last_failed_step: string | null;
      }>(handle, `SELECT stage, status, last_code, last_failed_step FROM installations`);
      let withCode = 0;
      for (const i of failed) {
        if (i.status === 'failed' || i.status === 'rolled-back') {
          expect(i.last_code, `a ${i.status} installation needs a code`).not.toBeNull();
        } else {
          // Rule: last_code describes the current attempt's failure only.
          expect(i.last_code).toBeNull();
        }
        if (i.last_code === null) continue;
        withCode++;
        const entry = CATALOGUE.get(i.last_code);
        expect(entry, `${i.last_code} is in the catalogue`).toBeDefined();
        if (entry?.stage !== null) expect(entry?.stage, i.last_code).toBe(i.stage);
        if (i.last_failed_step !== null) {
          expect(isFailedStepNumber(i.last_failed_step)).toBe(true);
          expect(tmadStepReference(i.last_failed_step)?.stage).toBe(i.stage);
        }
      }
      expect(withCode).toBeGreaterThan(INSTALLATIONS * 0.03);
    });

    it('only writes catalogue codes in events and MAs, MA0xx only at authorisation', async () => {
      const codes = await rows<{ code: string; stage: string }>(
        handle,
        `SELECT DISTINCT code, stage::text FROM installation_events WHERE code IS NOT NULL
         UNION SELECT DISTINCT unnest(validation_codes), 'authorisation' FROM migration_authorisations
         UNION SELECT DISTINCT completion_code, '' FROM migration_authorisations WHERE completion_code IS NOT NULL`,
      );
      for (const { code, stage } of codes) {
        const entry = CATALOGUE.get(code);
        expect(entry, `${code} is in the catalogue`).toBeDefined();
        if (stage !== '' && entry?.stage !== null) expect(entry?.stage, code).toBe(stage);
      }
      const rejected = await rows<{ n: number | string }>(
        handle,
        `SELECT count(*) AS n FROM migration_authorisations WHERE validation_status = 'rejected'`,
      );
      expect(Number(rejected[0]?.n)).toBeGreaterThan(0);
    });

    it('puts dormant-only codes on installations with a dormant meter only (MEHRS 2.3.2)', async () => {
      const dormantOnly = [...CATALOGUE].filter(([, e]) => e.dormantOnly).map(([code]) => `'${code}'`);
      const wrong = await rows<{ id: number }>(
        handle,
        `SELECT i.id FROM installations i
         WHERE i.installation_type = 'active-only' AND (
           i.last_code IN (${dormantOnly.join(', ')})
           OR EXISTS (SELECT 1 FROM installation_events e WHERE e.installation_id = i.id
                      AND e.code IN (${dormantOnly.join(', ')})))`,
      );
      expect(wrong).toEqual([]);
    });

    it('keeps the rollups equal to a live GROUP BY', async () => {
      const diff = await rows<{ n: number | string }>(
        handle,
        `SELECT count(*) AS n FROM (
           (SELECT stage, status, group_id, installation_type, coalesce(migration_week, DATE '1970-01-01') AS week,
                   coalesce(last_code, '') AS code, count(*) AS count
            FROM installations GROUP BY 1, 2, 3, 4, 5, 6
            EXCEPT
            SELECT stage, status, group_id, installation_type, migration_week, last_code, count
            FROM installation_rollups
            WHERE supplier_id = 0 AND migration_week <> DATE '9999-12-31' AND count <> 0)
           UNION ALL
           (SELECT stage, status, group_id, installation_type, migration_week, last_code, count
            FROM installation_rollups
            -- A row whose installations all left keeps a zero count: it is no group in the live count.
            WHERE supplier_id = 0 AND migration_week <> DATE '9999-12-31' AND count <> 0
            EXCEPT
            SELECT stage, status, group_id, installation_type, coalesce(migration_week, DATE '1970-01-01'),
                   coalesce(last_code, ''), count(*)
            FROM installations GROUP BY 1, 2, 3, 4, 5, 6)
         ) d`,
      );
      expect(Number(diff[0]?.n)).toBe(0);
      const byStage = await rows<{
        stage: string;
        status: string;
        rollup: string | number;
        live: string | number;
      }>(
        handle,
        `SELECT l.stage, l.status, coalesce(r.n, 0) AS rollup, l.n AS live
         FROM (SELECT stage, status, count(*) AS n FROM installations GROUP BY 1, 2) l
         LEFT JOIN (SELECT stage, status, sum(count) AS n FROM installation_rollups
                    WHERE supplier_id = 0 AND migration_week = DATE '9999-12-31'
                    GROUP BY 1, 2) r USING (stage, status)`,
      );
      for (const row of byStage)
        expect(Number(row.rollup), `${row.stage}/${row.status}`).toBe(Number(row.live));
    });

    it('rebuilds the week-outcome rollups to equal a live count of outcomes by the week they happened in', async () => {
      const [diff] = await rows<{ n: number | string; outcomes: number | string }>(
        handle,
        `WITH live AS (
           SELECT 0 AS scope, date_trunc('week', e.occurred_at AT TIME ZONE 'Europe/London')::date AS week,
                  e.status, e.stage, coalesce(e.code, '') AS code, count(*) AS n
           FROM installation_events e WHERE e.status <> 'in-progress' GROUP BY 1, 2, 3, 4, 5),
         rollup AS (
           SELECT 0 AS scope, outcome_week AS week, outcome AS status, stage, code, sum(count) AS n
           FROM installation_outcome_rollups WHERE supplier_id = 0 AND count <> 0 GROUP BY 1, 2, 3, 4, 5)
         SELECT (SELECT count(*) FROM ((SELECT * FROM live EXCEPT SELECT * FROM rollup)
                 UNION ALL (SELECT * FROM rollup EXCEPT SELECT * FROM live)) d) AS n,
                (SELECT sum(n) FROM live) AS outcomes`,
      );
      expect(Number(diff?.outcomes)).toBeGreaterThan(INSTALLATIONS / 2);
      expect(Number(diff?.n)).toBe(0);
      const [trigger] = await rows<{ tgenabled: string }>(
        handle,
        `SELECT tgenabled FROM pg_trigger WHERE tgname = 'installation_events_outcome_rollup'`,
      );
      expect(trigger?.tgenabled).toBe('O');
    });

    it('re-enables the rollup trigger and moves the identity sequences past the seeded ids', async () => {
      const [trigger] = await rows<{ tgenabled: string }>(
        handle,
        `SELECT tgenabled FROM pg_trigger WHERE tgname = 'installations_rollup'`,
      );
      expect(trigger?.tgenabled).toBe('O');
      const [inserted] = await rows<{ id: number | string }>(
        handle,
        `INSERT INTO installations (mpan, group_id, smso_party_id, installation_type, stage, status)
         SELECT '9999999999999', 'AA', smso_party_id, 'active-only', 'demand', 'in-progress'
         FROM installations LIMIT 1 RETURNING id`,
      );
      expect(Number(inserted?.id)).toBe(INSTALLATIONS + 1);
      const [rollup] = await rows<{ n: number | string }>(
        handle,
        `SELECT count AS n FROM installation_rollups WHERE supplier_id = 0 AND stage = 'demand'
         AND status = 'in-progress' AND group_id = 'AA' AND installation_type = 'active-only'
         AND migration_week = DATE '1970-01-01' AND last_code = ''`,
      );
      expect(Number(rollup?.n)).toBe(1);
      await handle.db.execute(sql.raw(`DELETE FROM installations WHERE id = ${INSTALLATIONS + 1}`));
    });

    it('creates every demo user, each able to sign in with the demo password', async () => {
      const users = await rows<{
        email: string;
        role: string;
        party_id: number | null;
        password: string;
        slug: string | null;
      }>(
        handle,
        `SELECT u.email, u.role, u.party_id, a.password, p.slug
         FROM users u JOIN accounts a ON a.user_id = u.id AND a.provider_id = 'credential' AND a.account_id = u.id
         LEFT JOIN parties p ON p.id = u.party_id
         WHERE u.email_verified`,
      );
      const expected = [
        'analyst@mcc.demo',
        'admin@mcc.demo',
        ...SUPPLIERS.map((s) => `${s.slug}@supplier.demo`),
      ];
      expect(users.map((u) => u.email).sort()).toEqual(expected.sort());
      for (const user of users) {
        expect(await verifyPassword({ hash: user.password, password: DEMO_PASSWORD }), user.email).toBe(true);
        if (user.role === 'supplier') expect(user.email).toBe(`${user.slug}@supplier.demo`);
        else expect(user.party_id).toBeNull();
      }
      expect(users.find((u) => u.email === 'analyst@mcc.demo')?.role).toBe('analyst');
      expect(users.find((u) => u.email === 'admin@mcc.demo')?.role).toBe('admin');
    }, 60_000);

    it('gives every supplier installations, and split supply two different suppliers', async () => {
      const empty = await rows<{ slug: string }>(
        handle,
        `SELECT p.slug FROM parties p WHERE p.role = 'supplier' AND NOT EXISTS (
           SELECT 1 FROM installations i WHERE i.electricity_supplier_id = p.id OR i.gas_supplier_id = p.id)`,
      );
      expect(empty).toEqual([]);
      const split = await rows<{ same: boolean; n: number | string }>(
        handle,
        `SELECT (electricity_supplier_id IS NOT DISTINCT FROM gas_supplier_id) AS same, count(*) AS n
         FROM installations WHERE split_supply GROUP BY 1`,
      );
      expect(split.find((s) => s.same === false)).toBeDefined();
      expect(split.find((s) => s.same === true)).toBeUndefined();
      const noSupplier = await rows<{ installation_type: string }>(
        handle,
        `SELECT DISTINCT installation_type FROM installations
         WHERE electricity_supplier_id IS NULL AND gas_supplier_id IS NULL`,
      );
      expect(noSupplier.map((r) => r.installation_type)).toEqual(['dormant-dormant']);
    });

    it('keeps each installation consistent with its events', async () => {
      const wrong = await rows<{ id: number }>(
        handle,
        `SELECT i.id FROM installations i
         JOIN LATERAL (SELECT e.stage, e.status, e.occurred_at FROM installation_events e
                       WHERE e.installation_id = i.id ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1) last ON true
         WHERE last.occurred_at <> i.last_changed_at OR last.stage <> i.stage OR last.status <> i.status
         LIMIT 5`,
      );
      expect(wrong).toEqual([]);
      const [missing] = await rows<{ n: number | string }>(
        handle,
        `SELECT count(*) AS n FROM installations i
         WHERE NOT EXISTS (SELECT 1 FROM installation_events e WHERE e.installation_id = i.id)`,
      );
      expect(Number(missing?.n)).toBe(0);
      const [future] = await rows<{ n: number | string }>(
        handle,
        `SELECT count(*) AS n FROM installation_events WHERE occurred_at > '${NOW.toISOString()}'`,
      );
      expect(Number(future?.n)).toBe(0);
    });

    it('leaves failed dormant installations awaiting triage, and some already triaged', async () => {
      const [counts] = await rows<{ awaiting: number | string; decided: number | string }>(
        handle,
        `SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM triage_decisions t WHERE t.installation_id = i.id))
                  AS awaiting,
                (SELECT count(*) FROM triage_decisions) AS decided
         FROM installations i
         WHERE i.installation_type IN ('active-dormant', 'dormant-dormant') AND i.status = 'failed'`,
      );
      expect(Number(counts?.awaiting)).toBeGreaterThan(0);
      expect(Number(counts?.decided)).toBeGreaterThan(0);
    });

    it('designates and publishes every week a split-supply installation was authorised for (MAM)', async () => {
      const [counts] = await rows<{
        undesignated: number | string;
        unpublished: number | string;
        total: number | string;
      }>(
        handle,
        `SELECT
           (SELECT count(*) FROM migration_authorisations m JOIN installations i ON i.id = m.installation_id
             WHERE i.split_supply AND NOT EXISTS (SELECT 1 FROM split_supply_designations d
               WHERE d.installation_id = m.installation_id AND d.migration_week = m.migration_week)) AS undesignated,
           (SELECT count(*) FROM split_supply_designations d WHERE NOT EXISTS
             (SELECT 1 FROM split_supply_publication_items p WHERE p.designation_id = d.id)) AS unpublished,
           (SELECT count(*) FROM split_supply_designations) AS total`,
      );
      expect(Number(counts?.total)).toBeGreaterThan(0);
      expect(Number(counts?.undesignated)).toBe(0);
      expect(Number(counts?.unpublished)).toBe(0);
    });

    it('loads incidents with history, interested parties and affected installations', async () => {
      const incidents = await rows<{
        reference: string;
        status: string;
        events: number | string;
        group_id: string | null;
      }>(
        handle,
        `SELECT i.reference, i.status, i.group_id,
                (SELECT count(*) FROM incident_events e WHERE e.incident_id = i.id) AS events
         FROM incidents i ORDER BY i.id`,
      );
      expect(incidents[0]?.reference).toBe('INC-000001');
      expect(incidents.every((i) => Number(i.events) >= 1)).toBe(true);
      expect(new Set(incidents.map((i) => i.status)).has('closed')).toBe(true);
      expect(incidents.some((i) => ['open', 'in-progress', 'paused'].includes(i.status))).toBe(true);
      expect(incidents.some((i) => i.group_id === 'CB')).toBe(true);
      const owners = await rows<{ role: string }>(
        handle,
        'SELECT DISTINCT p.role FROM incidents i JOIN parties p ON p.id = i.owner_party_id',
      );
      const owningRoles = SCENARIOS.filter((s) => s.handling === 'incident').flatMap((s) => s.owners);
      expect(new Set(owners.map((o) => o.role))).toEqual(new Set(owningRoles));
      const [links] = await rows<{ parties: number | string; installations: number | string }>(
        handle,
        `SELECT (SELECT count(*) FROM incident_interested_parties) AS parties,
                (SELECT count(*) FROM incident_installations) AS installations`,
      );
      expect(Number(links?.parties)).toBeGreaterThan(0);
      expect(Number(links?.installations)).toBeGreaterThan(0);
    });
  });
}

seedSuite('PGlite', pgliteEngine);

const testDatabaseUrl = process.env.TEST_DATABASE_URL;
if (testDatabaseUrl) {
  seedSuite('PostgreSQL', () => postgresEngine(testDatabaseUrl));
} else {
  it.skip('SKIPPED: TEST_DATABASE_URL not set (seedDatabase on PostgreSQL)', () => {});
}

describe('the demo generator', () => {
  it('differs between seeds and is independent of chunk size', () => {
    const first = (seed: number, size: number) => {
      const generator = new DemoGenerator({ installations: 500, seed, now: NOW });
      const all = [];
      for (const chunk of generator.chunks(size)) all.push(...chunk.installations);
      return JSON.stringify(all);
    };
    expect(first(1, 500)).toBe(first(1, 37));
    expect(first(1, 500)).not.toBe(first(2, 500));
  });

  it('writes unique 13-digit MPANs and 6–10 digit MPRNs', () => {
    const generator = new DemoGenerator({ installations: 20_000, seed: 3, now: NOW });
    const mpans = new Set<string>();
    const mprns = new Set<string>();
    let count = { mpan: 0, mprn: 0 };
    for (const chunk of generator.chunks()) {
      for (const i of chunk.installations) {
        if (i.mpan) {
          expect(i.mpan).toMatch(/^\d{13}$/);
          mpans.add(i.mpan);
          count = { ...count, mpan: count.mpan + 1 };
        }
        if (i.mprn) {
          expect(i.mprn).toMatch(/^\d{6,10}$/);
          mprns.add(i.mprn);
          count = { ...count, mprn: count.mprn + 1 };
        }
      }
    }
    expect(mpans.size).toBe(count.mpan);
    expect(mprns.size).toBe(count.mprn);
  });
});
