import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DatabaseHandle, setDatabase } from '@/db/client';
import {
  migrationAuthorisations,
  migrationCapacity,
  splitSupplyDesignations,
  weeklyDemand,
} from '@/db/schema';
import { weeklyCapacity } from '@/lib/data/demand';
import {
  designatedPerWeek,
  getCurrentDesignation,
  getSplitSupplyReading,
  listCalendar,
} from '@/lib/data/split-supply';
import { listPlan, listSupplierPairs, weekFigures } from '@/lib/data/split-supply-plan';
import {
  countDrafts,
  designateWeek,
  listPublications,
  publishCalendar,
} from '@/lib/data/split-supply-writes';
import { describeEachEngine } from '../support/engines';
import { downloadExport } from '../support/exports';
import {
  analyst,
  createInstallation,
  createSmso,
  createSupplier,
  supplierViewer,
} from '../support/factories';

// Wednesday 25 Nov 2026: the first week that may be designated is 30 Nov (cut-off Sat 28 Nov, an assumption).
const NOW = new Date('2026-11-25T12:00:00Z');
const WEEK = '2026-11-30';
const LATER = '2026-12-07';

describeEachEngine('Split-supply calendar (MAM)', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let alpha: number;
  let beta: number;
  let gamma: number;
  let smso: number;

  beforeAll(async () => {
    ({ handle, dispose } = await engine.create());
    setDatabase(handle);
    alpha = (await createSupplier(handle.db, 'Alpha Energy')).id;
    beta = (await createSupplier(handle.db, 'Beta Power')).id;
    gamma = (await createSupplier(handle.db, 'Gamma Gas')).id;
    smso = (await createSmso(handle.db)).id;
  });
  afterAll(() => dispose());

  /** A split-supply installation of its own: electricity from `e`, gas from `g`. */
  const split = (e: number, g: number, extra: { lastCode?: string; status?: 'failed' } = {}) =>
    createInstallation(handle.db, {
      smsoPartyId: smso,
      electricitySupplierId: e,
      gasSupplierId: g,
      ...extra,
    });

  it('designates a week for a supplier pair as a draft that suppliers cannot see until it is published', async () => {
    const a = await split(alpha, beta);
    const b = await split(beta, alpha);
    const other = await split(alpha, gamma);
    const pair = [alpha, beta].sort((x, y) => x - y) as [number, number];
    const outcome = await designateWeek(analyst, { target: 'pair', filter: { pair }, week: WEEK }, NOW);
    expect(outcome.designated).toBeGreaterThanOrEqual(2);
    expect(await getCurrentDesignation(analyst, a.id)).toMatchObject({ week: WEEK, published: false });
    expect(await getCurrentDesignation(analyst, other.id)).toBeNull();
    expect(await getCurrentDesignation(supplierViewer(alpha), a.id)).toBeNull();
    expect(
      (await listCalendar(supplierViewer(beta), {}, NOW)).rows.map((r) => r.installationId),
    ).not.toContain(b.id);
    expect(await countDrafts(analyst)).toBeGreaterThanOrEqual(2);

    const publication = await publishCalendar(analyst, NOW);
    expect(publication.count).toBeGreaterThanOrEqual(2);
    expect(await countDrafts(analyst)).toBe(0);
    expect(await getCurrentDesignation(supplierViewer(alpha), a.id)).toMatchObject({
      week: WEEK,
      published: true,
    });
    const [log] = await listPublications(analyst);
    expect(log).toMatchObject({ id: publication.id, designationCount: publication.count });
    await expect(publishCalendar(analyst, NOW)).rejects.toThrow(/nothing new to publish/);
  });

  it('never silently changes a published week: superseding needs a reason, and history keeps both', async () => {
    const a = await split(alpha, gamma);
    await designateWeek(
      analyst,
      { target: 'installation', installationId: a.id, filter: {}, week: WEEK },
      NOW,
    );
    await publishCalendar(analyst, NOW);
    await expect(
      designateWeek(analyst, { target: 'installation', installationId: a.id, filter: {}, week: LATER }, NOW),
    ).rejects.toThrow(/give a reason/);
    await designateWeek(
      analyst,
      { target: 'installation', installationId: a.id, filter: {}, week: LATER, reason: 'Gas supplier asked' },
      NOW,
    );
    // Until the supersession is published, suppliers still see the published week.
    expect(await getCurrentDesignation(supplierViewer(gamma), a.id)).toMatchObject({ week: WEEK });
    await publishCalendar(analyst, NOW);
    expect(await getCurrentDesignation(supplierViewer(gamma), a.id)).toMatchObject({ week: LATER });

    const pair = [alpha, gamma].sort((x, y) => x - y) as [number, number];
    const plan = await listPlan(analyst, { pair }, undefined, NOW);
    const row = plan.rows.find((r) => r.id === a.id);
    expect(row?.history.map((h) => [h.week, h.superseded, h.reason])).toEqual([
      [WEEK, true, null],
      [LATER, false, 'Gas supplier asked'],
    ]);
    expect(row?.history.every((h) => h.publishedAt !== null)).toBe(true);
  });

  it('names, in the history, the publication that published each designation', async () => {
    const a = await split(gamma, alpha);
    const first = new Date('2026-11-20T09:00:00Z');
    await designateWeek(
      analyst,
      { target: 'installation', installationId: a.id, filter: {}, week: WEEK },
      first,
    );
    await publishCalendar(analyst, first);
    await designateWeek(
      analyst,
      { target: 'installation', installationId: a.id, filter: {}, week: LATER, reason: 'Demand moved' },
      NOW,
    );
    await publishCalendar(analyst, NOW);
    const pair = [alpha, gamma].sort((x, y) => x - y) as [number, number];
    const row = (await listPlan(analyst, { pair }, undefined, NOW)).rows.find((r) => r.id === a.id);
    expect(row?.history.map((h) => [h.week, h.publishedAt])).toEqual([
      [WEEK, first.toISOString()],
      [LATER, NOW.toISOString()],
    ]);
  });

  it('keeps designations append-only in the database itself', async () => {
    const a = await split(beta, gamma);
    await designateWeek(
      analyst,
      { target: 'installation', installationId: a.id, filter: {}, week: WEEK },
      NOW,
    );
    // Drizzle wraps the database error; the trigger's message is its cause.
    const refused = { cause: expect.objectContaining({ message: expect.stringMatching(/is append-only/) }) };
    await expect(
      handle.db.execute(sql`UPDATE ${splitSupplyDesignations} SET migration_week = ${LATER}`),
    ).rejects.toMatchObject(refused);
    await expect(handle.db.execute(sql`DELETE FROM ${splitSupplyDesignations}`)).rejects.toMatchObject(
      refused,
    );
    expect(await getCurrentDesignation(analyst, a.id)).toMatchObject({ week: WEEK });
  });

  it('refuses weeks the rules do not allow, and suppliers may not plan', async () => {
    const a = await split(alpha, beta);
    await expect(
      designateWeek(
        analyst,
        { target: 'installation', installationId: a.id, filter: {}, week: '2026-11-23' },
        NOW,
      ),
    ).rejects.toThrow(/cut-off has passed/);
    await expect(
      designateWeek(
        supplierViewer(alpha),
        { target: 'installation', installationId: a.id, filter: {}, week: WEEK },
        NOW,
      ),
    ).rejects.toThrow(/permission/);
    await expect(listSupplierPairs(supplierViewer(alpha), NOW)).rejects.toThrow(/permission/);
  });

  it('skips an installation whose last attempt is in or after the week (MEHRS 2.3.2: a subsequent week)', async () => {
    const a = await split(alpha, beta, { status: 'failed', lastCode: 'MA106' });
    await handle.db.insert(migrationAuthorisations).values({
      installationId: a.id,
      authorisingPartyId: alpha,
      migrationWeek: LATER,
      migrateOn: LATER,
      receivedAt: NOW,
      validationStatus: 'accepted',
      completionStatus: 'failure',
      completionCode: 'MA106',
    });
    const outcome = await designateWeek(
      analyst,
      { target: 'installation', installationId: a.id, filter: {}, week: WEEK },
      NOW,
    );
    expect(outcome).toMatchObject({ designated: 0, skipped: [{ count: 1 }] });
    expect(outcome.skipped[0]?.reason).toMatch(/after the installation’s last attempted week/);
  });

  it('shows each supplier its own MA status and the other side only as "Other supplier"', async () => {
    const a = await split(alpha, beta);
    await designateWeek(
      analyst,
      { target: 'installation', installationId: a.id, filter: {}, week: WEEK },
      NOW,
    );
    await publishCalendar(analyst, NOW);
    await handle.db.insert(migrationAuthorisations).values({
      installationId: a.id,
      authorisingPartyId: alpha,
      mpan: a.mpan,
      migrationWeek: WEEK,
      migrateOn: '2026-12-01',
      receivedAt: NOW,
      validationStatus: 'accepted',
    });
    for (const [viewer, own, other] of [
      [supplierViewer(alpha), 'received', 'awaiting'],
      [supplierViewer(beta), 'awaiting', 'received'],
    ] as const) {
      const rows = (await listCalendar(viewer, {}, NOW)).rows.filter((r) => r.installationId === a.id);
      expect(rows).toHaveLength(1);
      const [entry] = rows;
      const mine = entry?.sides.find((s) => s.isViewer);
      const theirs = entry?.sides.find((s) => !s.isViewer);
      expect(mine?.status).toBe(own);
      expect(theirs).toMatchObject({ status: other, supplier: 'Other supplier' });
      const text = JSON.stringify(await listCalendar(viewer, {}, NOW));
      expect(text).not.toContain(viewer.supplierId === alpha ? 'Beta Power' : 'Alpha Energy');
    }
    // A third supplier sees none of it.
    const gammaRows = (await listCalendar(supplierViewer(gamma), {}, NOW)).rows;
    expect(gammaRows.map((r) => r.installationId)).not.toContain(a.id);
    expect(await getSplitSupplyReading(supplierViewer(gamma), a.id, NOW)).toBeNull();
    // The MCC sees both names; the CSV export (the registry's `split-supply`) masks the other side for a supplier.
    const mcc = (await listCalendar(analyst, {}, NOW)).rows.find((r) => r.installationId === a.id);
    expect(mcc?.sides.map((s) => s.supplier)).toEqual(['Alpha Energy', 'Beta Power']);
    const rowOf = (records: string[][]) => records.find((r) => r[0] === String(a.id));
    const betaFile = await downloadExport('split-supply', supplierViewer(beta), '', NOW);
    expect(betaFile[0]).toContain('Electricity Supplier');
    expect(rowOf(betaFile)).toEqual(expect.arrayContaining([WEEK, 'Other supplier', 'Beta Power']));
    expect(JSON.stringify(betaFile)).not.toContain('Alpha Energy');
    expect(rowOf(await downloadExport('split-supply', supplierViewer(gamma), '', NOW))).toBeUndefined();
    // An analyst narrowing to a supplier gets that supplier's installations only, with both names.
    expect(rowOf(await downloadExport('split-supply', analyst, `supplier=${alpha}`, NOW))).toEqual(
      expect.arrayContaining(['Alpha Energy', 'Beta Power']),
    );
    expect(rowOf(await downloadExport('split-supply', analyst, `supplier=${gamma}`, NOW))).toBeUndefined();
    await expect(
      downloadExport('split-supply', supplierViewer(beta), `supplier=${alpha}`, NOW),
    ).rejects.toThrow(/another supplier/);
  });

  it('reads an MA106 failure from each side and names the designated week', async () => {
    const a = await split(alpha, beta, { status: 'failed', lastCode: 'MA106' });
    const failedWeek = '2026-11-16';
    await handle.db.insert(splitSupplyDesignations).values({
      installationId: a.id,
      migrationWeek: failedWeek,
      designatedAt: new Date('2026-11-01T09:00:00Z'),
      designatedByUserId: analyst.userId,
    });
    await publishCalendar(analyst, new Date('2026-11-01T10:00:00Z'));
    await handle.db.insert(migrationAuthorisations).values({
      installationId: a.id,
      authorisingPartyId: beta,
      mprn: a.mprn,
      migrationWeek: failedWeek,
      migrateOn: '2026-11-17',
      receivedAt: new Date('2026-11-10T09:00:00Z'),
      validationStatus: 'accepted',
      completionStatus: 'failure',
      completionCode: 'MA106',
    });
    const alphaReading = await getSplitSupplyReading(supplierViewer(alpha), a.id, NOW);
    expect(alphaReading?.ma106).toMatchObject({ missedBy: 'reader', failedWeek });
    expect(alphaReading?.ma106?.what).toContain('16 Nov 2026');
    const betaReading = await getSplitSupplyReading(supplierViewer(beta), a.id, NOW);
    expect(betaReading?.ma106?.missedBy).toBe('other');
    expect(JSON.stringify(betaReading)).not.toContain('Alpha Energy');

    // A re-designation puts it back on the calendar.
    await designateWeek(
      analyst,
      {
        target: 'installation',
        installationId: a.id,
        filter: {},
        week: WEEK,
        reason: 'MA106 in week 16 Nov',
      },
      NOW,
    );
    await publishCalendar(analyst, NOW);
    const again = await getSplitSupplyReading(supplierViewer(alpha), a.id, NOW);
    expect(again?.entry?.week).toBe(WEEK);
    expect(again?.ma106?.action).toContain('back on the calendar for the Migration Week of 30 Nov 2026');
    const mcc = await getSplitSupplyReading(analyst, a.id, NOW);
    expect(mcc?.ma106?.what).toContain('Alpha Energy’s Migration Authorisation did not arrive');
  });

  it('counts designations per week for the demand page, scoped to the viewer', async () => {
    const before = await designatedPerWeek(supplierViewer(gamma), { from: WEEK, to: LATER });
    const a = await split(gamma, beta);
    await designateWeek(
      analyst,
      { target: 'installation', installationId: a.id, filter: {}, week: LATER },
      NOW,
    );
    const draft = await designatedPerWeek(analyst, { from: LATER, to: LATER });
    expect(draft[0]?.draft).toBeGreaterThanOrEqual(1);
    // Unpublished: the supplier's counts do not move.
    expect(await designatedPerWeek(supplierViewer(gamma), { from: WEEK, to: LATER })).toEqual(before);
    await publishCalendar(analyst, NOW);
    const after = await designatedPerWeek(supplierViewer(gamma), { from: LATER, to: LATER });
    const was = before.find((w) => w.week === LATER)?.published ?? 0;
    expect(after[0]?.published).toBe(was + 1);
    expect(after[0]?.draft).toBe(0);
  });

  it('shows commitment against planned volume for candidate weeks', async () => {
    await handle.db.insert(weeklyDemand).values([
      {
        supplierId: alpha,
        migrationWeek: WEEK,
        forecast: 100,
        committed: 80,
      },
      {
        supplierId: beta,
        migrationWeek: WEEK,
        forecast: 50,
        committed: 40,
      },
      {
        supplierId: gamma,
        migrationWeek: WEEK,
        forecast: 10,
        committed: 5,
      },
    ]);
    await handle.db.insert(migrationCapacity).values({ migrationWeek: WEEK, capacity: 900 });
    const [pair] = await weekFigures(analyst, [WEEK], [alpha, beta]);
    expect(pair?.committed).toBe(120);
    // DCC's capacity is migration-wide: the demand page's figure, shown for every supplier, never for a pair.
    expect(pair?.capacity).toBeNull();
    const [all] = await weekFigures(analyst, [WEEK], null);
    expect(all?.committed).toBe(125);
    expect(all?.capacity).toBe(900);
    expect((await weeklyCapacity(handle.db, [WEEK])).get(WEEK)).toBe(all?.capacity);
    expect(all?.designated).toBeGreaterThanOrEqual(pair?.designated ?? 0);
    const pairs = await listSupplierPairs(analyst, NOW);
    const total = pairs.reduce((n, p) => n + p.total, 0);
    expect(pairs.reduce((n, p) => n + p.needsWeek + p.draft + p.published, 0)).toBe(total);
  });
});
