/**
 * One installation and its whole history: its meters and suppliers, then attempt after attempt (MA, pipeline,
 * outcome) until it migrates, waits, is replaced, or reaches `now`. Every draw comes from the installation's own PRNG
 * stream (seed, id), in a fixed order, so the rows depend only on the seed, the id and `now`.
 */
import { TRIAGE_DEFAULTS } from '@/lib/rules/config';
import { dormantTriageAdvice } from '@/lib/rules/triage';
import type { StageId } from '@/lib/rules/types';
import type { IsoDate } from '@/lib/rules/weeks';
import { type AttemptStart, type Failure, type Outcome, outcomeFor, type Step, stepsFor } from './attempts';
import { authorisingParties, recordAuthorisations } from './authorisations';
import type { SeedContext } from './context';
import { changeOfSupplier, drawMeters, type Meters, newRow } from './meters';
import type { WeightedTable } from './random';
import { resolveGeneratedFailure, storedSection } from './resolution';
import { ANALYST_USER_ID, type InstallationChunk, type InstallationRow } from './rows';
import {
  DAY,
  DEMAND_LEAD_DAYS,
  HOUR,
  MA_LEAD_DAYS,
  MA_SENT_HOURS,
  MAX_ATTEMPTS,
  MINUTE,
  RESCHEDULE_DELAY_HOURS,
  SMSO_ACTION_PENDING_SHARE,
  SUPPLIER_RESCHEDULE_RATE,
  TRIAGE_BACKLOG_SHARE,
  TRIAGE_DELAY_DAYS,
} from './shape';

/** Where the next attempt goes after a failure, and the instant before which none of it can happen. */
interface NextAttempt {
  readonly weekIndex: number;
  readonly earliest: number;
}

function pushEvent(
  ctx: SeedContext,
  out: InstallationChunk,
  row: InstallationRow,
  attempt: number,
  step: Step,
  scenario: string | null = null,
): void {
  out.events.push({
    id: ctx.nextEventId++,
    installationId: row.id,
    attempt,
    occurredAt: step.at,
    stage: step.stage,
    status: step.status,
    code: step.code,
    failedStep: step.failedStep,
    scenario,
    note: step.note,
  });
  row.lastChangedAt = step.at;
}

/** Draws the attempt's MA arrival and Migrate On day in `weekIndex`, and resets the row to the attempt's start. */
function startAttempt(
  ctx: SeedContext,
  row: InstallationRow,
  m: Meters,
  weekIndex: number,
  earliest: number,
): AttemptStart {
  const r = ctx.rng;
  let index = weekIndex;
  let week = ctx.week(index);
  let receivedAt =
    week.startMs -
    r.int(MA_LEAD_DAYS[0], MA_LEAD_DAYS[1]) * DAY +
    r.int(MA_SENT_HOURS[0] * 60, MA_SENT_HOURS[1] * 60) * MINUTE;
  if (receivedAt <= earliest) receivedAt = earliest + r.int(60, 24 * 60) * MINUTE;
  // MA004, MA006: a re-authorisation sent too late for any Migrate On day of its week is for the next week.
  while ((week.dayStartMs[6] as number) < receivedAt + 12 * HOUR) week = ctx.week(++index);
  // MA006: the Migrate On date must be later than the day the MA arrives.
  let day = r.weighted(ctx.weekdayTable);
  while (day < 6 && (week.dayStartMs[day] as number) < receivedAt + 12 * HOUR) day++;
  row.migrationWeek = week.week;
  row.migrateOn = week.days[day] as IsoDate;
  row.stage = 'demand';
  row.status = 'in-progress';
  row.lastCode = null;
  row.lastFailedStep = null;
  row.toBeCommissionedByDcc = m.profile.commissionedByCp;
  return { attempt: row.attemptCount + 1, weekIndex: index, week, day, receivedAt };
}

/**
 * Not authorised yet: the installation sits in its supplier's demand for the week (MEHRS 2.2). Once the MA arrives
 * its own event starts the attempt, so the demand step is only recorded while it is current.
 */
function recordPlanned(
  ctx: SeedContext,
  out: InstallationChunk,
  row: InstallationRow,
  start: AttemptStart,
  earliest: number,
  rescheduled: boolean,
): void {
  const r = ctx.rng;
  // The planned attempt is attempt N on the timeline, so it is counted (a re-queued installation's next attempt).
  row.attemptCount = start.attempt;
  const planned = start.receivedAt - r.int(DEMAND_LEAD_DAYS[0], DEMAND_LEAD_DAYS[1]) * DAY;
  const latest = ctx.nowMs - r.int(1, 72 * 60) * MINUTE;
  pushEvent(ctx, out, row, start.attempt, {
    at: Math.max(Math.min(planned, latest), Math.min(earliest + MINUTE, ctx.nowMs)),
    stage: 'demand',
    status: 'in-progress',
    code: null,
    failedStep: null,
    note: `${rescheduled ? 'Rescheduled into' : 'Planned for'} Migration Week ${start.week.week}`,
  });
}

interface AttemptResult {
  readonly outcome: Outcome;
  readonly done: boolean;
  readonly last: Step;
}

/** MA101 follows an outage that held the MA until it lapsed (MEHRS 2.4.1–2.4.4, 2.5.1, 2.5.4, 2.5.6–2.5.10). */
const EXPIRY_OUTAGES: Partial<Record<StageId, readonly string[]>> = {
  'common-file': ['2.4.1', '2.4.2', '2.4.3', '2.4.4'],
  'sim-cutover': ['2.5.1', '2.5.4', '2.5.6', '2.5.7', '2.5.9', '2.5.10'],
};

/** The failure's scenario from the rules' resolver; an Incident it raises gets the installation linked. */
function resolveStep(ctx: SeedContext, row: InstallationRow, m: Meters, step: Step): string | null {
  if (step.code === null) return null;
  const outages = step.code === 'MA101' ? EXPIRY_OUTAGES[step.stage] : undefined;
  const linked = outages ? ctx.incidents.outageOpenAt(step.stage, m.groupId, step.at, outages) : null;
  const dcc = m.type === 'dormant-dormant' || step.code === 'MA012';
  const resolution = resolveGeneratedFailure(
    {
      code: step.code,
      failedStep: step.failedStep,
      stage: step.stage,
      submittedBy: dcc ? 'dcc' : 'supplier',
    },
    m.profile,
    linked,
  );
  const item = {
    id: row.id,
    electricitySupplierId: row.electricitySupplierId,
    gasSupplierId: row.gasSupplierId,
  };
  ctx.incidents.failure(item, m.groupId, step.stage, step.at, resolution);
  return storedSection(resolution);
}

/** Runs the attempt's pipeline up to `now`; returns its outcome, its last step and whether it reached it. */
function runAttempt(
  ctx: SeedContext,
  out: InstallationChunk,
  row: InstallationRow,
  m: Meters,
  start: AttemptStart,
): AttemptResult {
  row.attemptCount = start.attempt;
  const outcome = outcomeFor(ctx, start.attempt, m.profile);
  const steps = stepsFor(
    ctx,
    start.receivedAt,
    start.week.dayStartMs[start.day] as number,
    outcome,
    m.profile,
  );
  let reached = 0;
  for (const step of steps) {
    if (step.at > ctx.nowMs) break;
    pushEvent(ctx, out, row, start.attempt, step, resolveStep(ctx, row, m, step));
    row.stage = step.stage;
    row.status = step.status;
    reached++;
  }
  return { outcome, done: reached === steps.length, last: steps[steps.length - 1] as Step };
}

/** An Active installation's supplier reschedules it into a later week, or not (waits, or replaces it). */
function supplierReschedule(ctx: SeedContext, outcome: Failure, failedAt: number): NextAttempt | null {
  const r = ctx.rng;
  // MA121: the SMSO cannot reach it after rollback, so it is replaced with SMETS2+, not retried (MEHRS 2.6.5).
  if (TRIAGE_DEFAULTS.replaceCodes.includes(outcome.code) || !r.chance(SUPPLIER_RESCHEDULE_RATE)) return null;
  const weekIndex = ctx.weekIndexOf(failedAt) + r.weighted(ctx.gapTable);
  const earliest = Math.min(
    failedAt + r.int(RESCHEDULE_DELAY_HOURS[0], RESCHEDULE_DELAY_HOURS[1]) * HOUR,
    ctx.nowMs,
  );
  return { weekIndex, earliest };
}

/** MEHRS 4: the MCC triages a failed dormant installation (some wait in its backlog) and may reschedule it. */
function mccTriage(
  ctx: SeedContext,
  out: InstallationChunk,
  row: InstallationRow,
  outcome: Failure,
  start: AttemptStart,
  failedAt: number,
): NextAttempt | null {
  const r = ctx.rng;
  const decidedAt = failedAt + Math.round(r.real(TRIAGE_DELAY_DAYS[0], TRIAGE_DELAY_DAYS[1]) * DAY);
  if (r.chance(TRIAGE_BACKLOG_SHARE) || decidedAt > ctx.nowMs) return null;
  const advice = dormantTriageAdvice(
    {
      installationType: row.installationType,
      lastFailureCode: outcome.code,
      smsoActionPending:
        TRIAGE_DEFAULTS.smsoFixCodes.includes(outcome.code) && r.chance(SMSO_ACTION_PENDING_SHARE),
      lastMigrationWeek: start.week.week,
    },
    start.attempt,
    new Date(decidedAt),
  );
  const moves = advice.decision === 'reschedule' || advice.decision === 'liaise-with-active-supplier';
  const earliestIndex = advice.earliestWeek ? ctx.weekIndexByDate.get(advice.earliestWeek) : undefined;
  const weekIndex =
    moves && earliestIndex !== undefined
      ? Math.min(earliestIndex + r.weighted(ctx.gapTable) - 2, ctx.lastPlannedWeekIndex)
      : -1;
  const scheduled = weekIndex >= 0 && weekIndex <= ctx.lastPlannedWeekIndex;
  out.triageDecisions.push({
    id: ctx.nextTriageId++,
    installationId: row.id,
    decidedAt,
    decidedByUserId: ANALYST_USER_ID,
    decision: advice.decision,
    rescheduledWeek: scheduled ? ctx.week(weekIndex).week : null,
    reason: advice.reasons.join(' '),
  });
  return scheduled ? { weekIndex, earliest: decidedAt } : null;
}

export function generateInstallation(ctx: SeedContext, id: number, out: InstallationChunk): void {
  ctx.rng.reseed(ctx.seed, id);
  let m = drawMeters(ctx, id);
  let maSpecs = authorisingParties(ctx, m);
  const row = newRow(ctx, id, m);

  let weekIndex = ctx.rng.weighted(ctx.firstWeekTables.get(m.groupId) as WeightedTable<number>);
  // Nothing of the next attempt can happen before this instant (the previous failure or triage decision).
  let earliest = Number.NEGATIVE_INFINITY;
  let rescheduled = false;
  for (;;) {
    const start = startAttempt(ctx, row, m, weekIndex, earliest);
    if (start.receivedAt > ctx.nowMs) {
      recordPlanned(ctx, out, row, start, earliest, rescheduled);
      break;
    }
    const result = runAttempt(ctx, out, row, m, start);
    recordAuthorisations(ctx, out, row, m, maSpecs, start, result);
    const { outcome, done, last } = result;
    if (!done || outcome.kind === 'migrated') break;

    // The attempt failed: the current attempt's failure is the installation's last code.
    row.lastCode = outcome.code;
    row.lastFailedStep = outcome.failedStep;
    if (outcome.code === 'MA106') row.toBeCommissionedByDcc = false;
    if (outcome.code === 'MA104' || outcome.code === 'MA105') {
      m = changeOfSupplier(ctx, m, row, outcome.code);
      maSpecs = authorisingParties(ctx, m);
    }
    if (start.attempt >= MAX_ATTEMPTS) break;
    const next =
      m.type === 'active-only'
        ? supplierReschedule(ctx, outcome, last.at)
        : mccTriage(ctx, out, row, outcome, start, last.at);
    if (!next || next.weekIndex > ctx.lastPlannedWeekIndex) break;
    weekIndex = next.weekIndex;
    earliest = next.earliest;
    rescheduled = true;
  }

  out.installations.push(row);
  if (row.status === 'in-progress' && row.stage !== 'demand') {
    const item = {
      id: row.id,
      electricitySupplierId: row.electricitySupplierId,
      gasSupplierId: row.gasSupplierId,
    };
    ctx.incidents.held(item, m.groupId, row.stage, row.lastChangedAt);
  }
}
