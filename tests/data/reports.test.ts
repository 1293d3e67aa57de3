import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type DatabaseHandle, queryRows, setDatabase } from '@/db/client';
import { installationEvents, migrationAuthorisations, parties, weeklyDemand } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import type { Viewer } from '@/lib/auth/viewer';
import { collect } from '@/lib/data/batches';
import { getReport8, resolveDemandScope } from '@/lib/data/demand';
import { installationBatches, listInstallations } from '@/lib/data/installations';
import { report2Batches, report6Batches, report10Batches, s1mig001Batches } from '@/lib/data/reports';
import { exportSupplier } from '@/lib/data/scope';
import { installationListSchema } from '@/lib/filters/installations';
import { describeEachEngine } from '../support/engines';
import { downloadExport } from '../support/exports';
import {
  analyst,
  createInstallation,
  createSmso,
  createSupplier,
  supplierViewer,
} from '../support/factories';

// A fixture week in British Summer Time, so London days and UTC days differ by an hour.
const DAY = { from: '2026-07-06', to: '2026-07-06' };
const WEEK = { from: '2026-07-06', to: '2026-07-12' };
/** 2026-07-06 in London runs from 2026-07-05T23:00Z to 2026-07-06T23:00Z. */
const at = (iso: string) => new Date(iso);

async function addEvent(
  db: Database,
  installationId: number,
  occurredAt: string,
  status: 'failed' | 'rolled-back' | 'migrated' | 'in-progress',
  stage: 'authorisation' | 'common-file' | 'device-validation' | 'migrated' = 'device-validation',
  code: string | null = null,
  failedStep: string | null = null,
) {
  await db.insert(installationEvents).values({
    installationId,
    attempt: 1,
    occurredAt: at(occurredAt),
    stage,
    status,
    code,
    failedStep,
    scenario: code ? '2.6.2' : null,
  });
}

async function addMa(
  db: Database,
  spec: {
    installationId: number;
    partyId: number;
    receivedAt: string;
    completedAt?: string | null;
    status?: 'success' | 'failure' | null;
    code?: string | null;
    rejectedWith?: string[];
  },
) {
  const rejected = (spec.rejectedWith ?? []).length > 0;
  await db.insert(migrationAuthorisations).values({
    installationId: spec.installationId,
    authorisingPartyId: spec.partyId,
    mpan: null,
    mprn: null,
    migrationWeek: '2026-07-06',
    migrateOn: '2026-07-07',
    receivedAt: at(spec.receivedAt),
    validationStatus: rejected ? 'rejected' : 'accepted',
    validationCodes: spec.rejectedWith ?? [],
    completionStatus: spec.status ?? null,
    completionCode: spec.code ?? null,
    completedAt: spec.completedAt ? at(spec.completedAt) : null,
  });
}

describeEachEngine('Reports and exports', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let a: number;
  let b: number;
  let dcc: number;
  let onlyA: number;
  let onlyB: number;
  let split: number;

  beforeAll(async () => {
    ({ handle, dispose } = await engine.create());
    setDatabase(handle);
    const db = handle.db;
    a = (await createSupplier(db, 'Alpha Energy')).id;
    b = (await createSupplier(db, 'Beta Power')).id;
    const [dccRow] = await db.insert(parties).values({ slug: 'dcc-t', name: 'DCC', role: 'dcc' }).returning();
    dcc = dccRow?.id ?? 0;
    const smso = (await createSmso(db)).id;
    onlyA = (await createInstallation(db, { smsoPartyId: smso, electricitySupplierId: a, gasSupplierId: a }))
      .id;
    onlyB = (await createInstallation(db, { smsoPartyId: smso, electricitySupplierId: b, gasSupplierId: b }))
      .id;
    split = (await createInstallation(db, { smsoPartyId: smso, electricitySupplierId: a, gasSupplierId: b }))
      .id;

    // Report 2 / S1MIG-001 history. Times are UTC; the London day 2026-07-06 starts at 2026-07-05T23:00Z.
    await addEvent(db, onlyA, '2026-07-05T22:59:59Z', 'failed', 'common-file', 'MA113', '5.10.(a)'); // 5 July London
    await addEvent(db, onlyA, '2026-07-05T23:00:00Z', 'failed', 'device-validation', '12.9.1.ET01', '12.9.1');
    await addEvent(db, onlyB, '2026-07-06T10:00:00Z', 'rolled-back', 'device-validation', 'MA121', '12.9.2');
    await addEvent(db, split, '2026-07-06T10:00:00Z', 'failed', 'common-file', 'MA106', null);
    await addEvent(db, split, '2026-07-06T11:00:00Z', 'failed', 'authorisation', 'MA008', null); // Reports 6/10 only
    await addEvent(db, onlyA, '2026-07-06T22:59:59Z', 'migrated', 'migrated');
    await addEvent(db, onlyB, '2026-07-06T23:00:00Z', 'migrated', 'migrated'); // 7 July London

    // MAs: A's and B's on their own installations; both suppliers' on the split one; a DCC MA.
    await addMa(db, {
      installationId: onlyA,
      partyId: a,
      receivedAt: '2026-07-06T08:00:00Z',
      completedAt: '2026-07-06T22:59:59Z',
      status: 'success',
    });
    await addMa(db, {
      installationId: onlyB,
      partyId: b,
      receivedAt: '2026-07-06T08:00:00Z',
      completedAt: '2026-07-06T10:00:00Z',
      status: 'failure',
      code: 'MA121',
    });
    await addMa(db, {
      installationId: split,
      partyId: a,
      receivedAt: '2026-07-06T09:00:00Z',
      completedAt: '2026-07-06T10:00:00Z',
      status: 'failure',
      code: 'MA106',
    });
    await addMa(db, {
      installationId: split,
      partyId: b,
      receivedAt: '2026-07-06T09:30:00Z',
      completedAt: '2026-07-06T11:00:00Z',
      status: 'failure',
      code: 'MA008',
      rejectedWith: ['MA008', 'MA011'],
    });
    await addMa(db, {
      installationId: split,
      partyId: dcc,
      receivedAt: '2026-07-06T09:45:00Z',
      completedAt: null,
    });
    await addMa(db, {
      installationId: onlyA,
      partyId: a,
      receivedAt: '2026-07-06T09:00:00Z',
      completedAt: null,
    });
  });
  afterAll(() => dispose());

  const report2 = (viewer: Viewer, period = DAY, supplier?: number) =>
    collect(report2Batches(viewer, { period, supplier }));

  describe('Report 2 (S1MIG-002)', () => {
    it('lists the failures of the London day after MA validation, with their FailedStepNumber, oldest first', async () => {
      const rows = await report2(analyst);
      expect(rows.map((r) => [r.code, r.failedStep, r.status])).toEqual([
        ['12.9.1.ET01', '12.9.1', 'failed'],
        ['MA121', '12.9.2', 'rolled-back'],
        ['MA106', null, 'failed'],
      ]);
    });

    it('shows a supplier only failures of installations it supplies, whatever it asks for', async () => {
      const all = await report2(analyst);
      const mine = await report2(supplierViewer(a));
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.length).toBeLessThan(all.length);
      expect(new Set(mine.map((r) => r.installationId))).toEqual(new Set([onlyA, split]));
      // A forged supplier filter never widens a supplier's scope: it only narrows it further.
      const forged = await report2(supplierViewer(a), DAY, b);
      expect(forged.map((r) => r.installationId)).toEqual([split]);
      expect(forged.every((r) => r.installationId !== onlyB)).toBe(true);
    });

    it('narrows an analyst to the chosen supplier', async () => {
      const rows = await report2(analyst, DAY, b);
      expect(new Set(rows.map((r) => r.installationId))).toEqual(new Set([onlyB, split]));
    });
  });

  describe('Report 6 (S1MIG-006)', () => {
    it('has only Success or Failure, and one Completion Reason Code per row', async () => {
      const rows = await collect(report6Batches(analyst, { period: DAY }));
      expect(rows).toHaveLength(4);
      for (const r of rows) {
        expect(['success', 'failure']).toContain(r.completionStatus);
        expect(
          r.completionStatus === 'success' ? r.completionCode === null : typeof r.completionCode === 'string',
        ).toBe(true);
      }
      expect(rows.map((r) => r.completedAt?.toISOString())).toEqual(
        [...rows.map((r) => r.completedAt?.toISOString())].sort(),
      );
    });

    it('shows a supplier only the MAs it sent: never the other supplier’s MA on a split supply', async () => {
      const rows = await collect(report6Batches(supplierViewer(a), { period: DAY }));
      expect(rows.map((r) => r.completionCode)).toEqual(['MA106', null]);
      expect(rows.every((r) => r.partyName === 'Alpha Energy')).toBe(true);
      const forged = await collect(report6Batches(supplierViewer(a), { period: DAY, supplier: b }));
      expect(forged).toEqual([]);
    });
  });

  describe('Report 10 (S1MIG-010)', () => {
    it('has one row per reason code, for supplier MAs only (Active installations), never the DCC’s', async () => {
      const rows = await collect(report10Batches(analyst, { period: DAY }));
      expect(rows.map((r) => [r.partyName, r.validationStatus, r.reasonCode])).toEqual([
        ['Alpha Energy', 'accepted', null],
        ['Beta Power', 'accepted', null],
        ['Alpha Energy', 'accepted', null],
        ['Alpha Energy', 'accepted', null],
        ['Beta Power', 'rejected', 'MA008'],
        ['Beta Power', 'rejected', 'MA011'],
      ]);
    });

    it('shows a supplier only its own validation responses', async () => {
      const rows = await collect(report10Batches(supplierViewer(b), { period: WEEK }));
      expect(rows.map((r) => r.reasonCode)).toEqual([null, 'MA008', 'MA011']);
    });
  });

  describe('S1MIG-001 and its reconciliation with Report 6 (MRR v3.0 4.4)', () => {
    it('lists installations migrated on the London day, one row each', async () => {
      const rows = await collect(s1mig001Batches(analyst, { period: DAY }));
      expect(rows.map((r) => r.installationId)).toEqual([onlyA]);
      const next = await collect(
        s1mig001Batches(analyst, { period: { from: '2026-07-07', to: '2026-07-07' } }),
      );
      expect(next.map((r) => r.installationId)).toEqual([onlyB]);
    });

    it('keeps other suppliers’ migrations out of a supplier’s file', async () => {
      const rows = await collect(s1mig001Batches(supplierViewer(b), { period: WEEK }));
      expect(rows.map((r) => r.installationId)).toEqual([onlyB]);
    });
  });

  describe('Report 8 (S1MIG-008)', () => {
    beforeAll(async () => {
      const weeks = ['2026-06-15', '2026-06-22', '2026-06-29', '2026-07-06', '2026-07-13'];
      await handle.db.insert(weeklyDemand).values(
        weeks.flatMap((week, k) => [
          {
            supplierId: a,
            migrationWeek: week,
            forecast: 10,
            committed: 4 + k,
            authorisationsReceived: 99,
            authorisationsValid: 99,
          },
          {
            supplierId: b,
            migrationWeek: week,
            forecast: 10,
            committed: 0,
            authorisationsReceived: 99,
            authorisationsValid: 99,
          },
        ]),
      );
    });

    /** The file's rows as objects by header, as a script reading it by name would. */
    const report8File = async (viewer: Viewer, query: string) => {
      const [header, ...records] = await downloadExport('report-8', viewer, `week=2026-07-06&${query}`);
      return records.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i]])));
    };

    it('covers the four weeks ending with the chosen one, counting the MAs received', async () => {
      const rows = await report8File(supplierViewer(a), '');
      expect(rows.map((r) => r['Migration Week'])).toEqual([
        '2026-06-15',
        '2026-06-22',
        '2026-06-29',
        '2026-07-06',
      ]);
      // A sent three MAs for 2026-07-06, all accepted, against a commitment of 7.
      expect(rows.at(-1)).toMatchObject({
        'Authorising Party': 'Alpha Energy',
        'DCC Migration Commitment': '7',
        'Migration Authorisations Received': '3',
        'Valid Migration Authorisations': '3',
        Difference: '-4',
        'Percentage Of Commitment': '42.9',
      });
      expect(rows.every((r) => r['Authorising Party'] === 'Alpha Energy')).toBe(true);
    });

    it('gives the analyst every party, and no percentage when nothing was committed', async () => {
      const rows = await report8File(analyst, '');
      expect(rows).toHaveLength(8);
      const beta = rows.find(
        (r) => r['Authorising Party'] === 'Beta Power' && r['Migration Week'] === '2026-07-06',
      );
      expect(beta).toMatchObject({
        'Migration Authorisations Received': '2',
        'Valid Migration Authorisations': '1',
        'Percentage Of Commitment': '',
      });
    });

    it('says in the file exactly what the demand page shows, for every party and for one', async () => {
      for (const [viewer, query, supplier] of [
        [analyst, '', undefined],
        [analyst, `supplier=${b}`, b],
        [supplierViewer(a), '', undefined],
      ] as const) {
        const page = await getReport8(viewer, await resolveDemandScope(viewer, '2026-07-06', supplier));
        const onPage = page.parties.flatMap(({ rows }) =>
          rows.map((r) => [
            r.partyName,
            r.migrationWeek,
            String(r.committed),
            String(r.received),
            String(r.accepted),
            String(r.difference),
            r.percentage === null ? '' : String(r.percentage),
          ]),
        );
        const inFile = (await report8File(viewer, query)).map((r) => [
          r['Authorising Party'],
          r['Migration Week'],
          r['DCC Migration Commitment'],
          r['Migration Authorisations Received'],
          r['Valid Migration Authorisations'],
          r.Difference,
          r['Percentage Of Commitment'],
        ]);
        expect(onPage.length).toBeGreaterThan(0);
        expect(inFile).toEqual(onPage);
      }
    });
  });

  describe('Installations export', () => {
    it('holds exactly the rows of every list page, in the list’s order, masked the same way', async () => {
      for (const input of [{}, { sort: 'week', dir: 'asc' }, { status: 'in-progress' }]) {
        const query = installationListSchema.parse(input);
        const exported = await collect(installationBatches(supplierViewer(a), query, 1));
        const page = await listInstallations(supplierViewer(a), query);
        expect(exported.length).toBe(2);
        expect(exported).toEqual(page.rows);
      }
      const [splitRow] = (
        await collect(installationBatches(supplierViewer(a), installationListSchema.parse({})))
      ).filter((r) => r.id === split);
      expect(splitRow?.gasSupplier).toBe('Other supplier');
    });
  });

  it('refuses a supplier’s request for another supplier, and lets an analyst choose', () => {
    expect(exportSupplier(supplierViewer(a), b)).toBeNull();
    expect(exportSupplier(supplierViewer(a), a)).toBe(a);
    expect(exportSupplier(supplierViewer(a), undefined)).toBe(a);
    expect(exportSupplier(analyst, b)).toBe(b);
    expect(exportSupplier(analyst, undefined)).toBeUndefined();
  });
});

describeEachEngine('Report 6 reconciles with S1MIG-001 on generated data (MRR v3.0 4.4)', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  const NOW = new Date('2026-11-25T12:00:00Z');
  const PERIOD = { from: '2026-10-26', to: '2026-11-22' };

  beforeAll(async () => {
    ({ handle, dispose } = await engine.create());
    setDatabase(handle);
    await seedDatabase(handle, { installations: 1_500, seed: 7, now: NOW });
  });
  afterAll(() => dispose());

  async function suppliers(): Promise<number[]> {
    const rows = await queryRows<{ id: number }>(
      handle.db,
      sql`select id::int as id from parties where role = 'supplier' order by id`,
    );
    return rows.map((r) => r.id);
  }

  it('Report 6 successes are S1MIG-001’s installations, for the MCC and for every supplier', async () => {
    const viewers: Viewer[] = [analyst, ...(await suppliers()).map(supplierViewer)];
    let compared = 0;
    for (const viewer of viewers) {
      const successes = (await collect(report6Batches(viewer, { period: PERIOD }))).filter(
        (r) => r.completionStatus === 'success',
      );
      const migrated = await collect(s1mig001Batches(viewer, { period: PERIOD }));
      expect(new Set(successes.map((r) => r.installationId))).toEqual(
        new Set(migrated.map((r) => r.installationId)),
      );
      compared += migrated.length;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('Report 6 holds every failure after MA validation (MCF and MVF included) and every MA validation failure', async () => {
    const failures = await queryRows<{ installation_id: number; code: string; stage: string }>(
      handle.db,
      sql`select installation_id::int as installation_id, code, stage from installation_events
          where status in ('failed', 'rolled-back')
            and occurred_at >= ${'2026-10-26T00:00:00Z'}::timestamptz and occurred_at < ${'2026-11-23T00:00:00Z'}::timestamptz`,
    );
    const report6 = new Set(
      (await collect(report6Batches(analyst, { period: PERIOD })))
        .filter((r) => r.completionStatus === 'failure')
        .map((r) => `${r.installationId}|${r.completionCode}`),
    );
    expect(failures.some((f) => f.stage === 'common-file')).toBe(true);
    expect(failures.some((f) => f.stage === 'authorisation')).toBe(true);
    for (const f of failures)
      expect(report6.has(`${f.installation_id}|${f.code}`), `${f.installation_id} ${f.code}`).toBe(true);
  });

  it('a supplier’s Report 2 is its slice of the MCC’s, and never another supplier’s installation', async () => {
    const all = await collect(report2Batches(analyst, { period: PERIOD }));
    const [first] = await suppliers();
    const mine = await collect(report2Batches(supplierViewer(first as number), { period: PERIOD }));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(all.length);
    const visible = await queryRows<{ id: number }>(
      handle.db,
      sql`select id::int as id from installations where electricity_supplier_id = ${first} or gas_supplier_id = ${first}`,
    );
    const ids = new Set(visible.map((r) => r.id));
    for (const row of mine) expect(ids.has(row.installationId)).toBe(true);
    expect(all.filter((r) => ids.has(r.installationId)).map((r) => r.eventId)).toEqual(
      mine.map((r) => r.eventId),
    );
  });

  it('pages through ties and batch boundaries without losing or repeating a row', async () => {
    const whole = await collect(report2Batches(analyst, { period: PERIOD }));
    const small = await collect(report2Batches(analyst, { period: PERIOD, batchSize: 7 }));
    expect(small.map((r) => r.eventId)).toEqual(whole.map((r) => r.eventId));
    expect(new Set(whole.map((r) => r.eventId)).size).toBe(whole.length);
  });
});
