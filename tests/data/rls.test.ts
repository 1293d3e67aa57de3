import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Database,
  type DatabaseHandle,
  inTransaction,
  queryRows,
  ROW_SCOPED_ROLE,
  setDatabase,
} from '@/db/client';
import {
  authorisationRollups,
  fileImports,
  incidentInterestedParties,
  incidents,
  installationRollups,
  installations,
  migrationAuthorisations,
  users,
  weeklyDemand,
} from '@/db/schema';
import { withViewerScope } from '@/lib/data/scope';
import { describeEachEngine } from '../support/engines';
import {
  analyst,
  createInstallation,
  createSmso,
  createSupplier,
  supplierViewer,
} from '../support/factories';

// The second wall (docs/decisions/0014-row-level-security.md): the database itself keeps a supplier's
// queries to its own rows, so a data function that forgets its scope clause still leaks nothing.

/** Tables with a column that holds a party, by catalog: a foreign key to parties, or an integer *supplier_id / *party_id. */
const PARTY_COLUMNS = sql`
  select distinct c.relname as table
  from pg_attribute a
  join pg_class c on c.oid = a.attrelid and c.relkind = 'r'
  join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
  where a.attnum > 0 and not a.attisdropped and a.atttypid in ('int4'::regtype, 'int8'::regtype)
    and (a.attname ~ '(supplier|party)_id$'
      or exists (select 1 from pg_constraint k
                 where k.conrelid = c.oid and k.contype = 'f' and a.attnum = any (k.conkey)
                   and k.confrelid = 'parties'::regclass))
  order by 1`;

/** Supplier-column tables the viewer scope never reads: sign-in secrets, which the row-scoped role cannot read. */
const UNREADABLE = ['accounts', 'sessions', 'verifications'];

describeEachEngine('Row-level security', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let db: Database;
  let a: number;
  let b: number;
  const ids: Record<string, number> = {};

  const ma = (installationId: number, party: number) => ({
    installationId,
    authorisingPartyId: party,
    migrationWeek: '2026-11-16',
    migrateOn: '2026-11-18',
    receivedAt: new Date('2026-11-10T09:00:00Z'),
    validationStatus: 'accepted' as const,
  });
  const fileImport = (party: number | null) => ({
    kind: 'authorisations',
    filename: 'f.csv',
    sha256: crypto.randomBytes(32).toString('hex'),
    uploadedByPartyId: party,
    uploadedAt: new Date('2026-11-10T09:00:00Z'),
    status: 'applied' as const,
  });
  const incident = (reference: string, party: number) => ({
    reference,
    scenario: '2.4.2',
    title: 'MCF whole file error',
    raisedByPartyId: party,
    ownerPartyId: party,
    category: 3 as const,
    status: 'open' as const,
    raisedAt: new Date('2026-11-10T09:00:00Z'),
  });
  const user = (id: string, partyId: number | null) => ({
    id,
    name: id,
    email: `${id}@example.test`,
    role: partyId === null ? ('analyst' as const) : ('supplier' as const),
    partyId,
  });

  beforeAll(async () => {
    ({ handle, dispose } = await engine.create());
    setDatabase(handle);
    db = handle.db;
    a = (await createSupplier(db, 'Alpha Energy')).id;
    b = (await createSupplier(db, 'Beta Power')).id;
    const smso = (await createSmso(db)).id;
    ids.ofA = (await createInstallation(db, { smsoPartyId: smso, electricitySupplierId: a })).id;
    ids.ofB = (await createInstallation(db, { smsoPartyId: smso, electricitySupplierId: b })).id;
    // Split supply: A supplies electricity, B gas. Both see the installation and both its MAs (B's masked).
    ids.split = (
      await createInstallation(db, { smsoPartyId: smso, electricitySupplierId: a, gasSupplierId: b })
    ).id;
    await db
      .insert(migrationAuthorisations)
      .values([ma(ids.ofA, a), ma(ids.ofB, b), ma(ids.split, a), ma(ids.split, b)]);
    await db.insert(weeklyDemand).values([
      { supplierId: a, migrationWeek: '2026-11-16', forecast: 10, committed: 9 },
      { supplierId: b, migrationWeek: '2026-11-16', forecast: 20, committed: 19 },
    ]);
    await db.insert(fileImports).values([fileImport(a), fileImport(b), fileImport(null)]);
    const [ofA, ofB, ofBoth] = await db
      .insert(incidents)
      .values([incident('RLS-A', a), incident('RLS-B', b), incident('RLS-AB', a)])
      .returning({ id: incidents.id });
    if (!ofA || !ofB || !ofBoth) throw new Error('incidents not created');
    await db.insert(incidentInterestedParties).values([
      { incidentId: ofA.id, partyId: a },
      { incidentId: ofB.id, partyId: b },
      { incidentId: ofBoth.id, partyId: a },
      { incidentId: ofBoth.id, partyId: b },
    ]);
    await db.insert(users).values([user(`rls-a-${a}`, a), user(`rls-b-${b}`, b), user(`rls-mcc-${a}`, null)]);
  });

  afterAll(() => dispose());

  /** A deliberately unscoped read: every row of the table, as the viewer sees it through the second wall. */
  const everyRow = <T extends PgTable>(viewer = supplierViewer(a), table: T) =>
    withViewerScope(viewer, (scoped) => scoped.select().from(table as PgTable)) as Promise<
      T['$inferSelect'][]
    >;

  it('every table with a supplier or party column has row-level security and a policy for the scoped role', async () => {
    const tables = (await queryRows<{ table: string }>(db, PARTY_COLUMNS)).map((r) => r.table);
    expect(tables).toEqual(
      expect.arrayContaining(['installations', 'migration_authorisations', 'weekly_demand']),
    );
    const guarded = await queryRows<{ table: string }>(
      db,
      sql`select c.relname as table from pg_class c
          join pg_policies p on p.schemaname = 'public' and p.tablename = c.relname
          where c.relrowsecurity and ${ROW_SCOPED_ROLE} = any (p.roles) and p.cmd in ('SELECT', 'ALL')`,
    );
    const unguarded = tables.filter((t) => !UNREADABLE.includes(t) && !guarded.some((g) => g.table === t));
    expect(unguarded, 'tables a supplier could read unfiltered').toEqual([]);
  });

  it('every table whose rows a row-secured table owns (a cascading foreign key) is row-secured too', async () => {
    const unguarded = await queryRows<{ child: string; parent: string }>(
      db,
      sql`select child.relname as child, parent.relname as parent
          from pg_constraint k
          join pg_class child on child.oid = k.conrelid
          join pg_class parent on parent.oid = k.confrelid
          where k.contype = 'f' and k.confdeltype = 'c' and parent.relrowsecurity
            and child.relnamespace = 'public'::regnamespace
            and not (child.relrowsecurity and exists (
              select 1 from pg_policies p where p.schemaname = 'public' and p.tablename = child.relname
                and ${ROW_SCOPED_ROLE} = any (p.roles) and p.cmd in ('SELECT', 'ALL')))
          order by 1`,
    );
    expect(unguarded.filter((r) => !UNREADABLE.includes(r.child))).toEqual([]);
  });

  it('runs scoped work as a role that is neither superuser, nor owner, nor exempt from policies', async () => {
    const [role] = await queryRows<{ rolsuper: boolean; rolbypassrls: boolean; owns: number }>(
      db,
      sql`select rolsuper, rolbypassrls,
            (select count(*)::int from pg_class where relowner = r.oid) as owns
          from pg_roles r where rolname = ${ROW_SCOPED_ROLE}`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owns: 0 });
    const [who] = await withViewerScope(supplierViewer(a), (scoped) =>
      queryRows<{ user: string }>(scoped as Database, sql`select current_user as user`),
    );
    expect(who?.user).toBe(ROW_SCOPED_ROLE);
  });

  it('an unscoped query run as a supplier returns only its installations, split supply included', async () => {
    const rows = await everyRow(supplierViewer(a), installations);
    expect(rows.map((r) => r.id).sort()).toEqual([ids.ofA, ids.split].sort());
    expect((await everyRow(supplierViewer(b), installations)).map((r) => r.id).sort()).toEqual(
      [ids.ofB, ids.split].sort(),
    );
    expect(await everyRow(analyst, installations)).toHaveLength(3);
  });

  it('an unscoped query returns a supplier its own MAs and the other supplier’s on its split supply only', async () => {
    const rows = await everyRow(supplierViewer(a), migrationAuthorisations);
    expect(rows.map((r) => [r.installationId, r.authorisingPartyId]).sort()).toEqual(
      [
        [ids.ofA, a],
        [ids.split, a],
        [ids.split, b],
      ].sort(),
    );
  });

  it('an unscoped query returns a supplier only its own rollups, demand, files, incidents and people', async () => {
    const viewer = supplierViewer(a);
    const rollups = await everyRow(viewer, installationRollups);
    expect(rollups.length).toBeGreaterThan(0);
    expect(new Set(rollups.map((r) => r.supplierId))).toEqual(new Set([a]));
    const maRollups = await everyRow(viewer, authorisationRollups);
    expect(maRollups.length).toBeGreaterThan(0);
    expect(new Set(maRollups.map((r) => r.authorisingPartyId))).toEqual(new Set([a]));
    expect((await everyRow(viewer, weeklyDemand)).map((r) => r.supplierId)).toEqual([a]);
    expect((await everyRow(viewer, fileImports)).map((r) => r.uploadedByPartyId)).toEqual([a]);
    expect((await everyRow(viewer, incidents)).map((r) => r.reference).sort()).toEqual(['RLS-A', 'RLS-AB']);
    expect(new Set((await everyRow(viewer, incidentInterestedParties)).map((r) => r.partyId))).toEqual(
      new Set([a]),
    );
    expect((await everyRow(viewer, users)).map((r) => r.partyId)).toEqual([a]);
  });

  it('the MCC reads every row through the same wall', async () => {
    expect((await everyRow(analyst, weeklyDemand)).map((r) => r.supplierId).sort()).toEqual([a, b].sort());
    expect(await everyRow(analyst, fileImports)).toHaveLength(3);
    expect(await everyRow(analyst, migrationAuthorisations)).toHaveLength(4);
  });

  it('fails closed: the scoped role without a viewer setting reads nothing', async () => {
    const rows = await inTransaction(undefined, async (tx) => {
      await tx.execute(sql`select set_config('role', ${ROW_SCOPED_ROLE}, true)`);
      return tx.select().from(installations);
    });
    expect(rows).toEqual([]);
  });

  it('is read-only: a write inside the viewer scope is refused and changes nothing', async () => {
    await expect(withViewerScope(analyst, (scoped) => scoped.delete(weeklyDemand))).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/permission denied/) },
    });
    expect(await db.select().from(weeklyDemand)).toHaveLength(2);
  });

  it('joins a caller’s transaction and gives it back its own role for the writes that follow', async () => {
    const week = '2026-12-07';
    await inTransaction(undefined, async (tx) => {
      const seen = await withViewerScope(
        supplierViewer(a),
        (scoped) => scoped.select().from(weeklyDemand),
        tx,
      );
      expect(seen).toHaveLength(1);
      await tx.insert(weeklyDemand).values({ supplierId: b, migrationWeek: week, forecast: 1, committed: 1 });
    });
    expect((await everyRow(analyst, weeklyDemand)).some((r) => r.migrationWeek === week)).toBe(true);
    await db.execute(sql`delete from weekly_demand where migration_week = ${week}`);
  });

  it('shares one transaction between nested data functions, and runs side by side (PGlite: one connection)', async () => {
    const viewer = supplierViewer(a);
    const nested = await withViewerScope(viewer, () => everyRow(viewer, installations));
    expect(nested).toHaveLength(2);
    await expect(withViewerScope(viewer, () => everyRow(supplierViewer(b), installations))).rejects.toThrow(
      /inside row scope/,
    );
    const sideBySide = await Promise.all([
      everyRow(viewer, installations),
      everyRow(supplierViewer(b), installations),
      everyRow(analyst, installations),
    ]);
    expect(sideBySide.map((rows) => rows.length)).toEqual([2, 2, 3]);
  });
});
