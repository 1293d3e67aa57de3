/**
 * One migration attempt: whether it fails, where and with which code (MEHRS 2.3–2.7), and the timed steps it passes
 * through from the MA's arrival to its outcome (with the retry periods of MEHRS 3.1, 3.2 and TMAD 5.16).
 */
import { WINDOW_DEFAULTS } from '@/lib/rules/config';
import type { GroupId, InstallationStatus, StageId } from '@/lib/rules/types';
import { type CodeProfile, codeTableFor } from './catalogue';
import type { SeedContext, WeekInfo } from './context';
import { type WeightedTable, weightedTable } from './random';
import {
  ATTEMPT_FAILURE_RATE,
  COMMISSIONING_FAILED_STEPS,
  DAY,
  DORMANT_FAILURE_FACTOR,
  FAILED_STEPS,
  type FailStage,
  HOUR,
  MINUTE,
  REATTEMPT_FAILURE_FACTOR,
  ROLLED_BACK_CODES,
  SECOND_VALIDATION_CODE_SHARE,
  STEP_MINUTES,
} from './shape';

export interface Failure {
  readonly kind: 'failed';
  readonly stage: FailStage;
  readonly code: string;
  readonly extraCodes: readonly string[];
  readonly failedStep: string | null;
  readonly rolledBack: boolean;
}

export type Outcome = { readonly kind: 'migrated' } | Failure;

export interface Step {
  readonly at: number;
  readonly stage: StageId;
  readonly status: InstallationStatus;
  readonly code: string | null;
  readonly failedStep: string | null;
  readonly note: string | null;
}

/** An attempt that has started: its week, Migrate On day and the MA's arrival. */
export interface AttemptStart {
  readonly attempt: number;
  readonly weekIndex: number;
  readonly week: WeekInfo;
  readonly day: number;
  readonly receivedAt: number;
}

/** The stages an attempt passes through, with the minutes each takes to start after the previous one. */
const PIPELINE: readonly { stage: FailStage; minutes: readonly [number, number] }[] = [
  { stage: 'authorisation', minutes: [0, 0] },
  { stage: 'common-file', minutes: STEP_MINUTES.commonFile },
  { stage: 'sim-cutover', minutes: STEP_MINUTES.simCutover },
  { stage: 'device-validation', minutes: STEP_MINUTES.deviceValidation },
  { stage: 'commissioning', minutes: STEP_MINUTES.commissioning },
];

const FAILURE_NOTES: Readonly<Record<string, string>> = {
  '12.9.1.ET01': 'Device connectivity retries timed out (MEHRS 3.1)',
  MA120: 'SIM swap retries exhausted (MEHRS 3.2)',
  MA106: 'No MA received from the other Active Supplier for the designated week (MAM)',
  MA121: 'Rolled back to the SMSO, which cannot reach the installation (MEHRS 2.6.5)',
  '12.9.5.DP01': 'CHF not commissioned and the incident unresolved: rolled back to the SMSO (MEHRS 2.6.6)',
};

function failedStepFor(ctx: SeedContext, code: string, stage: FailStage): string | null {
  const steps =
    FAILED_STEPS[code] ?? (stage === 'commissioning' && code !== 'MA999' ? COMMISSIONING_FAILED_STEPS : null);
  if (!steps) return null;
  let table = ctx.stepTables.get(code);
  if (!table) {
    table = weightedTable(steps);
    ctx.stepTables.set(code, table);
  }
  return ctx.rng.weighted(table);
}

export function outcomeFor(ctx: SeedContext, attempt: number, p: CodeProfile): Outcome {
  const r = ctx.rng;
  const dormant = p.type !== 'active-only';
  const rate =
    ATTEMPT_FAILURE_RATE[p.groupId] *
    (attempt > 1 ? REATTEMPT_FAILURE_FACTOR : 1) *
    (dormant ? DORMANT_FAILURE_FACTOR : 1);
  if (!r.chance(rate)) return { kind: 'migrated' };
  let stage = r.weighted(ctx.failStageTables.get(p.groupId) as WeightedTable<FailStage>);
  // MEHRS 2.7: commissioning codes come from the Commissioning Party, which only commissions for DCC.
  if (stage === 'commissioning' && !p.commissionedByCp) stage = 'device-validation';
  const table = ctx.codeTable(stage, p, () => codeTableFor(stage, p));
  const code = r.weighted(table);
  const extraCodes: string[] = [];
  if (stage === 'authorisation' && r.chance(SECOND_VALIDATION_CODE_SHARE)) {
    const second = r.weighted(table);
    if (second !== code) extraCodes.push(second);
  }
  const failedStep = failedStepFor(ctx, code, stage);
  const rolledBack = ROLLED_BACK_CODES.includes(code);
  return { kind: 'failed', stage, code, extraCodes, failedStep, rolledBack };
}

/** The failure step of an attempt that fails at `stage`, which it entered at `startedAt`. */
function failureStep(ctx: SeedContext, outcome: Failure, startedAt: number, groupId: GroupId): Step {
  const range = outcome.stage === 'authorisation' ? STEP_MINUTES.validationResponse : STEP_MINUTES.failure;
  let at = startedAt + ctx.rng.int(range[0], range[1]) * MINUTE;
  // The retry periods of MEHRS 3.1/3.2 and the DCO's 48 hours (TMAD 5.16) set how long these failures take.
  if (outcome.code === '12.9.1.ET01') at = startedAt + (ctx.connectivityTimeoutMs.get(groupId) ?? DAY);
  else if (outcome.code === 'MA120') at = startedAt + ctx.simSwapTimeoutMs;
  else if (outcome.failedStep === '5.16') at = startedAt + WINDOW_DEFAULTS.dcoMefDiscardHours * HOUR;
  return {
    at,
    stage: outcome.stage,
    status: outcome.rolledBack ? 'rolled-back' : 'failed',
    code: outcome.code,
    failedStep: outcome.failedStep,
    note: outcome.rolledBack
      ? 'Rolled back to the SMSO (MEHRS 2.6.5)'
      : (FAILURE_NOTES[outcome.code] ?? null),
  };
}

/** The attempt's steps, in time order, from the MA's arrival to its outcome (MEHRS 2.3–2.7; 3.1, 3.2 retries). */
export function stepsFor(
  ctx: SeedContext,
  receivedAt: number,
  dayStart: number,
  outcome: Outcome,
  p: CodeProfile,
): Step[] {
  const r = ctx.rng;
  const groupId = p.groupId;
  const failure = outcome.kind === 'failed' ? outcome : null;
  const steps: Step[] = [];
  let at = receivedAt;
  for (const { stage, minutes } of PIPELINE) {
    // MEHRS 1.3: an Active installation the DCC does not commission migrates at a successful SCF; its supplier
    // commissions its own devices, outside the migration.
    if (stage === 'commissioning' && !p.commissionedByCp) break;
    if (stage === 'common-file') {
      at = Math.max(at + 30 * MINUTE, dayStart + r.int(minutes[0], minutes[1]) * MINUTE);
    } else if (stage !== 'authorisation') {
      at += r.int(minutes[0], minutes[1]) * MINUTE;
    }
    // Routine transitions carry no note (the stage says it all): at 10M installations notes cost gigabytes.
    steps.push({ at, stage, status: 'in-progress', code: null, failedStep: null, note: null });
    if (failure && failure.stage === stage) {
      steps.push(failureStep(ctx, failure, at, groupId));
      return steps;
    }
  }
  const range = STEP_MINUTES.migrated;
  at += r.int(range[0], range[1]) * MINUTE;
  steps.push({ at, stage: 'migrated', status: 'migrated', code: null, failedStep: null, note: null });
  return steps;
}
