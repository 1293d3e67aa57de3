/**
 * Migration Authorisation files (MEHRS 2.3.2): each well-formed MA is validated with the rules module's
 * validateMigrationAuthorisation (MA001–MA018) against the installations in the database, and recorded with its
 * MA Validation Response (Report 10); the authorisation_rollups trigger counts it as received for Report 8.
 */
import { sql } from 'drizzle-orm';
import {
  type MigrationAuthorisationItem,
  type RegisteredInstallation,
  validateMigrationAuthorisation,
} from '@/lib/rules/ma-validation';
import { offCalendarWeeks } from '@/lib/rules/split-supply';
import { ChunkChanges, type ChunkResult, type ImportContext, type KindHandler } from './handler';
import type { AuthorisationRow, FileImportProblem } from './rows';
import {
  flushInstallations,
  type InstallationIndex,
  type InstallationState,
  loadInstallations,
  publishedDesignations,
} from './store';

function registered(state: InstallationState, secOf: ReadonlyMap<number, string>): RegisteredInstallation {
  const active = (supplierId: number | null, meterState: string | null) =>
    supplierId !== null && meterState === 'active' ? (secOf.get(supplierId) ?? null) : null;
  return {
    mpan: state.mpan,
    mprn: state.mprn,
    mpanMeterTypes: state.mpan ? ['ESME'] : [],
    mprnMeterTypes: state.mprn ? ['GSME', 'GPF'] : [],
    esmeActiveSupplierId: active(state.electricitySupplierId, state.electricityState),
    gsmeActiveSupplierId: active(state.gasSupplierId, state.gasState),
    blocked: state.blocked,
  };
}

function item(row: AuthorisationRow): MigrationAuthorisationItem {
  return {
    mpan: row.mpan,
    mprn: row.mprn,
    supplierId: row.secPartyId,
    submittedBy: row.submittedBy,
    migrationWeek: row.migrationWeek,
    migrateOn: row.migrateOn,
    esmeSupplierCertificateIds: row.esmeCertificateIds,
    gsmeSupplierCertificateIds: row.gsmeCertificateIds,
    gpfSupplierCertificateIds: row.gpfCertificateIds,
    esmeSupplierId: row.esmeSupplierId,
    gsmeSupplierId: row.gsmeSupplierId,
  };
}

function installationOf(index: InstallationIndex, row: AuthorisationRow): InstallationState | undefined {
  return (
    (row.mpan ? index.byMpan.get(row.mpan) : undefined) ?? (row.mprn ? index.byMprn.get(row.mprn) : undefined)
  );
}

/** A supplier upload: only its own MAs, only for installations it supplies (other ones answer like unknown ones). */
async function check(ctx: ImportContext, rows: readonly AuthorisationRow[]): Promise<FileImportProblem[]> {
  const problems: FileImportProblem[] = [];
  const own = ctx.actor.supplierId;
  if (rows.some((r) => r.submittedBy === 'dcc') && ctx.dccPartyId === null)
    problems.push({ line: 1, column: 'sec_party_id', message: 'No DCC party is configured for DCC MAs.' });
  if (own === null) return problems;
  const ownSec = ctx.secOf.get(own) ?? '';
  const index = await loadInstallations(ctx.tx, rows);
  const mine = (s: InstallationState | undefined) =>
    s !== undefined && (s.electricitySupplierId === own || s.gasSupplierId === own);
  for (const row of rows) {
    if (row.secPartyId !== ownSec)
      problems.push({
        line: row.line,
        column: 'sec_party_id',
        message: `You can only submit Migration Authorisations as ${ownSec}, not '${row.secPartyId}'.`,
      });
    if (row.mpan && !mine(index.byMpan.get(row.mpan)))
      problems.push({
        line: row.line,
        column: 'mpan',
        message: `MPAN ${row.mpan} is not one of your installations.`,
      });
    if (row.mprn && !mine(index.byMprn.get(row.mprn)))
      problems.push({
        line: row.line,
        column: 'mprn',
        message: `MPRN ${row.mprn} is not one of your installations.`,
      });
  }
  return problems;
}

/**
 * A valid MA starts the installation's next attempt in its Migration Week; an invalid one ends that attempt at
 * authorisation with its first reason code (the seed's timeline shape). An installation already in an attempt
 * (a second MA for a split-supply or dual-fuel installation) or migrated is not moved; its MA is still recorded.
 */
function moveInstallation(
  changes: ChunkChanges,
  state: InstallationState,
  row: AuthorisationRow,
  codes: readonly string[],
): void {
  const open = state.stage === 'demand' || state.status === 'failed' || state.status === 'rolled-back';
  if (!open) return;
  state.attemptCount += 1;
  state.migrationWeek = row.migrationWeek;
  state.migrateOn = row.migrateOn;
  state.priority = state.priority || row.priority;
  state.stage = 'authorisation';
  state.status = 'in-progress';
  state.lastCode = null;
  state.lastFailedStep = null;
  const received = `Migration Authorisation from ${row.secPartyId} for Migration Week ${row.migrationWeek}`;
  changes.record(state, {
    stage: 'authorisation',
    status: 'in-progress',
    code: null,
    failedStep: null,
    scenario: null,
    note: received,
  });
  const first = codes[0];
  if (first === undefined) return;
  state.status = 'failed';
  state.lastCode = first;
  changes.record(state, {
    stage: 'authorisation',
    status: 'failed',
    code: first,
    failedStep: null,
    scenario: '2.3.2',
    note: `MA Validation Response: rejected (${codes.join(', ')})`,
  });
}

/**
 * MAM: a supplier's MA for a split-supply installation belongs in the Migration Week the MCC designated and
 * published. One for another week (or before any designation) is accepted as data, as every MA is, and flagged on
 * arrival: a notice on the import for whoever submitted it, and an off-calendar week on the MCC's calendar page.
 */
function offCalendarNotice(
  row: AuthorisationRow,
  designated: readonly string[] | undefined,
): FileImportProblem | null {
  if (
    offCalendarWeeks([{ migrationWeek: row.migrationWeek, validationStatus: 'accepted' }], designated ?? [])
      .length === 0
  )
    return null;
  const current = designated?.at(-1);
  return {
    line: row.line,
    column: 'migration_week',
    message: current
      ? `Split supply: Migration Week ${row.migrationWeek} is not the week the MCC designated for this installation (${current}). The MA is recorded; both suppliers' MAs must be for the designated week, or the migration fails with MA106.`
      : `Split supply: the MCC has not designated a Migration Week for this installation yet, so ${row.migrationWeek} is off the calendar. The MA is recorded; the MCC co-ordinates the week for both suppliers.`,
  };
}

async function apply(ctx: ImportContext, rows: readonly AuthorisationRow[]): Promise<ChunkResult> {
  const index = await loadInstallations(ctx.tx, rows);
  const splitIds = [
    ...new Set(
      [...index.byMpan.values(), ...index.byMprn.values()].filter((s) => s.splitSupply).map((s) => s.id),
    ),
  ];
  const designations = await publishedDesignations(ctx.tx, splitIds);
  const notes: FileImportProblem[] = [];
  const registry = (find: Map<string, InstallationState>) => (key: string) => {
    const state = find.get(key);
    return state ? registered(state, ctx.secOf) : undefined;
  };
  const byInstallation = new Map<number, MigrationAuthorisationItem[]>();
  const items = rows.map((row) => {
    const it = item(row);
    const state = installationOf(index, row);
    if (state) byInstallation.set(state.id, [...(byInstallation.get(state.id) ?? []), it]);
    return it;
  });
  const changes = new ChunkChanges();
  const authorisations: unknown[] = [];
  rows.forEach((row, i) => {
    const it = items[i] as MigrationAuthorisationItem;
    const state = installationOf(index, row);
    // MA018 compares MAs for the same installation in the same submission: those in this chunk.
    const submission = state ? byInstallation.get(state.id) : undefined;
    const result = validateMigrationAuthorisation(it, {
      today: ctx.today,
      findByMpan: registry(index.byMpan),
      findByMprn: registry(index.byMprn),
      ...(submission && submission.length > 1 ? { submission } : {}),
    });
    const codes = result.failures.map((f) => f.code);
    const partyId = row.submittedBy === 'dcc' ? ctx.dccPartyId : ctx.suppliers.get(row.secPartyId);
    authorisations.push({
      installation_id: state?.id ?? null,
      party: partyId,
      mpan: row.mpan,
      mprn: row.mprn,
      week: row.migrationWeek,
      migrate_on: row.migrateOn,
      status: result.valid ? 'accepted' : 'rejected',
      codes,
    });
    if (state) moveInstallation(changes, state, row, codes);
    if (state?.splitSupply && row.submittedBy !== 'dcc') {
      const notice = offCalendarNotice(row, designations.get(state.id));
      if (notice) notes.push(notice);
    }
  });
  await ctx.tx.execute(sql`
    INSERT INTO migration_authorisations (installation_id, authorising_party_id, mpan, mprn, migration_week,
      migrate_on, received_at, validation_status, validation_codes)
    SELECT a.installation_id, a.party, a.mpan, a.mprn, a.week, a.migrate_on, ${ctx.now.toISOString()}::timestamptz,
      a.status::ma_validation_status, ARRAY(SELECT json_array_elements_text(a.codes))
    FROM json_to_recordset(${JSON.stringify(authorisations)}::json) AS a(installation_id bigint, party integer,
      mpan text, mprn text, week date, migrate_on date, status text, codes json)`);
  await flushInstallations(ctx.tx, changes.installations(), changes.events, ctx.now);
  return { applied: rows.length, skipped: [], notes };
}

export const authorisationsHandler: KindHandler<'authorisations'> = { check, apply };
