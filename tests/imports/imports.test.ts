import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows, setDatabase } from '@/db/client';
import {
  authorisationRollups,
  fileImportContents,
  fileImports,
  installationEvents,
  installations,
  migrationAuthorisations,
} from '@/db/schema';
import { IMPORT_COLUMNS } from '@/lib/data/imports/kinds';
import { ImportNotAllowedError } from '@/lib/data/imports/pipeline';
import { listPlan } from '@/lib/data/split-supply-plan';
import { designateWeek, publishCalendar } from '@/lib/data/split-supply-writes';
import { describeEachEngine } from '../support/engines';
import { analyst, createInstallation, createSmso, createSupplier } from '../support/factories';
import { createDcc, csv, fingerprint, importText, NOW, rollupsExact } from './support';

const HEAD = (kind: keyof typeof IMPORT_COLUMNS) => IMPORT_COLUMNS[kind].join(',');

describeEachEngine('File imports', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let smso: number;
  let alpha: { id: number; secPartyId: string | null };
  let beta: { id: number; secPartyId: string | null };

  beforeAll(async () => {
    ({ handle, dispose } = await engine.create());
    smso = (await createSmso(handle.db)).id;
    alpha = await createSupplier(handle.db, 'Alpha');
    beta = await createSupplier(handle.db, 'Beta');
    await createDcc(handle.db);
  }, 180_000);
  afterAll(() => dispose());

  const planned = (supplier = alpha.id, week = '2026-11-30') =>
    createInstallation(handle.db, {
      smsoPartyId: smso,
      electricitySupplierId: supplier,
      gasSupplierId: supplier,
      stage: 'demand',
      status: 'in-progress',
      migrationWeek: week,
    });
  const inFlight = (stage: 'device-validation' | 'commissioning', week = '2026-11-23') =>
    createInstallation(handle.db, {
      smsoPartyId: smso,
      electricitySupplierId: alpha.id,
      gasSupplierId: beta.id,
      stage,
      status: 'in-progress',
      migrationWeek: week,
    });
  const stateOf = async (id: number) => {
    const [row] = await handle.db.select().from(installations).where(eq(installations.id, id));
    return row;
  };
  const maLine = (sec: string, mpan: string, mprn: string, week = '2026-11-30', on = '2026-12-01') =>
    `${sec},${week},${on},${mpan},${mprn},0A1|Issuer CA,0B2|Issuer CA,0C3|Issuer CA,N,,`;

  it('a valid Migration Authorisation starts the attempt, answers accepted and counts for Report 8 (MEHRS 2.3.2)', async () => {
    const inst = await planned();
    const text = csv([
      HEAD('authorisations'),
      maLine(alpha.secPartyId ?? '', inst.mpan ?? '', inst.mprn ?? ''),
    ]);
    const outcome = await importText(handle.db, 'authorisations', text);
    expect(outcome).toMatchObject({ status: 'applied', rowsTotal: 1, rowsAccepted: 1, rowsRejected: 0 });
    const [ma] = await handle.db
      .select()
      .from(migrationAuthorisations)
      .where(eq(migrationAuthorisations.installationId, inst.id));
    expect(ma).toMatchObject({
      validationStatus: 'accepted',
      validationCodes: [],
      migrationWeek: '2026-11-30',
    });
    expect(await stateOf(inst.id)).toMatchObject({
      stage: 'authorisation',
      status: 'in-progress',
      attemptCount: 1,
    });
    // Report 8 counts it from the MAs themselves (the authorisation_rollups trigger): the rollup for its party and
    // week equals a live count of those MAs, which includes this one.
    const [received] = await handle.db
      .select({ count: authorisationRollups.count })
      .from(authorisationRollups)
      .where(
        and(
          eq(authorisationRollups.authorisingPartyId, alpha.id),
          eq(authorisationRollups.migrationWeek, '2026-11-30'),
          eq(authorisationRollups.validationStatus, 'accepted'),
          eq(authorisationRollups.code, ''),
        ),
      );
    const live = await handle.db
      .select({ id: migrationAuthorisations.id })
      .from(migrationAuthorisations)
      .where(
        and(
          eq(migrationAuthorisations.authorisingPartyId, alpha.id),
          eq(migrationAuthorisations.migrationWeek, '2026-11-30'),
          eq(migrationAuthorisations.validationStatus, 'accepted'),
        ),
      );
    expect(live.length).toBeGreaterThanOrEqual(1);
    expect(Number(received?.count)).toBe(live.length);
    expect(await rollupsExact(handle.db)).toBe(true);
  });

  it('a well-formed MA that fails MEHRS validation is data: rejected response with its codes, attempt failed (MA006)', async () => {
    const inst = await planned();
    // Migrate On 2026-11-23 is before today (2026-11-24): MA004 (week ended? no) and MA006.
    const text = csv([
      HEAD('authorisations'),
      maLine(alpha.secPartyId ?? '', inst.mpan ?? '', inst.mprn ?? '', '2026-11-23', '2026-11-23'),
    ]);
    const outcome = await importText(handle.db, 'authorisations', text);
    expect(outcome.status).toBe('applied');
    const [ma] = await handle.db
      .select()
      .from(migrationAuthorisations)
      .where(eq(migrationAuthorisations.installationId, inst.id));
    expect(ma?.validationStatus).toBe('rejected');
    expect(ma?.validationCodes).toEqual(['MA006']);
    expect(await stateOf(inst.id)).toMatchObject({
      stage: 'authorisation',
      status: 'failed',
      lastCode: 'MA006',
    });
  });

  it('a malformed file is rejected with every problem by line and column, nothing changes, and the file is kept', async () => {
    const inst = await planned();
    const good = maLine(alpha.secPartyId ?? '', inst.mpan ?? '', inst.mprn ?? '');
    const text = csv([
      HEAD('authorisations'),
      good,
      maLine(alpha.secPartyId ?? '', '12345', inst.mprn ?? ''),
      good.replace('2026-12-01', '2026-13-01'),
      good.replace(',N,,', ',maybe,,'),
      `"unclosed,${good}`,
    ]);
    const before = await fingerprint(handle.db);
    const outcome = await importText(handle.db, 'authorisations', text);
    expect(outcome.status).toBe('rejected');
    expect(outcome.problems.slice(0, 3)).toEqual([
      { line: 3, column: 'mpan', message: "'12345' is not an MPAN (13 digits)." },
      { line: 4, column: 'migrate_on', message: "'2026-13-01' is not a date (YYYY-MM-DD)." },
      { line: 5, column: 'priority', message: "'maybe' must be Y or N." },
    ]);
    expect(outcome.problems[3]).toMatchObject({ line: 6, column: null });
    expect(outcome.rowsTotal).toBe(outcome.rowsAccepted + outcome.rowsRejected);
    expect(outcome.rowsRejected).toBe(4);
    expect(await fingerprint(handle.db)).toEqual(before);
    const [kept] = await handle.db
      .select()
      .from(fileImportContents)
      .where(eq(fileImportContents.fileImportId, outcome.id));
    expect(kept?.gzip.length).toBeGreaterThan(0);
  });

  it('a wrong header rejects the file on line 1', async () => {
    const outcome = await importText(
      handle.db,
      'demand',
      csv(['supplier,week,commitment', 'X,2026-11-30,1']),
    );
    expect(outcome.status).toBe('rejected');
    expect(outcome.problems[0]).toMatchObject({ line: 1, column: null });
    expect(outcome.problems[0]?.message).toContain('missing sec_party_id');
  });

  it('the same file twice changes nothing the second time and answers with the first outcome', async () => {
    const text = csv([HEAD('demand'), `${alpha.secPartyId},2027-01-04,120`]);
    const first = await importText(handle.db, 'demand', text);
    const before = await fingerprint(handle.db);
    const second = await importText(handle.db, 'demand', text, undefined, 'renamed.csv');
    expect(second).toMatchObject({ id: first.id, alreadyImported: true, status: 'applied' });
    expect(await fingerprint(handle.db)).toEqual(before);
    const stored = await handle.db
      .select()
      .from(fileImports)
      .where(
        eq(
          fileImports.sha256,
          (await handle.db.select().from(fileImports).where(eq(fileImports.id, first.id)))[0]?.sha256 ?? '',
        ),
      );
    expect(stored).toHaveLength(1);
  });

  it('another supplier’s identical file is refused without a word about it (found by the isolation matrix)', async () => {
    const betas = await planned(beta.id);
    const text = csv([
      HEAD('authorisations'),
      maLine(beta.secPartyId ?? '', betas.mpan ?? '', betas.mprn ?? ''),
    ]);
    const asBeta = { userId: null, supplierId: beta.id };
    const first = await importText(handle.db, 'authorisations', text, asBeta, 'beta-private.csv');
    const before = await fingerprint(handle.db);
    const asAlpha = importText(handle.db, 'authorisations', text, { userId: null, supplierId: alpha.id });
    await expect(asAlpha).rejects.toThrow(ImportNotAllowedError);
    await expect(asAlpha).rejects.not.toThrow(/beta-private|Beta/);
    expect(await fingerprint(handle.db)).toEqual(before);
    // Beta itself, and the MCC, are answered with Beta's first outcome.
    expect(await importText(handle.db, 'authorisations', text, asBeta)).toMatchObject({ id: first.id });
    expect(await importText(handle.db, 'authorisations', text)).toMatchObject({ id: first.id });
  });

  it('a supplier cannot submit for another supplier, nor name another supplier’s installation', async () => {
    const mine = await planned(alpha.id);
    const theirs = await planned(beta.id);
    const text = csv([
      HEAD('authorisations'),
      maLine(beta.secPartyId ?? '', mine.mpan ?? '', mine.mprn ?? ''),
      maLine(alpha.secPartyId ?? '', theirs.mpan ?? '', ''),
      maLine(alpha.secPartyId ?? '', '1999999999999', ''),
    ]);
    const before = await fingerprint(handle.db);
    const outcome = await importText(handle.db, 'authorisations', text, {
      userId: null,
      supplierId: alpha.id,
    });
    expect(outcome.status).toBe('rejected');
    expect(outcome.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'sec_party_id'],
      [3, 'mpan'],
      [4, 'mpan'],
    ]);
    // Another supplier's installation answers exactly like one that does not exist.
    expect(outcome.problems[1]?.message).toBe(`MPAN ${theirs.mpan} is not one of your installations.`);
    expect(outcome.problems[2]?.message).toBe('MPAN 1999999999999 is not one of your installations.');
    expect(await fingerprint(handle.db)).toEqual(before);
    await expect(
      importText(handle.db, 'demand', csv([HEAD('demand')]), { userId: null, supplierId: alpha.id }),
    ).rejects.toThrow(ImportNotAllowedError);
  });

  it('an S1SP Commissioning File moves the attempt on, records a failure with its code, and reports replays (MEHRS 2.6.2)', async () => {
    const ok = await inFlight('device-validation');
    const bad = await inFlight('device-validation');
    const text = csv([
      HEAD('commissioning'),
      `${ok.mpan},,2026-11-23,commissioned,,,,Y`,
      `${bad.mpan},,2026-11-23,failed,,12.9.1.ET01,No WAN after 48 hours,N`,
    ]);
    const outcome = await importText(handle.db, 'commissioning', text);
    expect(outcome).toMatchObject({ status: 'applied', rowsTotal: 2, rowsSkipped: 0 });
    expect(await stateOf(ok.id)).toMatchObject({
      stage: 'commissioning',
      status: 'in-progress',
      toBeCommissionedByDcc: true,
    });
    expect(await stateOf(bad.id)).toMatchObject({
      stage: 'device-validation',
      status: 'failed',
      lastCode: '12.9.1.ET01',
    });
    const events = await handle.db
      .select()
      .from(installationEvents)
      .where(eq(installationEvents.installationId, bad.id));
    expect(events.map((e) => [e.stage, e.status, e.code, e.scenario])).toEqual([
      ['device-validation', 'failed', '12.9.1.ET01', '2.6.2'],
    ]);
    // The same rows in another file (another SHA-256): reported, not applied twice.
    const before = await fingerprint(handle.db);
    const replay = await importText(handle.db, 'commissioning', `${text}\n`);
    expect(replay).toMatchObject({ status: 'applied', rowsTotal: 2, rowsAccepted: 2, rowsSkipped: 2 });
    expect(replay.notices.map((n) => n.line)).toEqual([2, 3]);
    expect(replay.notices[1]?.message).toContain('Already applied');
    expect(await fingerprint(handle.db)).toEqual(before);
    expect(await rollupsExact(handle.db)).toBe(true);
  });

  it('an outcome row for another Migration Week, or for an installation that does not exist, is out of order / rejected', async () => {
    const inst = await inFlight('device-validation');
    const before = await fingerprint(handle.db);
    const outOfOrder = await importText(
      handle.db,
      'commissioning',
      csv([HEAD('commissioning'), `${inst.mpan},,2026-11-16,commissioned,,,,N`]),
    );
    expect(outOfOrder).toMatchObject({ status: 'applied', rowsSkipped: 1 });
    expect(outOfOrder.notices[0]?.message).toContain('Out of order');
    const missing = await importText(
      handle.db,
      'commissioning',
      csv([HEAD('commissioning'), '1888888888888,,2026-11-23,commissioned,,,,N']),
    );
    expect(missing.status).toBe('rejected');
    expect(missing.problems).toEqual([
      { line: 2, column: 'mpan', message: 'No installation has MPAN 1888888888888.' },
    ]);
    expect(await fingerprint(handle.db)).toEqual(before);
  });

  it('a split-supply installation arrives in two Commissioning Outcome Files, one per supplier; counters are checked (MRR v3.0 4.7)', async () => {
    const inst = await inFlight('commissioning');
    const file = (sec: string, counter: number, extra = '') =>
      csv([
        HEAD('commissioning-outcomes'),
        `${sec},${counter},${inst.mpan},,2026-11-23,commissioned,,,${extra}`,
      ]);
    const a1 = await importText(handle.db, 'commissioning-outcomes', file(alpha.secPartyId ?? '', 1));
    const b1 = await importText(handle.db, 'commissioning-outcomes', file(beta.secPartyId ?? '', 1));
    expect([a1.rowsSkipped, b1.rowsSkipped]).toEqual([0, 0]);
    const a3 = await importText(handle.db, 'commissioning-outcomes', file(alpha.secPartyId ?? '', 3, 'x'));
    expect(a3.rowsSkipped).toBe(1);
    expect(a3.notices.map((n) => n.message)).toEqual([
      expect.stringContaining('File counter gap'),
      expect.stringContaining('Already applied'),
    ]);
    const other = await createSupplier(handle.db, 'Gamma');
    const wrong = await importText(handle.db, 'commissioning-outcomes', file(other.secPartyId ?? '', 1));
    expect(wrong.status).toBe('rejected');
    expect(wrong.problems[0]).toMatchObject({ line: 2, column: 'sec_party_id' });
  });

  it('an MA Completion Response completes the MA and migrates the installation; a replay is reported (S1MIG-006)', async () => {
    const inst = await planned();
    await importText(
      handle.db,
      'authorisations',
      csv([HEAD('authorisations'), maLine(alpha.secPartyId ?? '', inst.mpan ?? '', inst.mprn ?? '')]),
    );
    const text = csv([HEAD('completions'), `${inst.mpan},,2026-11-30,success,`]);
    const outcome = await importText(handle.db, 'completions', text);
    expect(outcome).toMatchObject({ status: 'applied', rowsSkipped: 0 });
    expect(await stateOf(inst.id)).toMatchObject({ stage: 'migrated', status: 'migrated' });
    const [ma] = await handle.db
      .select()
      .from(migrationAuthorisations)
      .where(eq(migrationAuthorisations.installationId, inst.id));
    expect(ma).toMatchObject({ completionStatus: 'success', completionCode: null });
    const replay = await importText(handle.db, 'completions', `${text}\n`);
    expect(replay.rowsSkipped).toBe(1);
    const failed = await importText(
      handle.db,
      'completions',
      csv([HEAD('completions'), `${inst.mpan},,2026-11-30,failure,MA777`]),
    );
    expect(failed.problems[0]).toMatchObject({ line: 2, column: 'reason_code' });
  });

  it('a demand commitment file sets DCC’s commitment; restating it is a replay (MEHRS 2.2.1)', async () => {
    const outcome = await importText(
      handle.db,
      'demand',
      csv([HEAD('demand'), `${beta.secPartyId},2027-02-01,300`, `${beta.secPartyId},2027-02-08,310`]),
    );
    expect(outcome).toMatchObject({ status: 'applied', rowsTotal: 2, rowsSkipped: 0 });
    const again = await importText(
      handle.db,
      'demand',
      csv([HEAD('demand'), `${beta.secPartyId},2027-02-01,300`, `${beta.secPartyId},2027-02-08,320`]),
    );
    expect(again.rowsSkipped).toBe(1);
    const rows = await queryRows<{ committed: number }>(
      handle.db,
      sql`SELECT committed FROM weekly_demand WHERE supplier_id = ${beta.id} ORDER BY migration_week`,
    );
    expect(rows.map((r) => Number(r.committed))).toEqual([300, 320]);
  });

  it('flags a split-supply MA for a week other than the designated one on arrival, to the supplier and the MCC (MAM)', async () => {
    setDatabase(handle);
    const split = await createInstallation(handle.db, {
      smsoPartyId: smso,
      electricitySupplierId: alpha.id,
      gasSupplierId: beta.id,
      stage: 'demand',
      status: 'in-progress',
      migrationWeek: '2026-11-30',
    });
    await designateWeek(
      analyst,
      { target: 'installation', installationId: split.id, filter: {}, week: '2026-11-30' },
      NOW,
    );
    await publishCalendar(analyst, NOW);
    // Alpha sends its MA for the week after the designated one; Beta for the designated week.
    const alphaFile = await importText(
      handle.db,
      'authorisations',
      csv([
        HEAD('authorisations'),
        maLine(alpha.secPartyId ?? '', split.mpan ?? '', '', '2026-12-07', '2026-12-08'),
      ]),
      { userId: null, supplierId: alpha.id },
    );
    expect(alphaFile).toMatchObject({ status: 'applied', rowsAccepted: 1 });
    expect(alphaFile.notices).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'migration_week',
        message: expect.stringMatching(
          /2026-12-07 is not the week the MCC designated for this installation \(2026-11-30\)/,
        ),
      }),
    ]);
    const betaFile = await importText(
      handle.db,
      'authorisations',
      csv([HEAD('authorisations'), maLine(beta.secPartyId ?? '', '', split.mprn ?? '')]),
      { userId: null, supplierId: beta.id },
    );
    expect(betaFile).toMatchObject({ status: 'applied', notices: [] });
    // The MCC's calendar page lists the off-calendar week beside the designated one.
    const [pairLow, pairHigh] = [alpha.id, beta.id].sort((x, y) => x - y) as [number, number];
    const plan = await listPlan(analyst, { pair: [pairLow, pairHigh] }, undefined, NOW);
    const row = plan.rows.find((r) => r.id === split.id);
    expect(row?.offCalendarWeeks).toEqual(['2026-12-07']);
    expect(row?.weeks).toEqual([expect.objectContaining({ week: '2026-11-30', gas: 'received' })]);
  });

  it('rejects a large file for one bad last line, naming the line, quickly and with nothing changed', async () => {
    // 3,000 rows (six chunks) keeps CI fast; `npm run bench:imports` measures the same at 1,000,000
    // (docs/performance.md).
    const rows = 3_000;
    const base = 1_600_000_000_000;
    await handle.db.execute(sql`
      INSERT INTO installations (mpan, group_id, smso_party_id, electricity_supplier_id, electricity_state,
        installation_type, migration_week, stage, status, attempt_count)
      SELECT (${base}::bigint + n)::text, 'AA', ${smso}, ${alpha.id}, 'active', 'active-only', DATE '2026-11-23',
        'device-validation', 'in-progress', 1
      FROM generate_series(1, ${rows}::int) AS n`);
    const lines = [HEAD('commissioning')];
    for (let n = 1; n < rows; n++) lines.push(`${base + n},,2026-11-23,commissioned,,,,N`);
    lines.push('15,,2026-11-23,commissioned,,,,N');
    const before = await fingerprint(handle.db);
    const started = performance.now();
    const outcome = await importText(
      handle.db,
      'commissioning',
      csv(lines),
      undefined,
      'scf-large-bad.csv',
      5000,
    );
    const seconds = (performance.now() - started) / 1000;
    expect(outcome).toMatchObject({ status: 'rejected', rowsTotal: rows, rowsRejected: 1, problemCount: 1 });
    expect(outcome.problems).toEqual([
      expect.objectContaining({ line: rows + 1, column: 'mpan', message: expect.stringMatching(/MPAN/) }),
    ]);
    expect(await fingerprint(handle.db)).toEqual(before);
    // Generous for a loaded CI machine: the file is checked in one streaming pass and nothing is applied.
    expect(seconds).toBeLessThan(60);
  }, 300_000);
});
