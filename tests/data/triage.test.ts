import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows, setDatabase } from '@/db/client';
import {
  installationEvents,
  installationRollups,
  installations,
  triageBatches,
  triageDecisions,
  users,
} from '@/db/schema';
import { getInstallationTimeline } from '@/lib/data/installations';
import { getTriageBacklog, getTriageQueue, getWeekOptions } from '@/lib/data/triage';
import { type DecisionRequest, decideTriage } from '@/lib/data/triage-decisions';
import { triageListSchema } from '@/lib/filters/triage';
import { earliestTriageWeek } from '@/lib/rules/triage';
import { addMigrationWeeks } from '@/lib/rules/weeks';
import { describeEachEngine } from '../support/engines';
import {
  analyst,
  createSmso,
  createSupplier,
  installationValues,
  supplierViewer,
} from '../support/factories';

const NOW = new Date('2026-11-25T10:00:00Z');
const EARLIEST = earliestTriageWeek(NOW); // 2026-11-30
/** The messages of an error and its causes (drizzle wraps the database's error in "Failed query"). */
async function failure(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'did not fail',
    (error: unknown) => {
      const messages: string[] = [];
      for (let e = error as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
        messages.push(String(e.message));
      }
      return messages.join(' <- ');
    },
  );
}
const queue = (input: Record<string, unknown> = {}) => triageListSchema.parse(input);

describeEachEngine('Dormant triage data layer (MEHRS 4)', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let supplierA: number;
  let minute = 0;

  beforeAll(async () => {
    ({ handle, dispose } = await engine.create());
    setDatabase(handle);
    supplierA = (await createSupplier(handle.db, 'Alpha Energy')).id;
    await handle.db
      .insert(users)
      .values({ id: analyst.userId, name: 'Ann Analyst', email: 'ann@mcc.test', role: 'analyst' });
  }, 60_000);
  afterAll(() => dispose());
  // Every test works on its own installations: a distinct SMSO keeps each test's queue apart.
  let ownSmso: number;
  beforeEach(async () => {
    ownSmso = (await createSmso(handle.db)).id;
  });

  /** A failed installation; failures a minute apart so "oldest first" is well defined. */
  async function failed(
    spec: {
      type?: 'active-only' | 'active-dormant' | 'dormant-dormant';
      code?: string;
      step?: string | null;
      attempts?: number;
      status?: 'failed' | 'rolled-back' | 'in-progress';
    } = {},
  ) {
    const type = spec.type ?? 'dormant-dormant';
    const [row] = await handle.db
      .insert(installations)
      .values({
        ...installationValues({
          smsoPartyId: ownSmso,
          type,
          electricitySupplierId: type === 'dormant-dormant' ? null : supplierA,
          status: spec.status ?? 'failed',
          stage: 'device-validation',
          lastCode: spec.code ?? 'MA999',
          migrationWeek: '2026-11-16',
          lastChangedAt: new Date(Date.UTC(2026, 10, 20, 8, minute++)),
        }),
        attemptCount: spec.attempts ?? 1,
        lastFailedStep: spec.step ?? null,
      })
      .returning();
    if (!row) throw new Error('not created');
    return row;
  }

  const mine = (input: Record<string, unknown> = {}) => queue({ smso: ownSmso, ...input });

  function request(ids: number[], detail: DecisionRequest['detail'], extra: Partial<DecisionRequest> = {}) {
    return {
      submissionId: crypto.randomUUID(),
      detail,
      note: null,
      overruleReason: null,
      supplierVisible: false,
      target: { kind: 'installations', ids, state: 'undecided' },
      ...extra,
    } satisfies DecisionRequest;
  }

  async function rollupCount(week: string, type: 'dormant-dormant' | 'active-dormant' = 'dormant-dormant') {
    const [row] = await queryRows<{ n: string | null }>(
      handle.db,
      sql`SELECT sum(count) AS n FROM ${installationRollups}
          WHERE supplier_id = 0 AND migration_week = ${week} AND installation_type = ${type}`,
    );
    return Number(row?.n ?? 0);
  }

  async function decisionsOf(id: number) {
    return handle.db
      .select()
      .from(triageDecisions)
      .where(eq(triageDecisions.installationId, id))
      .orderBy(triageDecisions.id);
  }

  it('lists failed installations with a Dormant Meter and no decision, oldest failure first, with counts by advice', async () => {
    const first = await failed({ code: 'MA999' });
    const second = await failed({ type: 'active-dormant', code: 'MA112' });
    const third = await failed({ code: 'MA121', status: 'rolled-back' });
    const fifth = await failed({ code: 'E48', attempts: 5 });
    await failed({ type: 'active-only' });
    await failed({ status: 'in-progress' });
    const result = await getTriageQueue(analyst, mine(), NOW);
    expect(result.rows.map((r) => r.id)).toEqual([first.id, second.id, third.id, fifth.id]);
    expect(result.counts).toEqual({
      total: 4,
      byAdvice: { reschedule: 1, 'liaise-with-active-supplier': 1, 'await-smso': 1, exclude: 1 },
    });
    const row = result.rows[1];
    expect(row?.advice.decision).toBe('liaise-with-active-supplier');
    expect(row?.failureMeaning).toContain('WAN');
    const excluded = await getTriageQueue(analyst, mine({ advice: 'exclude' }), NOW);
    expect(excluded.rows.map((r) => r.id)).toEqual([fifth.id]);
    expect(excluded.counts.total).toBe(4); // counts ignore the advice filter, so every tab shows its number
    const newest = await getTriageQueue(analyst, mine({ dir: 'desc' }), NOW);
    expect(newest.rows.map((r) => r.id)).toEqual([fifth.id, third.id, second.id, first.id]);
  });

  it('pages through the queue with a keyset cursor, every row once', async () => {
    const created = [];
    for (let n = 0; n < 55; n++) created.push((await failed()).id);
    const page1 = await getTriageQueue(analyst, mine(), NOW);
    expect(page1.rows).toHaveLength(50);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await getTriageQueue(analyst, mine({ cursor: page1.nextCursor }), NOW);
    expect(page2.nextCursor).toBeNull();
    expect([...page1.rows, ...page2.rows].map((r) => r.id)).toEqual(created);
  });

  it('suppliers reach no triage queue, backlog or decision, and change nothing', async () => {
    const row = await failed({ type: 'active-dormant' });
    const supplier = supplierViewer(supplierA);
    const all = await getTriageQueue(analyst, mine(), NOW);
    expect(all.rows).toHaveLength(1);
    expect((await getTriageQueue(supplier, mine(), NOW)).rows).toEqual([]);
    expect((await getTriageBacklog(supplier)).count).toBe(0);
    await expect(
      decideTriage(
        supplier,
        request([row.id], { decision: 'exclude' }, { note: 'x', overruleReason: 'x' }),
        NOW,
      ),
    ).rejects.toThrow(/permission/);
    expect(await decisionsOf(row.id)).toEqual([]);
  });

  it('reschedules into a valid week: the installation leaves the queue, shows the week, and the rollups follow', async () => {
    const row = await failed({ attempts: 2 });
    const before = await getWeekOptions(analyst, EARLIEST);
    const beforeRollup = await rollupCount(EARLIEST);
    const result = await decideTriage(
      analyst,
      request([row.id], { decision: 'reschedule', week: EARLIEST }),
      NOW,
    );
    expect(result.items).toEqual([{ installationId: row.id, label: row.mpan, outcome: 'done', why: null }]);
    const [after] = await handle.db.select().from(installations).where(eq(installations.id, row.id));
    expect(after).toMatchObject({
      migrationWeek: EARLIEST,
      status: 'in-progress',
      stage: 'demand',
      attemptCount: 2,
    });
    expect((await getTriageQueue(analyst, mine(), NOW)).rows).toEqual([]);
    expect(await rollupCount(EARLIEST)).toBe(beforeRollup + 1);
    expect(await rollupCount('2026-11-16')).toBeGreaterThanOrEqual(0);
    expect((await getWeekOptions(analyst, EARLIEST))[0]?.scheduled).toBe((before[0]?.scheduled ?? 0) + 1);
    const events = await handle.db
      .select()
      .from(installationEvents)
      .where(eq(installationEvents.installationId, row.id));
    expect(events.map((e) => [e.attempt, e.stage, e.note])).toEqual([
      [
        3,
        'demand',
        `Rescheduled into Migration Week ${EARLIEST} by the Migration Control Centre (MEHRS 4.1)`,
      ],
    ]);
    const [decision] = await decisionsOf(row.id);
    expect(decision).toMatchObject({
      decision: 'reschedule',
      advice: 'reschedule',
      attempt: 2,
      failureCode: 'MA999',
    });
  });

  it('comes back with attempts + 1 when the rescheduled attempt fails again', async () => {
    const row = await failed({ attempts: 1 });
    await decideTriage(analyst, request([row.id], { decision: 'reschedule', week: EARLIEST }), NOW);
    await handle.db
      .update(installations)
      .set({
        status: 'failed',
        attemptCount: 2,
        lastCode: 'MA112',
        lastChangedAt: new Date('2026-12-01T10:00:00Z'),
      })
      .where(eq(installations.id, row.id));
    const [back] = (await getTriageQueue(analyst, mine(), NOW)).rows;
    expect(back).toMatchObject({ id: row.id, attempts: 2, lastCode: 'MA112', current: null });
  });

  it('keeps each installation’s current decision and the triage rollups equal to a rebuild from the decisions', async () => {
    const waiting = await failed();
    const moved = await failed({ attempts: 2 });
    const gone = await failed({ type: 'active-dormant' });
    await decideTriage(
      analyst,
      request(
        [waiting.id],
        { decision: 'await-smso', awaitedSmsoAction: 'SMSO to reconfigure the hub' },
        { overruleReason: 'The SMSO is reconfiguring the hub' },
      ),
      NOW,
    );
    const [first] = await decisionsOf(waiting.id);
    // Supersede the wait with a reschedule, reschedule another, fail the rescheduled one again, delete a third.
    await decideTriage(
      analyst,
      request(
        [waiting.id],
        { decision: 'reschedule', week: EARLIEST },
        {
          overruleReason: 'The hub is reconfigured',
          target: {
            kind: 'installations',
            ids: [waiting.id],
            state: 'await-smso',
            expectedDecisionId: first?.id ?? 0,
          },
        },
      ),
      NOW,
    );
    await decideTriage(analyst, request([moved.id], { decision: 'reschedule', week: EARLIEST }), NOW);
    await handle.db
      .update(installations)
      .set({
        status: 'failed',
        attemptCount: 3,
        lastCode: 'MA112',
        lastChangedAt: new Date('2026-12-01T10:00:00Z'),
      })
      .where(eq(installations.id, moved.id));
    await handle.db.delete(installations).where(eq(installations.id, gone.id));

    const snapshot = async () => ({
      states: await queryRows<{ id: number; state: string | null }>(
        handle.db,
        sql`SELECT id, current_triage_decision AS state FROM installations ORDER BY id`,
      ),
      rollups: await queryRows<Record<string, unknown>>(
        handle.db,
        sql`SELECT supplier_id, state, installation_type, last_code, last_failed_step, attempt_count, group_id,
              smso_party_id, migration_week::text, count::int FROM triage_rollups WHERE count <> 0
            ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
      ),
    });
    const kept = await snapshot();
    expect(kept.states.find((r) => Number(r.id) === waiting.id)?.state).toBe('reschedule');
    expect(kept.states.find((r) => Number(r.id) === moved.id)?.state).toBeNull();
    await handle.db.execute(sql`SELECT rebuild_triage_rollups()`);
    expect(kept).toEqual(await snapshot());
  });

  it('refuses weeks before the earliest eligible one, and a reschedule of an Active/Dormant installation', async () => {
    const dd = await failed();
    const ad = await failed({ type: 'active-dormant' });
    const early = await decideTriage(
      analyst,
      request([dd.id, ad.id], { decision: 'reschedule', week: addMigrationWeeks(EARLIEST, -1) }),
      NOW,
    );
    expect(early.items.map((i) => [i.outcome, i.why])).toEqual([
      [
        'refused',
        `the Migration Week beginning Monday ${addMigrationWeeks(EARLIEST, -1)} is before the earliest eligible week, ${EARLIEST}.`,
      ],
      ['refused', expect.stringContaining('MEHRS 4.2')],
    ]);
    expect(await decisionsOf(dd.id)).toEqual([]);
  });

  it('an overrule needs a reason, which is kept; a decision is superseded, never edited', async () => {
    const row = await failed();
    const refused = await decideTriage(
      analyst,
      request([row.id], { decision: 'await-smso', awaitedSmsoAction: 'SMSO to reconfigure the hub' }),
      NOW,
    );
    expect(refused.items[0]).toMatchObject({
      outcome: 'refused',
      why: expect.stringMatching(/give a reason/),
    });
    await decideTriage(
      analyst,
      request(
        [row.id],
        { decision: 'await-smso', awaitedSmsoAction: 'SMSO to reconfigure the hub' },
        {
          overruleReason: 'The SMSO told us it is reconfiguring the hub this week',
        },
      ),
      NOW,
    );
    const [first] = await decisionsOf(row.id);
    expect(first).toMatchObject({
      decision: 'await-smso',
      advice: 'reschedule',
      overruleReason: expect.stringMatching(/SMSO told us/),
    });
    const waiting = await getTriageQueue(analyst, mine({ state: 'await-smso' }), NOW);
    expect(waiting.rows.map((r) => [r.id, r.current?.awaitedSmsoAction])).toEqual([
      [row.id, 'SMSO to reconfigure the hub'],
    ]);
    // A stale form (it saw no decision) is skipped; the current one supersedes.
    const stale = await decideTriage(
      analyst,
      request([row.id], { decision: 'exclude' }, { note: 'x', overruleReason: 'x' }),
      NOW,
    );
    expect(stale.items[0]).toMatchObject({
      outcome: 'skipped',
      why: expect.stringMatching(/^Already decided \(await SMSO action\) by Ann Analyst/),
    });
    await decideTriage(
      analyst,
      request(
        [row.id],
        { decision: 'reschedule', week: EARLIEST },
        {
          overruleReason: 'The SMSO confirmed the hub is reconfigured',
          target: {
            kind: 'installations',
            ids: [row.id],
            state: 'await-smso',
            expectedDecisionId: first?.id ?? 0,
          },
        },
      ),
      NOW,
    );
    const history = await decisionsOf(row.id);
    expect(history.map((d) => [d.decision, d.supersedesId])).toEqual([
      ['await-smso', null],
      ['reschedule', first?.id],
    ]);
    expect(
      await failure(
        handle.db
          .update(triageDecisions)
          .set({ reason: 'edited' })
          .where(eq(triageDecisions.installationId, row.id)),
      ),
    ).toMatch(/triage_decisions is append-only/);
  });

  it('a bulk decision reports per installation, and the same submission twice has effect once', async () => {
    const a = await failed();
    const b = await failed();
    const ad = await failed({ type: 'active-dormant' });
    const decidedAlready = await failed();
    await decideTriage(
      analyst,
      request([decidedAlready.id], { decision: 'reschedule', week: EARLIEST }),
      NOW,
    );
    const bulk = request([a.id, b.id, ad.id, decidedAlready.id], { decision: 'reschedule', week: EARLIEST });
    const first = await decideTriage(analyst, bulk, NOW);
    expect(first.items.map((i) => i.outcome)).toEqual(['done', 'done', 'refused', 'skipped']);
    const again = await decideTriage(analyst, bulk, NOW);
    expect(again).toEqual({ ...first, replayed: true });
    expect(await decisionsOf(a.id)).toHaveLength(1);
    const batches = await handle.db
      .select()
      .from(triageBatches)
      .where(eq(triageBatches.id, bulk.submissionId));
    expect(batches).toHaveLength(1);
  });

  it('decides "all N matching this filter" in one transaction', async () => {
    const rows = [
      await failed({ code: 'MA113' }),
      await failed({ code: 'MA113' }),
      await failed({ code: 'MA999' }),
    ];
    const filter = triageListSchema.parse({ smso: ownSmso, code: 'MA113' });
    const result = await decideTriage(
      analyst,
      request([], { decision: 'reschedule', week: EARLIEST }, { target: { kind: 'filter', filter } }),
      NOW,
    );
    expect(result.items.map((i) => i.installationId)).toEqual([rows[0]?.id, rows[1]?.id]);
    expect((await getTriageQueue(analyst, mine(), NOW)).rows.map((r) => r.id)).toEqual([rows[2]?.id]);
  });

  it('rolls a bulk decision back whole when one write fails: no decision, no move, exact rollups', async () => {
    const rows = [await failed(), await failed(), await failed()];
    const victim = rows[2]?.id ?? 0;
    const beforeRollup = await rollupCount(EARLIEST);
    await handle.db.execute(
      sql.raw(`CREATE FUNCTION fail_triage_test() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.installation_id = ${victim} THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$`),
    );
    await handle.db.execute(
      sql.raw(`CREATE TRIGGER fail_triage_test BEFORE INSERT ON installation_events
        FOR EACH ROW EXECUTE FUNCTION fail_triage_test()`),
    );
    try {
      const bulk = request(
        rows.map((r) => r.id),
        { decision: 'reschedule', week: EARLIEST },
      );
      expect(await failure(decideTriage(analyst, bulk, NOW))).toMatch(/disk full/);
      for (const r of rows) expect(await decisionsOf(r.id)).toEqual([]);
      expect(
        await handle.db.select().from(triageBatches).where(eq(triageBatches.id, bulk.submissionId)),
      ).toEqual([]);
      expect((await getTriageQueue(analyst, mine(), NOW)).rows).toHaveLength(3);
      expect(await rollupCount(EARLIEST)).toBe(beforeRollup);
    } finally {
      await handle.db.execute(sql.raw('DROP TRIGGER fail_triage_test ON installation_events'));
      await handle.db.execute(sql.raw('DROP FUNCTION fail_triage_test()'));
    }
  });

  it('two analysts deciding the same installation at once: one wins, the other is told, nothing is lost', async () => {
    const row = await failed();
    const outcomes = await Promise.allSettled([
      decideTriage(analyst, request([row.id], { decision: 'reschedule', week: EARLIEST }), NOW),
      decideTriage(
        analyst,
        request([row.id], { decision: 'reschedule', week: addMigrationWeeks(EARLIEST, 1) }),
        NOW,
      ),
    ]);
    const told = outcomes.map((o) =>
      o.status === 'fulfilled' ? (o.value.items[0]?.outcome ?? 'none') : String((o.reason as Error).message),
    );
    expect(told.filter((t) => t === 'done')).toHaveLength(1);
    expect(told.filter((t) => t === 'skipped' || /Another analyst/.test(t))).toHaveLength(1);
    expect(await decisionsOf(row.id)).toHaveLength(1);
  });

  it('liaising records who, when and the answer; the installation is scheduled only with the supplier week', async () => {
    const row = await failed({ type: 'active-dormant' });
    const contactedAt = new Date('2026-11-24T15:00:00Z');
    await decideTriage(
      analyst,
      request([row.id], {
        decision: 'liaise-with-active-supplier',
        contactedParty: 'Alpha Energy migration desk',
        contactedAt,
        supplierAnswer: 'Will confirm a week on Friday',
        supplierWeek: null,
      }),
      NOW,
    );
    const [unscheduled] = await handle.db.select().from(installations).where(eq(installations.id, row.id));
    expect(unscheduled?.status).toBe('failed');
    const liaising = await getTriageQueue(analyst, mine({ state: 'liaise-with-active-supplier' }), NOW);
    const current = liaising.rows[0]?.current;
    expect(current).toMatchObject({
      contactedParty: 'Alpha Energy migration desk',
      contactedAt: contactedAt.toISOString(),
    });
    const week = addMigrationWeeks(EARLIEST, 2);
    await decideTriage(
      analyst,
      request(
        [row.id],
        {
          decision: 'liaise-with-active-supplier',
          contactedParty: 'Alpha Energy migration desk',
          contactedAt,
          supplierAnswer: `Authorising it for ${week}`,
          supplierWeek: week,
        },
        {
          target: {
            kind: 'installations',
            ids: [row.id],
            state: 'liaise-with-active-supplier',
            expectedDecisionId: current?.id ?? 0,
          },
        },
      ),
      NOW,
    );
    const [scheduled] = await handle.db.select().from(installations).where(eq(installations.id, row.id));
    expect(scheduled).toMatchObject({ migrationWeek: week, status: 'in-progress' });
  });

  it("a supplier sees its installation's triage outcome and week, but the reasons only when marked supplier-visible", async () => {
    const row = await failed({ type: 'active-dormant' });
    const liaise = {
      decision: 'liaise-with-active-supplier',
      contactedParty: 'Alpha',
      contactedAt: NOW,
      supplierAnswer: 'Yes',
      supplierWeek: EARLIEST,
    } as const;
    await decideTriage(analyst, request([row.id], liaise, { note: 'Internal: SMSO slow to respond' }), NOW);
    const supplier = supplierViewer(supplierA);
    const seen = await getInstallationTimeline(supplier, row.id);
    expect(seen?.installation.migrationWeek).toBe(EARLIEST);
    expect(seen?.triage.map((t) => [t.decision, t.rescheduledWeek, t.reason])).toEqual([
      ['liaise-with-active-supplier', EARLIEST, null],
    ]);
    expect((await getInstallationTimeline(analyst, row.id))?.triage[0]?.reason).toBe(
      'Internal: SMSO slow to respond',
    );
    const other = await createSupplier(handle.db);
    expect(await getInstallationTimeline(supplierViewer(other.id), row.id)).toBeNull();

    const shared = await failed({ type: 'active-dormant' });
    await decideTriage(
      analyst,
      request([shared.id], liaise, { note: 'Your week is confirmed', supplierVisible: true }),
      NOW,
    );
    const visible = await getInstallationTimeline(supplier, shared.id);
    expect(visible?.triage[0]?.reason).toBe('Your week is confirmed');
  });

  it('the backlog counts what awaits a decision and gives the oldest failure', async () => {
    const before = await getTriageBacklog(analyst);
    const row = await failed();
    const after = await getTriageBacklog(analyst);
    expect(after.count).toBe(before.count + 1);
    expect(after.oldestFailedAt).not.toBeNull();
    await decideTriage(analyst, request([row.id], { decision: 'reschedule', week: EARLIEST }), NOW);
    expect((await getTriageBacklog(analyst)).count).toBe(before.count);
  });
});
