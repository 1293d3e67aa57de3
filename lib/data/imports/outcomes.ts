/**
 * Outcome files: the S1SP Commissioning File (MEHRS 2.6), the Commissioning Outcome File (2.7.5, 2.7.7; one per
 * Responsible Supplier, MRR v3.0 4.7) and the MA Completion Response (S1MIG-006). Each row moves its installation's
 * current attempt as lib/rules/file-outcomes.ts decides; a replayed or out-of-order row is reported, not applied.
 */
import { sql } from 'drizzle-orm';
import { reasonCode, tmadStepReference } from '@/lib/rules/codes';
import { decideOutcome, type OutcomeReport, outcomeScenario } from '@/lib/rules/file-outcomes';
import type { StageId } from '@/lib/rules/types';
import { ChunkChanges, type ChunkResult, type ImportContext, type KindHandler } from './handler';
import type {
  CommissioningOutcomeRow,
  CommissioningRow,
  CompletionRow,
  FileImportProblem,
  MeterPoints,
} from './rows';
import {
  flushInstallations,
  type InstallationState,
  loadInstallations,
  rows as query,
  resolve,
} from './store';

type Line = MeterPoints & { readonly line: number };

/** Pass 1 for every outcome kind: each row names one existing installation (and, for a COF, one it supplies). */
function checkWith<R extends Line>(
  extra?: (ctx: ImportContext, row: R, s: InstallationState) => FileImportProblem | null,
) {
  return async (ctx: ImportContext, rows: readonly R[]): Promise<FileImportProblem[]> => {
    const index = await loadInstallations(ctx.tx, rows);
    const problems: FileImportProblem[] = [];
    for (const row of rows) {
      const found = resolve(index, row);
      if (!found.ok) problems.push({ line: row.line, column: found.column, message: found.message });
      else {
        const problem = extra?.(ctx, row, found.installation);
        if (problem) problems.push(problem);
      }
    }
    return problems;
  };
}

/** Applies each row's report through decideOutcome, one row after another against the chunk's running state. */
async function applyReports<R extends Line>(
  ctx: ImportContext,
  rows: readonly R[],
  report: (row: R, state: InstallationState) => OutcomeReport,
  note: (row: R) => string,
  after?: (row: R, state: InstallationState) => void,
): Promise<ChunkResult & { appliedRows: R[]; states: Map<R, InstallationState> }> {
  const index = await loadInstallations(ctx.tx, rows);
  const changes = new ChunkChanges();
  const skipped: FileImportProblem[] = [];
  const appliedRows: R[] = [];
  const states = new Map<R, InstallationState>();
  for (const row of rows) {
    const found = resolve(index, row);
    if (!found.ok) throw new Error(`line ${row.line}: ${found.message}`);
    const state = found.installation;
    states.set(row, state);
    const r = report(row, state);
    const decision = decideOutcome(state, r);
    if (!decision.apply) {
      skipped.push({ line: row.line, column: null, message: decision.message });
      continue;
    }
    for (const step of decision.steps) {
      state.stage = step.stage;
      state.status = step.status;
      if (step.status !== 'in-progress' && step.status !== 'migrated') {
        state.lastCode = step.code;
        state.lastFailedStep = step.failedStep;
      }
      const isOutcome = step === decision.steps[decision.steps.length - 1];
      changes.record(state, {
        ...step,
        scenario:
          step.status === 'failed' || step.status === 'rolled-back'
            ? outcomeScenario(step.code, step.failedStep)
            : null,
        note: isOutcome ? note(row) : null,
      });
    }
    after?.(row, state);
    appliedRows.push(row);
  }
  await flushInstallations(ctx.tx, changes.installations(), changes.events, ctx.now);
  return { applied: appliedRows.length, skipped, appliedRows, states };
}

// --- S1SP Commissioning File --------------------------------------------------------------------------------

/** A failed SCF row fails at its FailedStepNumber's stage when the TMAD reference names one (MEHRS 2.5.8, 2.6). */
function scfFailureStage(row: CommissioningRow): StageId {
  const ref = row.failedStep ? tmadStepReference(row.failedStep) : undefined;
  return ref && ref.stage !== 'commissioning' ? ref.stage : 'device-validation';
}

export const commissioningHandler: KindHandler<'commissioning'> = {
  check: checkWith<CommissioningRow>(),
  async apply(ctx, rows) {
    const result = await applyReports(
      ctx,
      rows,
      (row) =>
        row.outcome === 'commissioned'
          ? {
              migrationWeek: row.migrationWeek,
              stage: 'commissioning',
              status: 'in-progress',
              code: null,
              failedStep: null,
            }
          : {
              migrationWeek: row.migrationWeek,
              stage: scfFailureStage(row),
              status: row.outcome === 'rolled-back' ? 'rolled-back' : 'failed',
              code: row.errorCode,
              failedStep: row.failedStep,
            },
      (row) =>
        [
          row.outcome === 'commissioned'
            ? `S1SP Commissioning File: devices validated; to be commissioned by ${row.toBeCommissionedByDcc ? 'the Commissioning Party for DCC' : 'the Responsible Supplier'}`
            : `S1SP Commissioning File: ${row.outcome}`,
          row.supportingData ? `SupportingData: ${row.supportingData}` : null,
        ]
          .filter(Boolean)
          .join('. '),
      (row, state) => {
        state.toBeCommissionedByDcc = row.toBeCommissionedByDcc;
      },
    );
    return { applied: result.applied, skipped: result.skipped };
  },
};

// --- Commissioning Outcome File -----------------------------------------------------------------------------

export const commissioningOutcomesHandler: KindHandler<'commissioning-outcomes'> = {
  check: checkWith<CommissioningOutcomeRow>((ctx, row, s) => {
    const party = ctx.suppliers.get(row.secPartyId);
    if (party !== undefined && (s.electricitySupplierId === party || s.gasSupplierId === party)) return null;
    return {
      line: row.line,
      column: 'sec_party_id',
      message: `${row.secPartyId} is not a Responsible Supplier of the installation (MRR v3.0 4.7: one file per supplier).`,
    };
  }),
  async apply(ctx, rows) {
    const index = await loadInstallations(ctx.tx, rows);
    const ids = [...new Set([...index.byMpan.values(), ...index.byMprn.values()].map((st) => st.id))];
    const received = await query<{ installation_id: string | number; attempt: number }>(
      ctx.tx,
      sql`SELECT installation_id, attempt FROM commissioning_outcome_receipts
          WHERE party_signifier = ${rows[0]?.secPartyId ?? ''}
            AND installation_id IN (SELECT json_array_elements_text(${JSON.stringify(ids)}::json)::bigint)`,
    );
    const seen = new Set(received.map((r) => `${r.installation_id}|${r.attempt}`));
    const replays: FileImportProblem[] = [];
    const fresh = rows.filter((row) => {
      const found = resolve(index, row);
      if (found.ok && seen.has(`${found.installation.id}|${found.installation.attemptCount}`)) {
        replays.push({
          line: row.line,
          column: null,
          message: `Already applied: ${row.secPartyId}'s Commissioning Outcome for this attempt was received before.`,
        });
        return false;
      }
      return true;
    });
    const result = await applyReports(
      ctx,
      fresh,
      (row) =>
        row.outcome === 'commissioned'
          ? {
              migrationWeek: row.migrationWeek,
              stage: 'commissioning',
              status: 'in-progress',
              code: null,
              failedStep: null,
              confirmsStage: true,
            }
          : {
              migrationWeek: row.migrationWeek,
              stage: 'commissioning',
              status: 'failed',
              code: row.responseCode,
              failedStep: row.failedStep,
            },
      (row) =>
        `Commissioning Outcome File ${row.fileCounter} from ${row.secPartyId}: ${row.outcome}` +
        (row.requestName ? ` (${row.requestName})` : ''),
    );
    const receipts = result.appliedRows.map((row) => ({
      id: result.states.get(row)?.id,
      attempt: result.states.get(row)?.attemptCount,
    }));
    if (receipts.length > 0) {
      await ctx.tx.execute(sql`
        INSERT INTO commissioning_outcome_receipts (installation_id, attempt, party_signifier, file_import_id)
        SELECT r.id, r.attempt, ${rows[0]?.secPartyId ?? ''}, ${ctx.fileImportId}
        FROM json_to_recordset(${JSON.stringify(receipts)}::json) AS r(id bigint, attempt smallint)
        ON CONFLICT DO NOTHING`);
    }
    return { applied: result.applied, skipped: [...replays, ...result.skipped] };
  },
};

// --- MA Completion Response ---------------------------------------------------------------------------------

interface OpenMa {
  id: number;
  installation_id: number;
  week: string;
  completion_status: string | null;
}

/**
 * S1MIG-006: the MA(s) of the attempt get their Completion Status and one Completion Reason Code; the installation's
 * attempt ends there (migrated, or failed at the code's stage) unless it already ended.
 */
export const completionsHandler: KindHandler<'completions'> = {
  check: checkWith<CompletionRow>(),
  async apply(ctx, rows) {
    const index = await loadInstallations(ctx.tx, rows);
    const ids = [...new Set([...index.byMpan.values(), ...index.byMprn.values()].map((s) => s.id))];
    const mas = await query<OpenMa>(
      ctx.tx,
      sql`SELECT id, installation_id, to_char(migration_week, 'YYYY-MM-DD') AS week, completion_status
          FROM migration_authorisations
          WHERE validation_status = 'accepted'
            AND installation_id IN (SELECT json_array_elements_text(${JSON.stringify(ids)}::json)::bigint)`,
    );
    const completed: { id: number; status: string; code: string | null }[] = [];
    const skipped: FileImportProblem[] = [];
    const open = (row: CompletionRow, state: InstallationState) =>
      mas.filter((m) => Number(m.installation_id) === state.id && m.week === row.migrationWeek);
    const withMa = rows.filter((row) => {
      const found = resolve(index, row);
      const state = found.ok ? found.installation : undefined;
      const mine = state ? open(row, state) : [];
      const pending = mine.filter((m) => m.completion_status === null);
      if (mine.length === 0) {
        skipped.push({
          line: row.line,
          column: null,
          message: `Out of order: no accepted Migration Authorisation for Migration Week ${row.migrationWeek}.`,
        });
        return false;
      }
      if (pending.length === 0) {
        skipped.push({
          line: row.line,
          column: null,
          message: 'Already applied: the MA Completion Response was received before.',
        });
        return false;
      }
      for (const m of pending) {
        m.completion_status = row.status;
        completed.push({ id: Number(m.id), status: row.status, code: row.reasonCode });
      }
      return true;
    });
    if (completed.length > 0) {
      await ctx.tx.execute(sql`
        UPDATE migration_authorisations AS m SET completion_status = c.status::ma_completion_status,
          completion_code = c.code, completed_at = ${ctx.now.toISOString()}::timestamptz
        FROM json_to_recordset(${JSON.stringify(completed)}::json) AS c(id bigint, status text, code text)
        WHERE m.id = c.id`);
    }
    // The MAs are completed whatever the installation's state; the installation moves only if its attempt is open.
    const moved = await applyReports(
      ctx,
      withMa,
      (row, state) => ({
        migrationWeek: row.migrationWeek,
        stage:
          row.status === 'success' ? 'migrated' : (reasonCode(row.reasonCode ?? '')?.stage ?? state.stage),
        status: row.status === 'success' ? 'migrated' : 'failed',
        code: row.reasonCode,
        failedStep: null,
        final: true,
      }),
      (row) =>
        `MA Completion Response: ${row.status === 'success' ? 'Success' : `Failure (${row.reasonCode})`}`,
    );
    const notMoved = moved.skipped.filter((p) => !p.message.startsWith('Already applied'));
    const notes = notMoved.map((p) => ({
      ...p,
      message: `MA completed; installation not moved. ${p.message}`,
    }));
    return { applied: withMa.length, skipped, notes };
  },
};
