import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Database, type DatabaseHandle, setDatabase } from '@/db/client';
import {
  incidentAffectedCounts,
  incidentEvents,
  incidentInstallations,
  incidents,
  installations,
  parties,
  users,
} from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { getIncidentDeskSummary, listIncidentQueue } from '@/lib/data/incident-queue';
import { raiseIncident } from '@/lib/data/incident-raise';
import {
  addIncidentNote,
  assignIncident,
  changeIncidentCategory,
  changeIncidentStatus,
} from '@/lib/data/incident-writes';
import { getIncident } from '@/lib/data/incidents';
import { incidentQueueSchema } from '@/lib/filters/incidents';
import { describeEachEngine } from '../support/engines';
import { createInstallation, createSmso, createSupplier, supplierViewer } from '../support/factories';

const H = 3_600_000;
const key = () => crypto.randomUUID();

async function createAnalyst(db: Database, name: string): Promise<Viewer> {
  const id = `analyst-${crypto.randomBytes(4).toString('hex')}`;
  await db.insert(users).values({ id, name, email: `${id}@mcc.test`, role: 'analyst' });
  return { userId: id, name, email: `${id}@mcc.test`, role: 'analyst', supplierId: null };
}

describeEachEngine('Incident desk data layer', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let db: Database;
  let a: number;
  let b: number;
  let c: number;
  let smso: number;
  let rp: number;
  let s1sp: number;
  let mcc: number;

  beforeAll(async () => {
    ({ handle, dispose } = await engine.create());
    setDatabase(handle);
    db = handle.db;
    a = (await createSupplier(db, 'Alpha Energy')).id;
    b = (await createSupplier(db, 'Beta Power')).id;
    c = (await createSupplier(db, 'Gamma Gas')).id;
    smso = (await createSmso(db)).id;
    const service = await db
      .insert(parties)
      .values([
        { slug: 'rp', name: 'Requesting Party', role: 'rp' },
        { slug: 's1sp', name: 'S1SP', role: 's1sp' },
        { slug: 'mcc', name: 'Migration Control Centre', role: 'mcc' },
      ])
      .returning();
    [rp, s1sp, mcc] = service.map((p) => p.id) as [number, number, number];
  });
  afterAll(() => dispose());

  /** An MGF whole-file error (MEHRS 2.5.6) affecting one installation of Alpha and one of Beta. */
  async function raiseMgfIncident(analyst: Viewer, raisedAt = new Date('2026-11-23T09:00:00Z')) {
    const ofA = await createInstallation(db, {
      smsoPartyId: smso,
      electricitySupplierId: a,
      stage: 'sim-cutover',
    });
    const ofB = await createInstallation(db, { smsoPartyId: smso, gasSupplierId: b, stage: 'sim-cutover' });
    const { id } = await raiseIncident(
      analyst,
      {
        scenario: '2.5.6',
        groupId: null,
        ownerPartyId: rp,
        raisedByPartyId: s1sp,
        category: 3,
        title: '',
        description: 'MGF rejected',
        meterNumbers: [ofA.mpan ?? '', ofB.mprn ?? ''],
        fromFilter: null,
        requestKey: key(),
      },
      raisedAt,
    );
    return { id, ofA: ofA.id, ofB: ofB.id };
  }

  async function version(id: number) {
    const [row] = await db.select({ version: incidents.version }).from(incidents).where(eq(incidents.id, id));
    return row?.version ?? 0;
  }

  it('raises a 2.5.6 Incident owned by the Requesting Party, with the affected suppliers as Interested Parties', async () => {
    const analyst = await createAnalyst(db, 'Ann Analyst');
    const { id, ofA, ofB } = await raiseMgfIncident(analyst);
    const incident = await getIncident(analyst, id, new Date('2026-11-23T10:00:00Z'));
    expect(incident?.kind).toBe('incident');
    expect(incident?.reference).toMatch(/^INC-\d{6}$/);
    expect(incident?.owner).toBe('Requesting Party');
    expect(incident?.interestedParties).toEqual(['Alpha Energy', 'Beta Power']);
    expect(incident?.installations.map((i) => i.id).sort()).toEqual([ofA, ofB].sort());
    expect(incident?.history.map((h) => [h.action, h.by])).toEqual([['raised', 'Ann Analyst']]);
  });

  it('refuses to raise an Incident for a scenario MEHRS handles by reason codes alone', async () => {
    const analyst = await createAnalyst(db, 'Ann');
    const input = {
      scenario: '2.6.2',
      groupId: null,
      ownerPartyId: s1sp,
      raisedByPartyId: mcc,
      category: 3 as const,
      title: '',
      description: '',
      meterNumbers: [],
      fromFilter: null,
      requestKey: key(),
    };
    await expect(raiseIncident(analyst, input)).rejects.toThrow(/raises no Incident/);
  });

  it('records a 2.5.2 outage as a communication to every supplier, and 2.5.8 CB as a Service Request', async () => {
    const analyst = await createAnalyst(db, 'Ann');
    const base = { title: '', description: '', meterNumbers: [], fromFilter: null, category: 3 as const };
    const com = await raiseIncident(analyst, {
      ...base,
      scenario: '2.5.2',
      groupId: null,
      ownerPartyId: smso,
      raisedByPartyId: smso,
      requestKey: key(),
    });
    const sr = await raiseIncident(analyst, {
      ...base,
      scenario: '2.5.8',
      groupId: 'CB',
      ownerPartyId: rp,
      raisedByPartyId: mcc,
      requestKey: key(),
    });
    const comDetail = await getIncident(analyst, com.id);
    expect(comDetail?.kind).toBe('communication');
    expect(comDetail?.reference).toMatch(/^COM-/);
    expect(comDetail?.clock).toBeNull();
    expect(comDetail?.interestedParties).toEqual(
      expect.arrayContaining(['Alpha Energy', 'Beta Power', 'Gamma Gas']),
    );
    expect((await getIncident(analyst, sr.id))?.kind).toBe('service-request');
  });

  it('raises once when the same form is submitted twice', async () => {
    const analyst = await createAnalyst(db, 'Ann');
    const requestKey = key();
    const input = {
      scenario: '2.4.3',
      groupId: null,
      ownerPartyId: s1sp,
      raisedByPartyId: s1sp,
      category: 2 as const,
      title: 'MCVF not generated',
      description: '',
      meterNumbers: [],
      fromFilter: null,
      requestKey,
    };
    const [first, second] = [await raiseIncident(analyst, input), await raiseIncident(analyst, input)];
    expect(second.id).toBe(first.id);
    const [n] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(incidents)
      .where(eq(incidents.title, 'MCVF not generated'));
    expect(n?.n).toBe(1);
  });

  it('links every installation of an installations-list filter', async () => {
    const analyst = await createAnalyst(db, 'Ann');
    const code = `T${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
    for (let k = 0; k < 3; k++)
      await createInstallation(db, {
        smsoPartyId: smso,
        electricitySupplierId: c,
        status: 'failed',
        lastCode: code,
      });
    const { id } = await raiseIncident(analyst, {
      scenario: '2.6.6',
      groupId: null,
      ownerPartyId: s1sp,
      raisedByPartyId: s1sp,
      category: 3,
      title: '',
      description: '',
      meterNumbers: [],
      fromFilter: { status: 'failed', code },
      requestKey: key(),
    });
    const linked = await db
      .select()
      .from(incidentInstallations)
      .where(eq(incidentInstallations.incidentId, id));
    expect(linked).toHaveLength(3);
    expect((await getIncident(analyst, id))?.interestedParties).toEqual(['Gamma Gas']);
  });

  it('moves through the status flow, recording who, when and what; on hold pauses the clock', async () => {
    const analyst = await createAnalyst(db, 'Ann');
    const { id } = await raiseMgfIncident(analyst);
    let v = 1;
    const step = async (
      status: 'in-progress' | 'paused' | 'resolved' | 'closed',
      iso: string,
      reason?: string,
    ) => {
      v = (
        await changeIncidentStatus(
          analyst,
          { id, version: v, requestKey: key(), status, reason },
          new Date(iso),
        )
      ).version;
    };
    v = (
      await assignIncident(
        analyst,
        { id, version: v, requestKey: key(), assigneeUserId: analyst.userId },
        new Date('2026-11-23T09:30:00Z'),
      )
    ).version;
    await step('in-progress', '2026-11-23T10:00:00Z');
    await step('paused', '2026-11-23T11:00:00Z', 'Waiting for the S1SP');
    const paused = await getIncident(analyst, id, new Date('2026-11-23T15:00:00Z'));
    expect(paused?.status).toBe('paused');
    expect(paused?.holdReason).toBe('Waiting for the S1SP');
    expect(paused?.clock?.elapsedMs).toBe(2 * H);
    expect(paused?.clock?.running).toBe(false);
    await step('in-progress', '2026-11-23T16:00:00Z');
    await step('resolved', '2026-11-23T17:00:00Z');
    await step('closed', '2026-11-24T09:00:00Z');
    await step('in-progress', '2026-11-24T10:00:00Z');
    const reopened = await getIncident(analyst, id, new Date('2026-11-24T11:00:00Z'));
    expect(reopened?.status).toBe('in-progress');
    expect(reopened?.resolvedAt).toBeNull();
    // 09:00–11:00 and 16:00–17:00 and 10:00–11:00 the next day.
    expect(reopened?.clock?.elapsedMs).toBe(4 * H);
    expect(reopened?.history.map((h) => h.action)).toEqual([
      'raised',
      'assigned',
      'status',
      'status',
      'status',
      'status',
      'status',
      'status',
    ]);
    expect(reopened?.history.every((h) => h.by === 'Ann')).toBe(true);
    expect(reopened?.version).toBe(8);
  });

  it('refuses a move the flow does not allow, and on hold without a reason', async () => {
    const analyst = await createAnalyst(db, 'Ann');
    const { id } = await raiseMgfIncident(analyst);
    await expect(
      changeIncidentStatus(analyst, { id, version: 1, requestKey: key(), status: 'closed' }),
    ).rejects.toThrow(/cannot be marked closed/);
    await expect(
      changeIncidentStatus(analyst, { id, version: 1, requestKey: key(), status: 'paused' }),
    ).rejects.toThrow(/why the incident is on hold/);
    expect(await version(id)).toBe(1);
  });

  it('keeps the time already run when the category changes', async () => {
    const analyst = await createAnalyst(db, 'Ann');
    const { id } = await raiseMgfIncident(analyst, new Date('2026-11-23T09:00:00Z'));
    await changeIncidentCategory(
      analyst,
      { id, version: 1, requestKey: key(), category: 1 },
      new Date('2026-11-23T12:00:00Z'),
    );
    const incident = await getIncident(analyst, id, new Date('2026-11-23T14:00:00Z'));
    expect(incident?.category).toBe(1);
    expect(incident?.clock?.elapsedMs).toBe(5 * H);
    expect(incident?.clock?.targetMs).toBe(4 * H);
    expect(incident?.clock?.overTarget).toBe(true);
    expect(incident?.clock?.provisional).toBe(true);
  });

  it('refuses a stale update with who changed it and when; the first analyst’s change stands', async () => {
    const ann = await createAnalyst(db, 'Ann');
    const bob = await createAnalyst(db, 'Bob');
    const { id } = await raiseMgfIncident(ann);
    await addIncidentNote(
      ann,
      { id, version: 1, requestKey: key(), body: 'Ann was here', visibility: 'internal' },
      new Date('2026-11-23T10:00:00Z'),
    );
    await expect(
      changeIncidentCategory(bob, { id, version: 1, requestKey: key(), category: 2 }),
    ).rejects.toThrow(/^Changed by Ann at 23 Nov 2026, 10:00: reload to see it\.$/);
    const incident = await getIncident(ann, id);
    expect(incident?.category).toBe(3);
    expect(incident?.notes.map((n) => n.body)).toEqual(['Ann was here']);
  });

  it('decides a race between two analysts with the same version: one wins, one is refused', async () => {
    const ann = await createAnalyst(db, 'Ann');
    const bob = await createAnalyst(db, 'Bob');
    const { id } = await raiseMgfIncident(ann);
    const results = await Promise.allSettled([
      changeIncidentCategory(ann, { id, version: 1, requestKey: key(), category: 2 }),
      changeIncidentCategory(bob, { id, version: 1, requestKey: key(), category: 4 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && String(refused.reason)).toMatch(/Changed by (Ann|Bob)/);
    expect(await version(id)).toBe(2);
  });

  it('gives a replayed change effect once, even when sent twice at the same time', async () => {
    const analyst = await createAnalyst(db, 'Ann');
    const { id } = await raiseMgfIncident(analyst);
    const requestKey = key();
    const note = { id, version: 1, requestKey, body: 'Once only', visibility: 'internal' as const };
    const results = await Promise.all([addIncidentNote(analyst, note), addIncidentNote(analyst, note)]);
    expect(results.filter((r) => r.replayed)).toHaveLength(1);
    await addIncidentNote(analyst, note);
    const incident = await getIncident(analyst, id);
    expect(incident?.notes.filter((n) => n.body === 'Once only')).toHaveLength(1);
    expect(incident?.version).toBe(2);
  });

  it('keeps the history append-only: the database refuses to rewrite or delete it', async () => {
    const analyst = await createAnalyst(db, 'Ann');
    const { id } = await raiseMgfIncident(analyst);
    // Drizzle wraps the database's error; the trigger's message is its cause.
    const refusal = (query: Promise<unknown>) =>
      query.then(
        () => 'accepted',
        (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message),
      );
    expect(
      await refusal(
        db.update(incidentEvents).set({ note: 'rewritten' }).where(eq(incidentEvents.incidentId, id)),
      ),
    ).toMatch(/append-only \(UPDATE refused\)/);
    expect(await refusal(db.delete(incidentEvents).where(eq(incidentEvents.incidentId, id)))).toMatch(
      /append-only \(DELETE refused\)/,
    );
  });

  it('shows a supplier only supplier-visible notes, its own count, no other supplier’s name and no MCC workings', async () => {
    const analyst = await createAnalyst(db, 'Ann');
    const { id, ofA } = await raiseMgfIncident(analyst);
    await addIncidentNote(analyst, {
      id,
      version: 1,
      requestKey: key(),
      body: 'Internal only',
      visibility: 'internal',
    });
    await addIncidentNote(analyst, {
      id,
      version: 2,
      requestKey: key(),
      body: 'For suppliers',
      visibility: 'supplier',
    });
    await assignIncident(analyst, { id, version: 3, requestKey: key(), assigneeUserId: analyst.userId });
    const full = await getIncident(analyst, id);
    const seen = await getIncident(supplierViewer(a), id);
    expect(full?.notes.map((n) => n.body)).toEqual(['Internal only', 'For suppliers']);
    expect(seen?.notes.map((n) => n.body)).toEqual(['For suppliers']);
    expect(seen?.notes[0]?.by).toBeNull();
    expect(full?.affectedCount).toBe(2);
    expect(seen?.affectedCount).toBe(1);
    expect(seen?.installations.map((i) => i.id)).toEqual([ofA]);
    expect(seen?.interestedParties).toEqual(['Alpha Energy']);
    expect(JSON.stringify(seen)).not.toContain('Beta Power');
    expect(seen?.assignee).toBeNull();
    expect(seen?.history.map((h) => h.action)).toEqual(['raised']);
    expect(full?.history.map((h) => h.action)).toEqual(['raised', 'note', 'note', 'assigned']);
    expect(seen?.history.every((h) => h.by === null && h.note === null)).toBe(true);
  });

  it('never names the supplier that raised an incident to another supplier it lists (MEHRS 2.1.1)', async () => {
    const analyst = await createAnalyst(db, 'Ann');
    const [dcc] = await db
      .insert(parties)
      .values({ slug: `dcc-${key()}`, name: 'DCC', role: 'dcc' })
      .returning();
    const ofB = await createInstallation(db, { smsoPartyId: smso, gasSupplierId: b });
    // Alpha raises it, and the meter it lists is Beta's: Beta becomes an Interested Party and reads the incident.
    const { id } = await raiseIncident(analyst, {
      scenario: '2.1.1',
      groupId: null,
      ownerPartyId: dcc?.id ?? 0,
      raisedByPartyId: a,
      category: 3,
      title: '',
      description: 'SharePoint unavailable',
      meterNumbers: [ofB.mprn ?? ''],
      fromFilter: null,
      requestKey: key(),
    });
    const forBeta = await getIncident(supplierViewer(b), id);
    expect(forBeta?.raisedBy).toBe('Other supplier');
    expect(forBeta?.owner).toBe('DCC');
    expect(JSON.stringify(forBeta)).not.toContain('Alpha Energy');
    expect((await getIncident(analyst, id))?.raisedBy).toBe('Alpha Energy');
  });

  it('answers a supplier that is not an Interested Party exactly as for a missing incident', async () => {
    const analyst = await createAnalyst(db, 'Ann');
    const { id } = await raiseMgfIncident(analyst);
    expect(await getIncident(supplierViewer(c), id)).toBeNull();
    expect(await getIncident(supplierViewer(c), 99_999_999)).toBeNull();
    await expect(
      changeIncidentStatus(supplierViewer(a), { id, version: 1, requestKey: key(), status: 'in-progress' }),
    ).rejects.toThrow(/does not exist, or you cannot see it/);
  });

  it('queues a supplier only the incidents it is party to, with its own counts, compared with the MCC’s queue', async () => {
    const analyst = await createAnalyst(db, 'Ann');
    const { id } = await raiseMgfIncident(analyst);
    const query = incidentQueueSchema.parse({ status: 'all', scenario: '2.5.6' });
    const all = await listIncidentQueue(analyst, query);
    const ofC = await listIncidentQueue(supplierViewer(c), query);
    const ofA = await listIncidentQueue(supplierViewer(a), query);
    expect(all.rows.some((r) => r.id === id)).toBe(true);
    expect(ofC.rows.some((r) => r.id === id)).toBe(false);
    const row = ofA.rows.find((r) => r.id === id);
    expect(row?.affected).toBe(1);
    expect(row?.interestedParties).toEqual(['Alpha Energy']);
    expect(row?.assignee).toBeNull();
    expect(all.rows.find((r) => r.id === id)?.affected).toBe(2);
    // A forged supplier filter does not widen a supplier's queue.
    const forged = await listIncidentQueue(supplierViewer(c), { ...query, supplier: a });
    expect(forged.rows.some((r) => r.id === id)).toBe(false);
  });

  it('keeps each incident’s affected counts per scope equal to a live count through supplier changes and deletions', async () => {
    const analyst = await createAnalyst(db, 'Ann');
    const { id, ofA, ofB } = await raiseMgfIncident(analyst);
    const split = await createInstallation(db, {
      smsoPartyId: smso,
      electricitySupplierId: a,
      gasSupplierId: b,
      stage: 'sim-cutover',
    });
    await db.insert(incidentInstallations).values({ incidentId: id, installationId: split.id });
    // The stored counts against the same question asked of the links themselves, for every scope.
    const stored = async () =>
      Object.fromEntries(
        (
          await db
            .select({ scope: incidentAffectedCounts.supplierId, n: incidentAffectedCounts.count })
            .from(incidentAffectedCounts)
            .where(eq(incidentAffectedCounts.incidentId, id))
        )
          .filter((r) => r.n !== 0)
          .map((r) => [r.scope, r.n]),
      );
    const live = async () => {
      const rows = await db
        .select({ e: installations.electricitySupplierId, g: installations.gasSupplierId })
        .from(incidentInstallations)
        .innerJoin(installations, eq(installations.id, incidentInstallations.installationId))
        .where(eq(incidentInstallations.incidentId, id));
      const counts: Record<number, number> = {};
      for (const r of rows) {
        for (const scope of new Set([0, r.e, r.g]))
          if (scope !== null) counts[scope] = (counts[scope] ?? 0) + 1;
      }
      return counts;
    };
    expect(await stored()).toEqual({ 0: 3, [a]: 2, [b]: 2 });
    await db.update(installations).set({ electricitySupplierId: c }).where(eq(installations.id, ofA));
    expect(await stored()).toEqual(await live());
    await db.delete(incidentInstallations).where(eq(incidentInstallations.installationId, split.id));
    expect(await stored()).toEqual(await live());
    await db.delete(installations).where(eq(installations.id, ofB));
    expect(await stored()).toEqual({ 0: 1, [c]: 1 });
    expect(
      (await listIncidentQueue(analyst, incidentQueueSchema.parse({ status: 'all' }))).rows.find(
        (r) => r.id === id,
      )?.affected,
    ).toBe(1);
    expect((await getIncident(analyst, id))?.affectedCount).toBe(1);
  });

  it('orders the queue by least time left and pages it by keyset without repeats', async () => {
    const analyst = await createAnalyst(db, 'Ann');
    const now = Date.now();
    // Sixty open 2.4.2 incidents raised ten minutes apart, inserted in bulk (raising each would take minutes).
    const raised = await db
      .insert(incidents)
      .values(
        Array.from({ length: 60 }, (_, k) => ({
          reference: `Q-${crypto.randomBytes(5).toString('hex')}`,
          scenario: '2.4.2',
          title: 'MCF whole file error',
          raisedByPartyId: s1sp,
          ownerPartyId: rp,
          category: 3 as const,
          status: 'open' as const,
          raisedAt: new Date(now - k * 10 * 60_000 - 30 * H),
        })),
      )
      .returning({ id: incidents.id, raisedAt: incidents.raisedAt });
    await db.insert(incidentEvents).values(
      raised.map((r) => ({
        incidentId: r.id,
        at: r.raisedAt,
        action: 'raised' as const,
        status: 'open' as const,
        category: 3 as const,
      })),
    );
    const query = incidentQueueSchema.parse({ scenario: '2.4.2' });
    const first = await listIncidentQueue(analyst, query);
    expect(first.rows).toHaveLength(50);
    const remaining = first.rows.map((r) => r.clock?.remainingMs ?? 0);
    expect(remaining).toEqual([...remaining].sort((x, y) => x - y));
    expect(first.nextCursor).not.toBeNull();
    const second = await listIncidentQueue(analyst, { ...query, cursor: first.nextCursor ?? undefined });
    const ids = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const summary = await getIncidentDeskSummary(analyst);
    expect(summary.byOwner.rp.open).toBeGreaterThanOrEqual(60);
    expect(summary.byOwner.rp.breached).toBeGreaterThan(0);
  });
});
