/**
 * Dormant meter triage (MEHRS section 4).
 *
 * When an installation with a Dormant Meter fails, the Migration Control Centre considers whether it can be scheduled
 * for a later date, taking into account "the failure reason recorded from the last attempt; the number of times
 * Migration has been attempted ...; and the actions that may be taken by the SMETS1 SMSO" (MEHRS 4.1, 4.2).
 * - Dormant/Dormant (4.1): the MCC triages the error and includes the installation in a subsequent Migration Week
 *   itself.
 * - Active/Dormant (4.2): the MCC liaises with the Active Meter's supplier, who must include it in a later week.
 * In both, the Responsible Supplier(s) are told of the failure and the failed step.
 * - Active-only installations are not triaged by the MCC (their supplier reschedules, MEHRS 2.3.2): that includes an
 *   installation whose dormant meter became Active (MA107). dormantTriageAdvice throws a RangeError for them; call
 *   isTriageable first.
 *
 * MEHRS 4 gives the three factors, not their weights. Our reading weighs them together, in this order:
 * 1. a meter became Active (MA012, MA107): liaise with its supplier, whatever the attempts;
 * 2. the failure was on the DCC side (dccSideCodes): the installation is not at fault, so it is never excluded;
 * 3. an SMSO action is pending: wait for it, whatever the code or attempts ("the actions that may be taken by the
 *    SMETS1 SMSO");
 * 4. MA121 (SMSO cannot reach it after rollback, MEHRS 2.6.5): ask the SMSO whether it can restore communications;
 *    exclude (replace with SMETS2+) only once the attempts also reach the review threshold;
 * 5. attempts at the review threshold (an assumption, TriageConfig.exclusionReviewAttempts): a failure the SMSO could
 *    fix goes back to the SMSO once more; any other is advised for exclusion;
 * 6. otherwise reschedule (Dormant/Dormant) or liaise with the Active supplier (Active/Dormant), with a warning when
 *    the failure needs the SMSO and no SMSO action is recorded.
 * The decision depends on the attempts only through "at or above the threshold", so a queue can be counted by advice
 * from (type, code, failed step, attempts capped at the threshold, SMSO pending) groups.
 */
import { describeCode } from './codes';
import { TRIAGE_DEFAULTS, type TriageConfig } from './config';
import type { InstallationType } from './types';
import {
  addMigrationWeeks,
  calendarDaysBetween,
  type IsoDate,
  isValidMigrationWeek,
  migrationWeekOf,
} from './weeks';

/** What the MCC can decide for a failed installation with a Dormant Meter (stored values: never rename one). */
export const TRIAGE_DECISIONS = [
  'reschedule',
  'await-smso',
  'liaise-with-active-supplier',
  'exclude',
] as const;
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number];

export const TRIAGE_DECISION_LABELS: Record<TriageDecision, string> = {
  reschedule: 'Reschedule',
  'await-smso': 'Await SMSO action',
  'liaise-with-active-supplier': 'Liaise with the Active supplier',
  exclude: 'Exclude',
};

/** The installation types MEHRS section 4 covers. */
export const TRIAGEABLE_TYPES = ['active-dormant', 'dormant-dormant'] as const;
export type TriageableType = (typeof TRIAGEABLE_TYPES)[number];

/** What triage needs to know about a failed installation. */
export interface TriageInstallation {
  /** Active/Dormant make-up (MEHRS 4.1, 4.2). 'active-only' is not triaged. */
  readonly installationType: InstallationType;
  /** The failure reason recorded from the last attempt: a reason code (MAxxx), an error code (e.g. 12.9.1.ET01), a
   * DSP/S1SP code or a TMAD FailedStepNumber; null when none was recorded. */
  readonly lastFailureCode: string | null;
  /** The FailedStepNumber (or SCF error code) reported with it: MA115 "Failure SCF Received" means nothing without
   * it (MEHRS 2.5.8, 2.6.2-2.6.6). */
  readonly lastFailedStep?: string | null;
  /** True when the SMSO has been asked to act on the installation and has not yet confirmed it is done. */
  readonly smsoActionPending: boolean;
  /** The Migration Week of the last attempt (a Monday), if known: the next attempt must be in a later week. */
  readonly lastMigrationWeek?: IsoDate | null;
}

export interface TriageAdvice {
  readonly decision: TriageDecision;
  /** The earliest Migration Week the installation could go into: at least the week after `now`, and after the last
   * attempted week. Absent when the advice is to exclude. */
  readonly earliestWeek?: IsoDate;
  /** Plain-English reasons, most important first. */
  readonly reasons: readonly string[];
}

/** MEHRS 4: only installations with a Dormant Meter are triaged by the Migration Control Centre. */
export function isTriageable(installationType: InstallationType): installationType is TriageableType {
  return installationType === 'active-dormant' || installationType === 'dormant-dormant';
}

function formatWeek(week: IsoDate): string {
  return `the Migration Week beginning Monday ${week}`;
}

function describeFailure(code: string | null, step: string | null): string {
  const at = step ? ` at FailedStepNumber ${step}` : '';
  if (code === null) {
    return step
      ? `The last attempt failed at FailedStepNumber ${step}.`
      : 'No failure reason was recorded for the last attempt.';
  }
  const d = describeCode(code);
  if (d.kind === 'unknown') return `The last attempt failed with ${d.code}${at}.`;
  return `The last attempt failed with ${d.code} (${d.description.trim().replace(/\.$/, '')})${at}.`;
}

function attemptsText(attempts: number, threshold: number): string {
  const times = attempts === 1 ? 'once' : `${attempts} times`;
  return `Migration has been attempted ${times} (exclusion is considered from ${threshold}, an MCC assumption).`;
}

function toldText(step: string | null): string {
  return `The Responsible Supplier(s) are told of the failure and the failed step${step ? ` (FailedStepNumber ${step})` : ''}.`;
}

/** The earliest week (MEHRS 4.1 "a subsequent Migration Week"): after now, and after the last attempted week. */
export function earliestTriageWeek(now: Date, lastMigrationWeek?: IsoDate | null): IsoDate {
  const nextWeek = addMigrationWeeks(migrationWeekOf(now), 1);
  const afterLast = lastMigrationWeek ? addMigrationWeeks(lastMigrationWeek, 1) : nextWeek;
  return calendarDaysBetween(nextWeek, afterLast) > 0 ? afterLast : nextWeek;
}

/** Why `week` cannot take a rescheduled installation whose earliest week is `earliest`, or null when it can. */
export function rescheduleWeekProblem(week: IsoDate, earliest: IsoDate): string | null {
  if (!isValidMigrationWeek(week)) return `${week} is not a Migration Week (a Monday).`;
  if (calendarDaysBetween(earliest, week) < 0) {
    return `${formatWeek(week)} is before the earliest eligible week, ${earliest}.`;
  }
  return null;
}

function normalise(code: string | null | undefined): string | null {
  return code?.trim().toUpperCase() || null;
}

function validate(installation: TriageInstallation, attempts: number, now: Date): void {
  if (!isTriageable(installation.installationType)) {
    throw new RangeError(
      `Only installations with a Dormant Meter are triaged (MEHRS 4); got '${installation.installationType}': ` +
        'its supplier authorises it again (MEHRS 2.3.2)',
    );
  }
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new RangeError(
      `attempts must be a whole number of at least 1 (triage follows a failure): ${attempts}`,
    );
  }
  if (Number.isNaN(now.getTime())) throw new RangeError('Invalid now Date');
  const last = installation.lastMigrationWeek;
  if (last != null && !isValidMigrationWeek(last)) {
    throw new RangeError(`lastMigrationWeek is not a Monday: ${JSON.stringify(last)}`);
  }
}

/**
 * MEHRS 4.1 / 4.2: the Migration Control Centre's triage advice for a failed installation with a Dormant Meter.
 * `attempts` is the number of migration attempts so far (at least 1: triage follows a failure).
 */
export function dormantTriageAdvice(
  installation: TriageInstallation,
  attempts: number,
  now: Date,
  config: TriageConfig = TRIAGE_DEFAULTS,
): TriageAdvice {
  validate(installation, attempts, now);
  const code = normalise(installation.lastFailureCode);
  const step = normalise(installation.lastFailedStep);
  const has = (list: readonly string[]) =>
    list.some((c) => {
      const wanted = c.toUpperCase();
      return wanted === code || wanted === step;
    });
  const failure = describeFailure(code, step);
  const count = attemptsText(attempts, config.exclusionReviewAttempts);
  const told = toldText(step);
  const earliestWeek = earliestTriageWeek(now, installation.lastMigrationWeek);
  const dormantDormant = installation.installationType === 'dormant-dormant';
  const needsSmso = has(config.smsoFixCodes);
  const atThreshold = attempts >= config.exclusionReviewAttempts;

  // MEHRS 4.2: the MCC reschedules Dormant/Dormant itself; for Active/Dormant the Active supplier must do it.
  const schedule = (first: readonly string[]): TriageAdvice =>
    dormantDormant
      ? {
          decision: 'reschedule',
          earliestWeek,
          reasons: [
            ...first,
            'Both meters are dormant, so the Migration Control Centre will include the installation in ' +
              `${formatWeek(earliestWeek)} or a later one itself (MEHRS 4.1).`,
            told,
          ],
        }
      : {
          decision: 'liaise-with-active-supplier',
          earliestWeek,
          reasons: [
            ...first,
            'The installation has an Active meter, so the Migration Control Centre will liaise with its supplier, ' +
              `who must include the installation in a Migration Authorisation for ${formatWeek(earliestWeek)} or ` +
              'later (MEHRS 4.2).',
            told,
          ],
        };
  const awaitSmso = (why: string): TriageAdvice => ({
    decision: 'await-smso',
    earliestWeek,
    reasons: [failure, why, count, told],
  });

  // 1. A.1 MA012 / MA107: a meter now has an Active supplier, who must authorise it (whatever the attempts).
  if (has(config.nowActiveCodes)) {
    return {
      decision: 'liaise-with-active-supplier',
      earliestWeek,
      reasons: [
        failure,
        'A meter at the installation now has an Active supplier, so the DCC cannot authorise it as dormant: the ' +
          'Migration Control Centre will liaise with that supplier, who must include the installation in a ' +
          `Migration Authorisation for ${formatWeek(earliestWeek)} or later (MEHRS 4.2).`,
        count,
        told,
      ],
    };
  }

  // 2. A DCC-side failure says nothing about the installation: it never counts towards exclusion.
  if (has(config.dccSideCodes)) {
    if (installation.smsoActionPending) {
      return awaitSmso(
        'An SMSO action on the installation is pending; migrating before it is done would fail again (MA114), so ' +
          `the installation should be rescheduled once the SMSO confirms it, no earlier than ${formatWeek(earliestWeek)}.`,
      );
    }
    return schedule([
      failure,
      'The failure was on the DCC side, not at the installation, so this attempt does not count against it.',
      count,
    ]);
  }

  // 3. MEHRS 4: "the actions that may be taken by the SMETS1 SMSO": wait for a pending one.
  if (installation.smsoActionPending) {
    return awaitSmso(
      needsSmso || has(config.replaceCodes)
        ? 'This failure needs the SMSO to act, and an SMSO action is pending: the installation should be ' +
            `rescheduled once the SMSO confirms it is done, no earlier than ${formatWeek(earliestWeek)}.`
        : 'An SMSO action on the installation is pending; migrating before it is done would fail again (MA114), ' +
            `so the installation should be rescheduled once the SMSO confirms it, no earlier than ${formatWeek(earliestWeek)}.`,
    );
  }

  // 4. MEHRS 2.6.5 / A.1 MA121: the SMSO could not reach it after rollback.
  if (has(config.replaceCodes)) {
    if (!atThreshold) {
      return awaitSmso(
        'The SMSO could not communicate with the installation after the rollback: ask the SMSO whether it can ' +
          'restore communications (MEHRS 2.6.5); if it cannot, replacing the installation with a SMETS2+ meter ' +
          'should be considered.',
      );
    }
    return {
      decision: 'exclude',
      reasons: [
        failure,
        count,
        'The SMSO could not communicate with the installation after the rollback and Migration has been attempted ' +
          'as often as the MCC allows: it should not be scheduled again, and replacing it with a SMETS2+ meter ' +
          'should be considered (MEHRS 2.6.5).',
        told,
      ],
    };
  }

  // 5. MEHRS 4: the number of times Migration has been attempted, weighed with what the SMSO can do.
  if (atThreshold) {
    if (needsSmso) {
      return awaitSmso(
        'Migration has been attempted as often as the MCC allows, but this failure is one the SMSO can fix and no ' +
          'SMSO action is recorded: ask the SMSO before deciding to exclude the installation.',
      );
    }
    return {
      decision: 'exclude',
      reasons: [
        failure,
        count,
        'The installation keeps failing at the installation itself: it should not be scheduled again, and ' +
          'replacing it with a SMETS2+ meter should be considered.',
        told,
      ],
    };
  }

  // 6. MEHRS 4.1 / 4.2.
  const smsoWarning = needsSmso
    ? [
        'This failure usually needs the SMSO to act, and no SMSO action is recorded: ask the SMSO to investigate ' +
          'before the next attempt, or the same failure is likely to recur.',
      ]
    : [];
  return schedule([failure, count, ...smsoWarning]);
}

/** What a decision did to one installation: applied, skipped (already decided), or refused (not eligible). */
export const TRIAGE_OUTCOMES = ['done', 'skipped', 'refused'] as const;
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number];

/** One installation's line in a decision's report. */
export interface TriageOutcomeItem {
  readonly installationId: number;
  /** MPAN or MPRN. */
  readonly label: string;
  readonly outcome: TriageOutcome;
  /** Why it was skipped or refused; null when done. */
  readonly why: string | null;
}
