import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Database, type DatabaseHandle, queryRows, setDatabase } from '@/db/client';
import { installationEvents, installationOutcomeRollups, installations } from '@/db/schema';
import { countInstallations } from '@/lib/data/installations';
import { getOverview } from '@/lib/data/overview';
import { installationListSchema } from '@/lib/filters/installations';
import type { InstallationStatus, StageId } from '@/lib/rules/types';
import { describeEachEngine } from '../support/engines';
import {
  analyst,
  createInstallation,
  createSmso,
  createSupplier,
  supplierViewer,
} from '../support/factories';

// Weeks counted by what happened in them: outcome rollups (db/migrations, outcome_rollups_sql) against live counts.

const WEEKS = { previous: '2026-11-02', current: '2026-11-09' };
/** Instants around both weeks, including the London week boundary (Sunday 23:30 vs Monday 00:00, GMT in November). */
const INSTANTS = [
  '2026-10-28T12:00:00Z',
  '2026-11-02T00:00:00Z',
  '2026-11-05T09:00:00Z',
  '2026-11-08T23:59:59Z',
  '2026-11-09T00:00:00Z',
  '2026-11-12T15:00:00Z',
  '2026-11-15T23:30:00Z',
  '2026-11-16T08:00:00Z',
].map((t) => new Date(t));

function lcg(seed: number) {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return { random, pick: <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T };
}

/** The live truth: every outcome event, in the London Migration Week it happened, per scope. */
async function liveOutcomes(db: Database) {
  return queryRows<Row>(
    db,
    sql`
    with outcomes as (
      select i.electricity_supplier_id as e, i.gas_supplier_id as g,
             date_trunc('week', ev.occurred_at at time zone 'Europe/London')::date::text as week,
             ev.status::text as outcome, ev.stage::text as stage, i.group_id::text as "groupId",
             i.installation_type::text as type, coalesce(ev.code, '') as code
      from installation_events ev join installations i on i.id = ev.installation_id
      where ev.status <> 'in-progress'
    ), scoped as (
      select 0 as scope, * from outcomes
      union all select e, * from outcomes where e is not null
      union all select g, * from outcomes where g is not null and g is distinct from e
    )
    select scope, week, outcome, stage, "groupId", type, code, count(*)::int as n
    from scoped group by 1, 2, 3, 4, 5, 6, 7`,
  );
}

interface Row {
  scope: number;
  week: string;
  outcome: string;
  stage: string;
  groupId: string;
  type: string;
  code: string;
  n: number;
}

async function rollupOutcomes(db: Database): Promise<Row[]> {
  const o = installationOutcomeRollups;
  return db
    .select({
      scope: o.supplierId,
      week: sql<string>`${o.outcomeWeek}::text`,
      outcome: sql<string>`${o.outcome}::text`,
      stage: sql<string>`${o.stage}::text`,
      groupId: sql<string>`${o.groupId}::text`,
      type: sql<string>`${o.installationType}::text`,
      code: o.code,
      n: sql<number>`${o.count}::int`,
    })
    .from(o)
    .where(sql`${o.count} <> 0`);
}

const asMap = (rows: readonly Row[]) =>
  new Map(
    rows.map((r) => [
      [r.scope, r.week, r.outcome, r.stage, r.groupId, r.type, r.code].join('|'),
      Number(r.n),
    ]),
  );

describeEachEngine('Outcomes counted in the Migration Week they happened in', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ handle, dispose } = await engine.create());
    setDatabase(handle);
  });

  afterAll(async () => {
    await dispose?.();
  });

  it('keeps the week-outcome rollups equal to a live count after a random sequence of changes', async () => {
    const db = handle.db;
    const a = (await createSupplier(db)).id;
    const b = (await createSupplier(db)).id;
    const smso = (await createSmso(db)).id;
    const { random, pick } = lcg(16);
    const ids: number[] = [];
    for (let n = 0; n < 12; n++)
      ids.push((await createInstallation(db, { smsoPartyId: smso, electricitySupplierId: pick([a, b]) })).id);
    const eventIds: number[] = [];
    for (let step = 0; step < 160; step++) {
      const action = random();
      const id = pick(ids);
      if (action < 0.5 || eventIds.length === 0) {
        const status = pick<InstallationStatus>(['in-progress', 'failed', 'migrated', 'rolled-back']);
        const [row] = await db
          .insert(installationEvents)
          .values({
            installationId: id,
            attempt: 1 + Math.floor(random() * 3),
            occurredAt: pick(INSTANTS),
            stage: pick<StageId>(['common-file', 'sim-cutover', 'device-validation']),
            status,
            code:
              status === 'failed' || status === 'rolled-back'
                ? pick(['MA120', '12.9.5.DP01', 'MA121'])
                : null,
          })
          .returning({ id: installationEvents.id });
        if (row) eventIds.push(row.id);
      } else if (action < 0.65) {
        await db
          .update(installations)
          .set({ electricitySupplierId: pick([a, b]), gasSupplierId: pick([null, a, b]) })
          .where(eq(installations.id, id));
      } else if (action < 0.75) {
        await db
          .update(installations)
          .set({
            groupId: pick(['CB', 'DA', 'EA'] as const),
            installationType: pick(['active-only', 'active-dormant'] as const),
          })
          .where(eq(installations.id, id));
      } else if (action < 0.9) {
        const eventId = pick(eventIds);
        await db.delete(installationEvents).where(eq(installationEvents.id, eventId));
        eventIds.splice(eventIds.indexOf(eventId), 1);
      } else if (ids.length > 3) {
        await db.delete(installations).where(eq(installations.id, id));
        ids.splice(ids.indexOf(id), 1);
      }
      // A write inside a transaction that rolls back leaves no trace in the rollups either.
      if (step % 40 === 39) {
        await db
          .transaction(async (tx) => {
            await tx.insert(installationEvents).values({
              installationId: pick(ids),
              attempt: 1,
              occurredAt: pick(INSTANTS),
              stage: 'sim-cutover',
              status: 'failed',
              code: 'MA120',
            });
            throw new Error('rolled back on purpose');
          })
          .catch((error: Error) => expect(error.message).toMatch(/on purpose/));
      }
    }
    const live = await liveOutcomes(db);
    expect(live.length).toBeGreaterThan(5);
    expect(asMap(await rollupOutcomes(db))).toEqual(asMap(live));
  });

  it("counts this week's failures as those that happened in it, for the MCC and for each supplier only its own", async () => {
    const db = handle.db;
    const a = (await createSupplier(db)).id;
    const b = (await createSupplier(db)).id;
    const smso = (await createSmso(db)).id;
    // Failed last week, re-queued and in progress this week: a failure of last week, not of this week.
    const requeued = await createInstallation(db, {
      smsoPartyId: smso,
      groupId: 'AA',
      electricitySupplierId: a,
      migrationWeek: WEEKS.current,
    });
    const failedNow = await createInstallation(db, {
      smsoPartyId: smso,
      groupId: 'AA',
      electricitySupplierId: b,
      status: 'failed',
      stage: 'sim-cutover',
      lastCode: 'MA120',
      migrationWeek: WEEKS.current,
    });
    const event = (installationId: number, at: string, status: InstallationStatus) => ({
      installationId,
      attempt: 1,
      occurredAt: new Date(at),
      stage: 'sim-cutover' as const,
      status,
      code: status === 'failed' ? 'MA120' : null,
    });
    await db
      .insert(installationEvents)
      .values([
        event(requeued.id, '2026-11-04T10:00:00Z', 'failed'),
        event(requeued.id, '2026-11-10T10:00:00Z', 'in-progress'),
        event(failedNow.id, '2026-11-11T10:00:00Z', 'failed'),
      ]);
    const filter = installationListSchema.parse({ groupId: 'AA' });
    const failedIn = async (viewer: typeof analyst, week: string) =>
      (await getOverview(viewer, filter, WEEKS)).weekOutcomes.find(
        (r) => r.week === week && r.outcome === 'failed',
      )?.count ?? 0;
    const listed = async (viewer: typeof analyst, week: string) =>
      (
        await countInstallations(
          viewer,
          installationListSchema.parse({ groupId: 'AA', outcome: 'failed', outcomeWeek: week }),
        )
      ).value;
    const [live] = await queryRows<{ current: number; previous: number }>(
      db,
      sql`select count(*) filter (where occurred_at >= '2026-11-09' and occurred_at < '2026-11-16')::int as current,
                 count(*) filter (where occurred_at >= '2026-11-02' and occurred_at < '2026-11-09')::int as previous
          from installation_events where status = 'failed' and installation_id in (${requeued.id}, ${failedNow.id})`,
    );
    expect(live).toEqual({ current: 1, previous: 1 });
    // Scoped to these rows' suppliers so that other tests' rows cannot count.
    expect(await failedIn(supplierViewer(a), WEEKS.current)).toBe(0);
    expect(await failedIn(supplierViewer(a), WEEKS.previous)).toBe(1);
    expect(await failedIn(supplierViewer(b), WEEKS.current)).toBe(1);
    expect(await failedIn(supplierViewer(b), WEEKS.previous)).toBe(0);
    expect(await listed(supplierViewer(a), WEEKS.previous)).toBe(1);
    expect(await listed(supplierViewer(a), WEEKS.current)).toBe(0);
    expect(await listed(supplierViewer(b), WEEKS.current)).toBe(1);
    // The MCC sees both suppliers' failures (GroupID AA is only this test's): the sum of the suppliers' views.
    const all = await failedIn(analyst, WEEKS.current);
    expect(all).toBe(1);
    expect(await failedIn(analyst, WEEKS.previous)).toBe(1);
    expect(await listed(analyst, WEEKS.current)).toBe(all);
  });
});
