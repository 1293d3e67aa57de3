import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows, setDatabase } from '@/db/client';
import { installationEvents, installationRollups, installations, migrationAuthorisations } from '@/db/schema';
import { countInstallations, getInstallationTimeline, listInstallations } from '@/lib/data/installations';
import { getOverview } from '@/lib/data/overview';
import { INSTALLATION_SORTS, installationListSchema } from '@/lib/filters/installations';
import { describeEachEngine } from '../support/engines';
import {
  analyst,
  createInstallation,
  createSmso,
  createSupplier,
  installationValues,
  supplierViewer,
} from '../support/factories';

const list = (input: Record<string, unknown> = {}) => installationListSchema.parse(input);

describeEachEngine('Installations data layer', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let supplierA: number;
  let supplierB: number;
  let smso: number;

  beforeAll(async () => {
    ({ handle, dispose } = await engine.create());
    setDatabase(handle);
    const db = handle.db;
    supplierA = (await createSupplier(db, 'Alpha Energy')).id;
    supplierB = (await createSupplier(db, 'Beta Power')).id;
    smso = (await createSmso(db)).id;
    // 60 rows for A (ties on last_changed_at in threes), 40 for B, 5 split A/B, 3 dormant with no supplier.
    const tied = (n: number) => new Date(Date.UTC(2026, 10, 2, 9, Math.floor(n / 3)));
    const rows = [
      ...Array.from({ length: 60 }, (_, n) =>
        installationValues({
          smsoPartyId: smso,
          electricitySupplierId: supplierA,
          gasSupplierId: supplierA,
          lastChangedAt: tied(n),
        }),
      ),
      ...Array.from({ length: 40 }, (_, n) =>
        installationValues({
          smsoPartyId: smso,
          electricitySupplierId: supplierB,
          groupId: 'CB',
          status: n % 4 === 0 ? 'failed' : 'in-progress',
          stage: n % 4 === 0 ? 'sim-cutover' : 'common-file',
          lastCode: n % 4 === 0 ? 'MA120' : null,
          lastChangedAt: tied(n),
        }),
      ),
      ...Array.from({ length: 5 }, () =>
        installationValues({ smsoPartyId: smso, electricitySupplierId: supplierA, gasSupplierId: supplierB }),
      ),
      ...Array.from({ length: 3 }, () => installationValues({ smsoPartyId: smso, type: 'dormant-dormant' })),
    ];
    await db.insert(installations).values(rows);
  });
  afterAll(() => dispose());

  async function everyPage(viewer: Parameters<typeof listInstallations>[0], input: Record<string, unknown>) {
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listInstallations(viewer, list({ ...input, cursor }));
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return seen;
  }

  it('lets an analyst page through every installation exactly once, in order, despite tied sort values', async () => {
    expect(INSTALLATION_SORTS).toHaveLength(6);
    for (const sort of INSTALLATION_SORTS) {
      for (const dir of ['asc', 'desc'] as const) {
        const ids = await everyPage(analyst, { sort, dir });
        expect(ids).toHaveLength(108);
        expect(new Set(ids).size).toBe(108);
      }
    }
  });

  it('orders every page of each sort by its value, across page boundaries', async () => {
    const rows = await handle.db
      .select({ id: installations.id, code: installations.lastCode, attempts: installations.attemptCount })
      .from(installations);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const codes = (await everyPage(analyst, { sort: 'code', dir: 'desc' })).map(
      (id) => byId.get(id)?.code ?? '',
    );
    expect(codes).toEqual([...codes].sort().reverse());
    const attempts = (await everyPage(analyst, { sort: 'attempts' })).map(
      (id) => byId.get(id)?.attempts ?? 0,
    );
    expect(attempts).toEqual([...attempts].sort((a, b) => b - a));
  });

  it('opens on what needs attention: failures first, the longest-waiting first', async () => {
    const ids = await everyPage(analyst, {});
    const failed = await handle.db
      .select({ id: installations.id })
      .from(installations)
      .where(sql`${installations.status} in ('failed', 'rolled-back')`)
      .orderBy(installations.lastChangedAt, installations.id);
    expect(failed).toHaveLength(10);
    expect(ids.slice(0, failed.length)).toEqual(failed.map((r) => r.id));
  });

  it('Suppliers never see another supplier’s installations, on any page', async () => {
    const ids = await everyPage(supplierViewer(supplierB), { sort: 'changed', dir: 'desc' });
    // The unscoped truth, read straight from the table: B's scope must equal it exactly, no more, no less.
    const ofB = await handle.db
      .select({ id: installations.id })
      .from(installations)
      .where(
        sql`${installations.electricitySupplierId} = ${supplierB} or ${installations.gasSupplierId} = ${supplierB}`,
      );
    expect(ofB).toHaveLength(45);
    expect([...ids].sort((a, b) => a - b)).toEqual(ofB.map((r) => r.id).sort((a, b) => a - b));
  });

  it('ignores a supplier filter a supplier viewer forges for another supplier', async () => {
    const own = await everyPage(supplierViewer(supplierB), {});
    const forged = await everyPage(supplierViewer(supplierB), { supplier: supplierA });
    // Honouring the forged filter would narrow B's list to the split A/B rows: it must stay B's whole list.
    expect(forged).toEqual(own);
    expect(await countInstallations(supplierViewer(supplierB), list({ supplier: supplierA }))).toEqual(
      await countInstallations(supplierViewer(supplierB), list({})),
    );
  });

  it('masks the other supplier of a split supply for a supplier viewer, not for an analyst', async () => {
    const forA = await everyPage(supplierViewer(supplierA), {});
    expect(forA).toHaveLength(65);
    const page = await listInstallations(supplierViewer(supplierA), list({ sort: 'week', dir: 'desc' }));
    const split = page.rows.filter((r) => r.splitSupply);
    expect(split.length).toBeGreaterThan(0);
    for (const row of split) {
      expect(row.electricitySupplier).toBe('Alpha Energy');
      expect(row.gasSupplier).toBe('Other supplier');
    }
    const analystPage = await listInstallations(analyst, list({ sort: 'week', dir: 'desc' }));
    expect(analystPage.rows.filter((r) => r.splitSupply).map((r) => r.gasSupplier)).toContain('Beta Power');
  });

  it('filters by status, stage, GroupID, code and supplier, and counts from the rollups', async () => {
    const filter = {
      status: 'failed',
      stage: 'sim-cutover',
      groupId: 'CB',
      code: 'MA120',
      supplier: supplierB,
    };
    const page = await listInstallations(analyst, list(filter));
    expect(page.rows).toHaveLength(10);
    for (const row of page.rows) {
      expect(row).toMatchObject({ status: 'failed', stage: 'sim-cutover', groupId: 'CB', lastCode: 'MA120' });
      expect(row.lastCodeDescription).toMatch(/APN account switch/);
    }
    expect(await countInstallations(analyst, list(filter))).toEqual({ value: 10, exact: true });
    expect(await countInstallations(supplierViewer(supplierA), list({ status: 'failed' }))).toEqual({
      value: 0,
      exact: true,
    });
  });

  it('finds an installation by exact MPAN and by MPRN prefix', async () => {
    const [first] = await handle.db
      .select()
      .from(installations)
      .where(eq(installations.electricitySupplierId, supplierB))
      .limit(1);
    if (!first?.mpan || !first.mprn) throw new Error('fixture missing');
    const exact = await listInstallations(analyst, list({ q: first.mpan }));
    expect(exact.rows.map((r) => r.id)).toEqual([first.id]);
    const prefix = await listInstallations(analyst, list({ q: first.mprn.slice(0, 8) }));
    expect(prefix.rows.map((r) => r.id)).toContain(first.id);
    for (const row of prefix.rows) expect(row.mprn?.startsWith(first.mprn.slice(0, 8))).toBe(true);
    // The supplier that does not own it cannot find it.
    expect((await listInstallations(supplierViewer(supplierA), list({ q: first.mpan }))).rows).toEqual([]);
    expect(await countInstallations(analyst, list({ q: first.mpan }))).toEqual({ value: 1, exact: true });
  });

  it('returns null for another supplier’s installation, exactly as for one that does not exist', async () => {
    const [ofB] = await handle.db
      .select()
      .from(installations)
      .where(eq(installations.electricitySupplierId, supplierB))
      .limit(1);
    if (!ofB) throw new Error('fixture missing');
    expect(await getInstallationTimeline(supplierViewer(supplierA), ofB.id)).toBeNull();
    expect(await getInstallationTimeline(supplierViewer(supplierA), 987_654_321)).toBeNull();
    expect((await getInstallationTimeline(supplierViewer(supplierB), ofB.id))?.installation.id).toBe(ofB.id);
  });

  describe('overview', () => {
    it('sums stage × status for the viewer’s scope only', async () => {
      const weeks = { current: '2026-11-09', previous: '2026-11-02' };
      const all = await getOverview(analyst, {}, weeks);
      const forB = await getOverview(supplierViewer(supplierB), {}, weeks);
      const sumOf = (o: typeof all) => o.byStageStatus.reduce((n, r) => n + r.count, 0);
      const [{ n: total }] = (await handle.db
        .select({ n: sql<number>`count(*)::int` })
        .from(installations)) as [{ n: number }];
      const [{ n: ofB }] = (await handle.db
        .select({ n: sql<number>`count(*)::int` })
        .from(installations)
        .where(
          sql`${installations.electricitySupplierId} = ${supplierB} or ${installations.gasSupplierId} = ${supplierB}`,
        )) as [{ n: number }];
      expect(sumOf(all)).toBe(Number(total));
      expect(sumOf(forB)).toBe(Number(ofB));
    });
  });
});

// Random changes mutate rows: this suite owns its own database so no other test sees them.
describeEachEngine('Installation rollups', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ handle, dispose } = await engine.create());
    setDatabase(handle);
  });
  afterAll(() => dispose());

  it('keeps the rollups equal to a live GROUP BY after a random sequence of changes', async () => {
    const db = handle.db;
    const smso = (await createSmso(db)).id;
    const supplierA = (await createSupplier(db, 'Alpha Energy')).id;
    const supplierB = (await createSupplier(db, 'Beta Power')).id;
    for (let n = 0; n < 60; n++) {
      await createInstallation(db, {
        smsoPartyId: smso,
        electricitySupplierId: n % 2 ? supplierA : supplierB,
        gasSupplierId: n % 3 ? supplierA : null,
      });
    }
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
    const ids = (await db.select({ id: installations.id }).from(installations)).map((r) => r.id);
    for (let step = 0; step < 120; step++) {
      const id = pick(ids);
      const action = random();
      if (action < 0.6) {
        await db
          .update(installations)
          .set({
            stage: pick(['common-file', 'sim-cutover', 'device-validation', 'migrated'] as const),
            status: pick(['in-progress', 'failed', 'migrated', 'rolled-back'] as const),
            lastCode: pick([null, 'MA112', '12.9.1.ET01', 'MA120']),
            migrationWeek: pick(['2026-11-02', '2026-11-09', null]),
          })
          .where(eq(installations.id, id));
      } else if (action < 0.75) {
        await db
          .update(installations)
          .set({ gasSupplierId: pick([null, supplierA, supplierB]) })
          .where(eq(installations.id, id));
      } else if (action < 0.85) {
        await db.delete(installations).where(eq(installations.id, id));
        ids.splice(ids.indexOf(id), 1);
      } else {
        await createInstallation(db, {
          smsoPartyId: smso,
          electricitySupplierId: pick([supplierA, supplierB]),
        });
      }
    }
    const rollup = await db
      .select({
        scope: installationRollups.supplierId,
        stage: installationRollups.stage,
        status: installationRollups.status,
        groupId: installationRollups.groupId,
        type: installationRollups.installationType,
        week: sql<string>`${installationRollups.migrationWeek}::text`,
        code: installationRollups.lastCode,
        n: sql<number>`${installationRollups.count}::int`,
      })
      .from(installationRollups)
      .where(sql`${installationRollups.count} <> 0`);
    // The live truth: a GROUP BY per week, plus the same without the week as the "all weeks" rows.
    const liveRows = await queryRows<(typeof rollup)[number]>(
      db,
      sql`
      with scoped as (
        select 0 as scope, * from installations
        union all select electricity_supplier_id, * from installations where electricity_supplier_id is not null
        union all select gas_supplier_id, * from installations
          where gas_supplier_id is not null and gas_supplier_id is distinct from electricity_supplier_id
      )
      select scope, stage::text, status::text, group_id::text as "groupId", installation_type::text as type,
             coalesce(migration_week, date '1970-01-01')::text as week, coalesce(last_code, '') as code, count(*)::int as n
      from scoped group by 1, 2, 3, 4, 5, 6, 7
      union all
      select scope, stage::text, status::text, group_id::text, installation_type::text,
             '9999-12-31', coalesce(last_code, ''), count(*)::int
      from scoped group by 1, 2, 3, 4, 5, 7`,
    );
    const key = (r: (typeof rollup)[number]) =>
      [r.scope, r.stage, r.status, r.groupId, r.type, r.week, r.code].join('|');
    const asMap = (rows: typeof rollup) => new Map(rows.map((r) => [key(r), Number(r.n)]));
    expect(asMap(rollup)).toEqual(asMap(liveRows));
    expect(rollup.length).toBeGreaterThan(5);
  });
});

// These stories create their own installations: a suite of its own, so the list suite's counts never see them.
describeEachEngine('Installation timelines read from each side', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let supplierA: number;
  let supplierB: number;
  let smso: number;
  beforeAll(async () => {
    ({ handle, dispose } = await engine.create());
    setDatabase(handle);
    supplierA = (await createSupplier(handle.db, 'Alpha Energy')).id;
    supplierB = (await createSupplier(handle.db, 'Beta Power')).id;
    smso = (await createSmso(handle.db)).id;
  });
  afterAll(() => dispose());

  it('shows a supplier the other supplier’s Migration Authorisations masked, with the MPxN each covers', async () => {
    const split = await createInstallation(handle.db, {
      smsoPartyId: smso,
      electricitySupplierId: supplierA,
      gasSupplierId: supplierB,
    });
    const ma = (partyId: number, cover: { mpan?: string | null; mprn?: string | null }) => ({
      installationId: split.id,
      authorisingPartyId: partyId,
      ...cover,
      migrationWeek: '2026-11-02',
      migrateOn: '2026-11-03',
      receivedAt: new Date('2026-10-28T10:00:00Z'),
      validationStatus: 'rejected' as const,
      validationCodes: ['MA010'],
    });
    await handle.db
      .insert(migrationAuthorisations)
      .values([ma(supplierA, { mpan: split.mpan }), ma(supplierB, { mprn: split.mprn })]);
    const forAnalyst = (await getInstallationTimeline(analyst, split.id))?.authorisations ?? [];
    expect(forAnalyst.map((a) => [a.authorisingParty, a.covers, a.validationCodes])).toEqual([
      ['Alpha Energy', { mpan: split.mpan, mprn: null }, ['MA010']],
      ['Beta Power', { mpan: null, mprn: split.mprn }, ['MA010']],
    ]);
    const forA = (await getInstallationTimeline(supplierViewer(supplierA), split.id))?.authorisations ?? [];
    expect(forA).toHaveLength(2);
    expect(forA.map((a) => [a.authorisingParty, a.mine, a.masked, a.validationCodes])).toEqual([
      ['Alpha Energy', true, false, ['MA010']],
      ['Other supplier', false, true, []],
    ]);
  });

  it('keeps the other supplier’s MA events off a supplier’s timeline, as its authorisations table does', async () => {
    const split = await createInstallation(handle.db, {
      smsoPartyId: smso,
      electricitySupplierId: supplierA,
      gasSupplierId: supplierB,
      stage: 'authorisation',
      status: 'failed',
      lastCode: 'MA010',
    });
    const at = (minute: number) => new Date(Date.UTC(2026, 9, 28, 10, minute));
    const ma = (partyId: number, minute: number, codes: string[]) => ({
      installationId: split.id,
      authorisingPartyId: partyId,
      migrationWeek: '2026-11-02',
      migrateOn: '2026-11-03',
      receivedAt: at(minute),
      validationStatus: codes.length > 0 ? ('rejected' as const) : ('accepted' as const),
      validationCodes: codes,
    });
    await handle.db
      .insert(migrationAuthorisations)
      .values([ma(supplierA, 0, []), ma(supplierB, 7, ['MA010', 'MA011'])]);
    const event = (
      minute: number,
      status: 'in-progress' | 'failed',
      note: string,
      code: string | null = null,
    ) => ({
      installationId: split.id,
      attempt: 1,
      occurredAt: at(minute),
      stage: 'authorisation' as const,
      status,
      code,
      note,
    });
    await handle.db
      .insert(installationEvents)
      .values([
        event(0, 'in-progress', 'Migration Authorisation from A'),
        event(7, 'in-progress', 'Migration Authorisation from B'),
        event(9, 'failed', 'MA Validation Response: rejected (MA010, MA011)', 'MA010'),
      ]);
    const notes = async (viewer: Parameters<typeof getInstallationTimeline>[0]) =>
      (await getInstallationTimeline(viewer, split.id))?.events.map((e) => e.note);
    expect(await notes(analyst)).toEqual([
      'Migration Authorisation from A',
      'Migration Authorisation from B',
      'MA Validation Response: rejected (MA010, MA011)',
    ]);
    expect(await notes(supplierViewer(supplierA))).toEqual(['Migration Authorisation from A']);
    expect(await notes(supplierViewer(supplierB))).toEqual([
      'Migration Authorisation from B',
      'MA Validation Response: rejected (MA010, MA011)',
    ]);
    const forA = await getInstallationTimeline(supplierViewer(supplierA), split.id);
    expect(JSON.stringify(forA?.events)).not.toContain(at(7).toISOString());
    expect(JSON.stringify(forA?.authorisations)).not.toContain('MA011');
  });

  it('resolves a split-supply MA106 for each of its two suppliers from its own side (MAM v4)', async () => {
    const split = await createInstallation(handle.db, {
      smsoPartyId: smso,
      electricitySupplierId: supplierA,
      gasSupplierId: supplierB,
      status: 'failed',
      stage: 'common-file',
      lastCode: 'MA106',
    });
    await handle.db.insert(migrationAuthorisations).values({
      installationId: split.id,
      authorisingPartyId: supplierA,
      mpan: split.mpan,
      migrationWeek: '2026-11-02',
      migrateOn: '2026-11-03',
      receivedAt: new Date('2026-10-28T10:00:00Z'),
      validationStatus: 'accepted',
      completionStatus: 'failure',
      completionCode: 'MA106',
    });
    await handle.db.insert(installationEvents).values({
      installationId: split.id,
      attempt: 1,
      occurredAt: new Date('2026-11-02T06:00:00Z'),
      stage: 'common-file',
      status: 'failed',
      code: 'MA106',
    });
    const read = async (viewer: Parameters<typeof getInstallationTimeline>[0]) =>
      (await getInstallationTimeline(viewer, split.id))?.latestFailure;
    const a = await read(supplierViewer(supplierA));
    const b = await read(supplierViewer(supplierB));
    const mcc = await read(analyst);
    expect([a?.section, b?.section, mcc?.section]).toEqual([
      'MAM-split-supply',
      'MAM-split-supply',
      'MAM-split-supply',
    ]);
    expect(a?.nextMove.action).toMatch(/Your Migration Authorisation arrived.*your MPAN/);
    expect(b?.nextMove.action).toMatch(/No Migration Authorisation of yours for your MPRN/);
    expect(mcc?.nextMove.ownerLabel).toBe('Both Active Suppliers');
    for (const r of [a, b, mcc]) expect(r?.nextMove.action).not.toMatch(/agree/i);
  });

  it('MEHRS 2.3.2: a split-supply MA rejection is read on the rejected MA, not on the other supplier’s MA', async () => {
    const split = await createInstallation(handle.db, {
      smsoPartyId: smso,
      electricitySupplierId: supplierA,
      gasSupplierId: supplierB,
      status: 'failed',
      stage: 'authorisation',
      lastCode: 'MA004',
    });
    const ma = (party: number, receivedAt: string, rejected: boolean) => ({
      installationId: split.id,
      authorisingPartyId: party,
      mpan: party === supplierA ? split.mpan : null,
      mprn: party === supplierB ? split.mprn : null,
      migrationWeek: '2026-11-02',
      migrateOn: '2026-11-03',
      receivedAt: new Date(receivedAt),
      validationStatus: rejected ? ('rejected' as const) : ('accepted' as const),
      validationCodes: rejected ? ['MA004'] : [],
      completionStatus: 'failure' as const,
      completionCode: 'MA004',
    });
    // A's MA was rejected first; B's arrived later and carries the attempt's completion code too.
    await handle.db
      .insert(migrationAuthorisations)
      .values([ma(supplierA, '2026-10-28T10:00:00Z', true), ma(supplierB, '2026-10-28T12:00:00Z', false)]);
    await handle.db.insert(installationEvents).values({
      installationId: split.id,
      attempt: 1,
      occurredAt: new Date('2026-10-28T13:00:00Z'),
      stage: 'authorisation',
      status: 'failed',
      code: 'MA004',
    });
    const a = (await getInstallationTimeline(supplierViewer(supplierA), split.id))?.latestFailure;
    const b = (await getInstallationTimeline(supplierViewer(supplierB), split.id))?.latestFailure;
    expect(a?.nextMove.readerActs).toBe(true);
    expect(b?.nextMove.readerActs).toBe(false);
  });
});
