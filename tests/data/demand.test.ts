import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows, setDatabase } from '@/db/client';
import {
  incidentInterestedParties,
  incidents,
  migrationAuthorisations,
  migrationCapacity,
  parties,
  triageDecisions,
  weeklyDemand,
} from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import {
  ALL_PARTIES,
  getDemandTrend,
  getPlannedVolume,
  getReport8,
  getShortfallReasons,
  listDemandParties,
  listDemandWeeks,
  resolveDemandScope,
} from '@/lib/data/demand';
import { Random } from '../../db/seed/random';
import { describeEachEngine } from '../support/engines';
import {
  analyst,
  createInstallation,
  createSmso,
  createSupplier,
  supplierViewer,
} from '../support/factories';

// "Now" is Wednesday 25 November 2026: the last complete Migration Week is 16 November, the coming weeks start 23rd.
const NOW = new Date('2026-11-25T12:00:00Z');
const WEEK = '2026-11-16';
const WINDOW = ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'];

interface MaSpec {
  party: number;
  week: string;
  rejected?: string[];
  installationId?: number | null;
}

const maValues = ({ party, week, rejected, installationId = null }: MaSpec) => ({
  installationId,
  authorisingPartyId: party,
  migrationWeek: week,
  migrateOn: week,
  receivedAt: new Date(`${week}T09:00:00Z`),
  validationStatus: rejected ? ('rejected' as const) : ('accepted' as const),
  validationCodes: rejected ?? [],
});

describeEachEngine('Demand against commitment (Report 8, MEHRS 2.2.1)', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let alpha: { id: number; name: string; secPartyId: string | null };
  let beta: { id: number; name: string; secPartyId: string | null };
  let dcc: number;
  let smso: number;

  beforeAll(async () => {
    ({ handle, dispose } = await engine.create());
    setDatabase(handle);
    const db = handle.db;
    const asParty = ({ id, name, secPartyId }: typeof parties.$inferSelect) => ({ id, name, secPartyId });
    alpha = asParty(await createSupplier(db, 'Alpha Energy'));
    beta = asParty(await createSupplier(db, 'Beta Power'));
    const [dccRow] = await db
      .insert(parties)
      .values({ slug: 'dcc-test', name: 'DCC', role: 'dcc' })
      .returning();
    dcc = dccRow?.id ?? 0;
    smso = (await createSmso(db)).id;

    // Hand-computed fixture. Alpha: committed 100/100/100/100; Beta: 50 in the last week only.
    await db
      .insert(weeklyDemand)
      .values([
        ...WINDOW.map((w) => ({ supplierId: alpha.id, migrationWeek: w, forecast: 110, committed: 100 })),
        { supplierId: beta.id, migrationWeek: WEEK, forecast: 60, committed: 50 },
        { supplierId: alpha.id, migrationWeek: '2026-11-30', forecast: 120, committed: 4 },
        { supplierId: beta.id, migrationWeek: '2026-11-30', forecast: 80, committed: 70 },
      ]);
    // Alpha, week 16 Nov: 7 MAs, 2 rejected (MA007; MA007 + MA010). Alpha, 9 Nov: 3 accepted.
    // Beta, week 16 Nov: 5 MAs, 1 rejected MA018. DCC (dormant meters): 4 MAs, not in Report 8.
    await db
      .insert(migrationAuthorisations)
      .values([
        ...Array.from({ length: 5 }, () => maValues({ party: alpha.id, week: WEEK })),
        maValues({ party: alpha.id, week: WEEK, rejected: ['MA007'] }),
        maValues({ party: alpha.id, week: WEEK, rejected: ['MA007', 'MA010'] }),
        ...Array.from({ length: 3 }, () => maValues({ party: alpha.id, week: '2026-11-09' })),
        ...Array.from({ length: 4 }, () => maValues({ party: beta.id, week: WEEK })),
        maValues({ party: beta.id, week: WEEK, rejected: ['MA018'] }),
        ...Array.from({ length: 4 }, () => maValues({ party: dcc, week: WEEK, rejected: ['MA012'] })),
      ]);
    // Coming week 30 Nov: 3 Alpha installations (one rescheduled by triage), 2 Beta, 1 split Alpha/Beta.
    const coming = '2026-11-30';
    const a1 = await createInstallation(db, {
      smsoPartyId: smso,
      electricitySupplierId: alpha.id,
      migrationWeek: coming,
    });
    await createInstallation(db, {
      smsoPartyId: smso,
      electricitySupplierId: alpha.id,
      migrationWeek: coming,
    });
    const b1 = await createInstallation(db, {
      smsoPartyId: smso,
      electricitySupplierId: beta.id,
      type: 'active-dormant',
      migrationWeek: coming,
    });
    await createInstallation(db, {
      smsoPartyId: smso,
      electricitySupplierId: beta.id,
      migrationWeek: coming,
    });
    await createInstallation(db, {
      smsoPartyId: smso,
      electricitySupplierId: alpha.id,
      gasSupplierId: beta.id,
      migrationWeek: coming,
    });
    await db.insert(triageDecisions).values([
      {
        installationId: a1.id,
        decidedAt: NOW,
        decision: 'reschedule',
        rescheduledWeek: coming,
        reason: 'test',
      },
      {
        installationId: b1.id,
        decidedAt: NOW,
        decision: 'reschedule',
        rescheduledWeek: coming,
        reason: 'test',
      },
    ]);
    await db.insert(migrationCapacity).values([{ migrationWeek: coming, capacity: 4 }]);
    // Installations of the Report 8 week (the drill-down count): Alpha 2, Beta 1.
    for (const supplier of [alpha.id, alpha.id, beta.id]) {
      await createInstallation(db, {
        smsoPartyId: smso,
        electricitySupplierId: supplier,
        migrationWeek: WEEK,
      });
    }
    await db.insert(incidents).values({
      reference: 'INC-T-241',
      scenario: '2.4.1',
      title: 'Requesting Party unable to generate MCF',
      raisedByPartyId: dcc,
      ownerPartyId: dcc,
      category: 2,
      status: 'resolved',
      raisedAt: new Date('2026-11-17T10:00:00Z'),
    });
  });

  afterAll(async () => {
    await dispose();
  });

  const scope = (party: typeof alpha | null) => ({ week: WEEK, party });

  it('gives the MCC every party and the total, counted from the MAs, for the four weeks ending with the week', async () => {
    const report = await getReport8(analyst, scope(null));
    expect(report.weeks).toEqual(WINDOW);
    expect(report.parties.map((p) => p.party.name)).toEqual(['Alpha Energy', 'Beta Power']);
    const alphaLast = report.parties[0]?.rows.at(-1);
    expect(alphaLast).toMatchObject({
      committed: 100,
      received: 7,
      rejected: 2,
      accepted: 5,
      difference: -93,
    });
    expect(alphaLast?.percentage).toBe(7);
    expect(report.parties[0]?.rows[2]).toMatchObject({
      migrationWeek: '2026-11-09',
      received: 3,
      shortfall: 97,
    });
    // The total is the suppliers' sum; the DCC's dormant MAs have no commitment and are not in Report 8.
    expect(report.total.at(-1)).toMatchObject({
      partyName: ALL_PARTIES,
      committed: 150,
      received: 12,
      rejected: 3,
      percentage: 8,
    });
    expect(report.installationsInWeek[WEEK]).toBe(3);
  });

  it('gives one party the same figures as its block in the all-parties view', async () => {
    const all = await getReport8(analyst, scope(null));
    const one = await getReport8(analyst, scope(beta));
    expect(one.total).toEqual(all.parties[1]?.rows);
    expect(one.installationsInWeek[WEEK]).toBe(1);
  });

  it('Suppliers never see another supplier: a forged supplier id in the URL is ignored', async () => {
    const viewer = supplierViewer(alpha.id);
    const forged = await resolveDemandScope(viewer, WEEK, beta.id);
    expect(forged.party?.id).toBe(alpha.id);
    expect(await listDemandParties(viewer)).toEqual([alpha]);
    const report = await getReport8(viewer, forged);
    const text = JSON.stringify(report);
    expect(text).not.toContain('Beta Power');
    expect(report.total.at(-1)).toMatchObject({ committed: 100, received: 7 });
    // Even handed Beta as the scope directly, the data layer answers with Alpha's own rows.
    const direct = await getReport8(viewer, { week: WEEK, party: beta });
    expect(direct).toEqual(report);
    const reasons = await getShortfallReasons(viewer, { week: WEEK, party: beta });
    expect(reasons.rejectedByCode.map((c) => c.code)).not.toContain('MA018');
    const trend = await getDemandTrend(viewer, { week: WEEK, party: beta });
    expect(trend.at(-1)).toMatchObject({ committed: 100, received: 7 });
    const planned = await getPlannedVolume(viewer, beta, NOW);
    expect(planned.showsCapacity).toBe(false);
    // Alpha's own: two Alpha-only and the split one; Beta's two never appear.
    expect(planned.weeks[1]).toMatchObject({ scheduled: 3, committed: 4, capacity: null });
  });

  it('counts rejected MAs by reason code and finds the week’s MCF incidents', async () => {
    const reasons = await getShortfallReasons(analyst, scope(null));
    expect(reasons.rejectedByCode.map((c) => [c.code, c.total])).toEqual([
      ['MA007', 2],
      ['MA010', 1],
      ['MA018', 1],
    ]);
    expect(reasons.rejectedByCode[0]?.counts[WEEK]).toBe(2);
    expect(reasons.mcfIncidents).toEqual([
      expect.objectContaining({ reference: 'INC-T-241', week: WEEK, status: 'resolved' }),
    ]);
    const alphaOnly = await getShortfallReasons(analyst, scope(alpha));
    expect(alphaOnly.rejectedByCode.map((c) => c.code)).toEqual(['MA007', 'MA010']);
  });

  it('A supplier sees only the MCF incidents it is an Interested Party of (found by the isolation matrix)', async () => {
    const db = handle.db;
    const [betas] = await db
      .insert(incidents)
      .values({
        reference: 'INC-T-241-BETA',
        scenario: '2.4.1',
        title: "Requesting Party unable to generate MCF for Beta's installations",
        raisedByPartyId: dcc,
        ownerPartyId: dcc,
        category: 2,
        status: 'open',
        raisedAt: new Date('2026-11-18T10:00:00Z'),
      })
      .returning();
    if (!betas) throw new Error('insert returned nothing');
    await db.insert(incidentInterestedParties).values({ incidentId: betas.id, partyId: beta.id });
    try {
      const references = async (viewer: Viewer, party: typeof alpha) =>
        (await getShortfallReasons(viewer, scope(party))).mcfIncidents.map((i) => i.reference);
      expect(await references(supplierViewer(alpha.id), alpha)).toEqual([]);
      expect(await references(supplierViewer(beta.id), beta)).toEqual(['INC-T-241-BETA']);
      expect(await references(analyst, alpha)).toEqual(['INC-T-241', 'INC-T-241-BETA']);
    } finally {
      await db.delete(incidents).where(eq(incidents.id, betas.id));
    }
  });

  it('plans coming weeks against commitment and, for the MCC, capacity; flags the week over capacity', async () => {
    const planned = await getPlannedVolume(analyst, null, NOW);
    expect(planned.showsCapacity).toBe(true);
    expect(planned.weeks.map((w) => w.migrationWeek)[0]).toBe('2026-11-23');
    expect(planned.weeks[1]).toMatchObject({
      migrationWeek: '2026-11-30',
      scheduled: 5,
      rescheduledByTriage: 2,
      committed: 74,
      capacity: 4,
      overCapacity: true,
      overCommitment: false,
    });
    const onlyBeta = await getPlannedVolume(analyst, beta, NOW);
    expect(onlyBeta.showsCapacity).toBe(false);
    expect(onlyBeta.weeks[1]).toMatchObject({ scheduled: 3, rescheduledByTriage: 1, committed: 70 });
  });

  it('offers the weeks with a commitment up to the chosen latest, newest first', async () => {
    expect(await listDemandWeeks(analyst, WEEK)).toEqual([...WINDOW].reverse());
    expect(await listDemandWeeks(supplierViewer(beta.id), '2026-11-30')).toEqual(['2026-11-30', WEEK]);
  });

  it('keeps the MA counts equal to a live count after random inserts, updates and deletes', async () => {
    const db = handle.db;
    // The random changes touch the suite's shared MAs: put them back afterwards, so no other test sees them.
    const original = await db.select().from(migrationAuthorisations);
    try {
      const random = new Random(42, 7);
      const codes = ['MA001', 'MA007', 'MA010', 'MA018'];
      for (let step = 0; step < 60; step++) {
        const roll = random.int(0, 2);
        const party = random.int(0, 1) === 0 ? alpha.id : beta.id;
        const week = WINDOW[random.int(0, 3)] as string;
        const [existing] = await queryRows<{ id: number }>(
          db,
          sql`SELECT id FROM migration_authorisations ORDER BY md5(id::text || ${step}) LIMIT 1`,
        );
        if (roll === 0 || !existing) {
          const rejected = random.int(0, 2) === 0 ? [codes[random.int(0, 3)] as string] : undefined;
          await db.insert(migrationAuthorisations).values(maValues({ party, week, rejected }));
        } else if (roll === 1) {
          const reject = random.int(0, 1) === 0;
          await db
            .update(migrationAuthorisations)
            .set({
              authorisingPartyId: party,
              migrationWeek: week,
              validationStatus: reject ? 'rejected' : 'accepted',
              validationCodes: reject ? [codes[random.int(0, 3)] as string, 'MA001'] : [],
            })
            .where(eq(migrationAuthorisations.id, existing.id));
        } else {
          await db.delete(migrationAuthorisations).where(eq(migrationAuthorisations.id, existing.id));
        }
      }
      const report = await getReport8(analyst, scope(null));
      const live = await queryRows<{ party: number; week: string; received: number; rejected: number }>(
        db,
        sql`SELECT authorising_party_id AS party, migration_week::text AS week, count(*)::int AS received,
                   (count(*) FILTER (WHERE validation_status = 'rejected'))::int AS rejected
            FROM migration_authorisations WHERE authorising_party_id IN (${alpha.id}, ${beta.id})
            GROUP BY 1, 2`,
      );
      const liveOf = (party: number, week: string) => live.find((l) => l.party === party && l.week === week);
      let compared = 0;
      for (const block of report.parties) {
        for (const row of block.rows) {
          const expected = liveOf(block.party.id, row.migrationWeek);
          expect([block.party.name, row.migrationWeek, row.received, row.rejected]).toEqual([
            block.party.name,
            row.migrationWeek,
            expected?.received ?? 0,
            expected?.rejected ?? 0,
          ]);
          compared++;
        }
      }
      expect(compared).toBe(8);
      const reasons = await getShortfallReasons(analyst, scope(null));
      const [liveMa001] = await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM migration_authorisations
            WHERE validation_status = 'rejected' AND 'MA001' = ANY (validation_codes)
              AND authorising_party_id IN (${alpha.id}, ${beta.id})
              AND migration_week BETWEEN ${WINDOW[0]} AND ${WEEK}`,
      );
      expect(reasons.rejectedByCode.find((c) => c.code === 'MA001')?.total ?? 0).toBe(liveMa001?.n);
    } finally {
      await db.delete(migrationAuthorisations);
      await db.insert(migrationAuthorisations).values(original);
    }
  });

  it('rebuilds the MA rollup from the MAs to the same counts (the bulk-load path)', async () => {
    const db = handle.db;
    const before = await queryRows<Record<string, unknown>>(
      db,
      sql`SELECT * FROM authorisation_rollups WHERE count <> 0 ORDER BY 1, 2, 3, 4`,
    );
    await db.execute(sql`SELECT rebuild_authorisation_rollups()`);
    const after = await queryRows<Record<string, unknown>>(
      db,
      sql`SELECT * FROM authorisation_rollups ORDER BY 1, 2, 3, 4`,
    );
    expect(after.length).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });

  it('rolls the MA counts back with the transaction that changed the MAs', async () => {
    const db = handle.db;
    const before = await getReport8(analyst, scope(alpha));
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(migrationAuthorisations).values(maValues({ party: alpha.id, week: WEEK }));
        throw new Error('abandon the import');
      }),
    ).rejects.toThrow(/abandon the import/);
    expect(await getReport8(analyst, scope(alpha))).toEqual(before);
  });
});
