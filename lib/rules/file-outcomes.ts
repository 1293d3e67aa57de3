/**
 * What an outcome file row does to an installation's current attempt (S1SP Commissioning File, MEHRS 2.6; the
 * Commissioning Outcome File, 2.7.5/2.7.7; the MA Completion Response, MRR S1MIG-006).
 *
 * Our reading (the file specifications are not in the documents):
 * - A row is about one attempt, named by its Migration Week. A row for another week, or for an installation with no
 *   attempt under way (still in Demand), arrived out of order and is reported, not applied.
 * - A row moves the attempt forward only: an attempt already past the row's stage, or already ended (migrated,
 *   failed, rolled back), is not moved again. A row that says exactly what already happened is a replay.
 * - The MA Completion Response is the attempt's final word: a failure is recorded at its reason code's stage even
 *   when the installation had got further (MA1xx codes are found "at a different time", seed 000 4.3.2).
 * - An attempt that skips stages whose files are not imported (MCF, MCVF, MGF) enters the row's stage first, so the
 *   timeline shows where the outcome happened.
 */
import { errorCode, reasonCode, tmadStepReference } from './codes';
import { scenario } from './scenarios';
import { stageIndex } from './stages';
import type { InstallationStatus, StageId } from './types';
import type { IsoDate } from './weeks';

export interface AttemptState {
  readonly stage: StageId;
  readonly status: InstallationStatus;
  readonly migrationWeek: IsoDate | null;
  readonly lastCode: string | null;
}

export interface OutcomeReport {
  readonly migrationWeek: IsoDate;
  readonly stage: StageId;
  readonly status: InstallationStatus;
  readonly code: string | null;
  readonly failedStep: string | null;
  /** The MA Completion Response: the attempt's final outcome, recorded at its code's stage. */
  readonly final?: boolean;
  /**
   * A report that confirms the stage the attempt is already in (a Commissioning Outcome File after the S1SP's, one per
   * supplier) applies again; its caller tells replays apart. Otherwise reaching the current stage again is a replay.
   */
  readonly confirmsStage?: boolean;
}

export interface OutcomeStep {
  readonly stage: StageId;
  readonly status: InstallationStatus;
  readonly code: string | null;
  readonly failedStep: string | null;
}

export type OutcomeDecision =
  | { readonly apply: true; readonly steps: readonly OutcomeStep[] }
  | { readonly apply: false; readonly reason: 'replay' | 'out-of-order'; readonly message: string };

const ENDED: Readonly<Record<Exclude<InstallationStatus, 'in-progress'>, string>> = {
  migrated: 'is already migrated',
  failed: 'already failed',
  'rolled-back': 'was already rolled back',
};

function skip(reason: 'replay' | 'out-of-order', message: string): OutcomeDecision {
  return { apply: false, reason, message };
}

/** Whether and how an outcome row moves the installation's current attempt (see the module comment). */
export function decideOutcome(state: AttemptState, report: OutcomeReport): OutcomeDecision {
  if (state.stage === 'demand' || state.migrationWeek !== report.migrationWeek) {
    const current =
      state.stage === 'demand'
        ? 'has no attempt under way'
        : `is in an attempt for Migration Week ${state.migrationWeek ?? 'none'}`;
    return skip(
      'out-of-order',
      `Out of order: the installation ${current}, not Migration Week ${report.migrationWeek}.`,
    );
  }
  if (state.status !== 'in-progress') {
    const same =
      state.status === report.status &&
      state.stage === report.stage &&
      (report.status === 'migrated' || state.lastCode === report.code);
    const where =
      state.status === 'migrated' ? '' : ` at ${state.stage}${state.lastCode ? ` (${state.lastCode})` : ''}`;
    return same
      ? skip('replay', `Already applied: the installation ${ENDED[state.status]}${where}.`)
      : skip('out-of-order', `Out of order: the installation ${ENDED[state.status]}${where}.`);
  }
  const behind = stageIndex(state.stage) > stageIndex(report.stage);
  if (behind && !report.final) {
    return skip(
      'out-of-order',
      `Out of order: the installation is already at ${state.stage}, past ${report.stage}.`,
    );
  }
  if (state.stage === report.stage && report.status === 'in-progress' && !report.confirmsStage) {
    return skip('replay', `Already applied: the installation is already at ${state.stage}.`);
  }
  const outcome: OutcomeStep = {
    stage: report.stage,
    status: report.status,
    code: report.code,
    failedStep: report.failedStep,
  };
  const enters =
    !behind && state.stage !== report.stage && report.status !== 'in-progress' && report.stage !== 'migrated';
  const entry: OutcomeStep = { stage: report.stage, status: 'in-progress', code: null, failedStep: null };
  return { apply: true, steps: enters ? [entry, outcome] : [outcome] };
}

/** The MEHRS section 2 scenario a failure falls under, from its code, else its FailedStepNumber; null if none. */
export function outcomeScenario(code: string | null, failedStep: string | null): string | null {
  const section =
    (code ? (reasonCode(code)?.section ?? errorCode(code)?.section) : undefined) ??
    (failedStep ? tmadStepReference(failedStep)?.section : undefined);
  return section && scenario(section) ? section : null;
}
