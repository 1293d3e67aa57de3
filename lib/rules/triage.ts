/**
 * Dormant meter triage (MEHRS section 4).
 *
 * When an installation with a Dormant Meter fails, the Migration Control Centre considers whether it can be scheduled
 * for a later date, taking into account "the failure reason recorded from the last attempt; the number of times
 * Migration has been attempted ...; and the actions that may be taken by the SMETS1 SMSO" (MEHRS 4.1, 4.2).
 * - Dormant/Dormant (4.1): the MCC triages the error and includes the installation in a subsequent Migration Week
 *   itself.
 * - Active/Dormant (4.2): the MCC liaises with the Active Meter's supplier, who must include it in a later week.
 * - Active-only installations are not triaged by the MCC (their supplier reschedules, MEHRS 2.x): dormantTriageAdvice
 *   throws a RangeError for them; call isTriageable first.
 *
 * The advice, in this order of precedence (our reading; MEHRS 4 gives the factors, not the weights):
 * 1. 'exclude' when the last failure means the installation must be replaced with SMETS2+ (MA121, MEHRS 2.6.5);
 * 2. 'exclude' when it has been attempted maxAttempts times or more (TRIAGE_DEFAULTS.maxAttempts, to be confirmed);
 * 3. 'liaise-with-active-supplier' when the last failure says a meter has become Active (MA012, MA107);
 * 4. 'await-smso' when an SMSO action is pending, whatever the code: migrating while the SMSO is still working on the
 *    installation would fail again (MA114 "Installation is currently being updated / configured by SMSO");
 * 5. otherwise 'reschedule' (Dormant/Dormant) or 'liaise-with-active-supplier' (Active/Dormant), with a warning when
 *    the last failure needs the SMSO to act and no SMSO action is recorded.
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

export type TriageDecision = 'reschedule' | 'await-smso' | 'liaise-with-active-supplier' | 'exclude';

/** What triage needs to know about a failed installation. */
export interface TriageInstallation {
  /** Active/Dormant make-up (MEHRS 4.1, 4.2). 'active-only' is not triaged. */
  readonly installationType: InstallationType;
  /** The failure reason recorded from the last attempt: a reason code (MAxxx), an error code (e.g. 12.9.1.ET01), a
   * DSP/S1SP code or a TMAD FailedStepNumber; null when none was recorded. */
  readonly lastFailureCode: string | null;
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
export function isTriageable(installationType: InstallationType): boolean {
  return installationType === 'active-dormant' || installationType === 'dormant-dormant';
}

function formatWeek(week: IsoDate): string {
  return `the Migration Week beginning Monday ${week}`;
}

function describeFailure(code: string | null): string {
  if (code === null || code.trim() === '') return 'No failure reason was recorded for the last attempt.';
  const d = describeCode(code);
  if (d.kind === 'unknown') return `The last attempt failed with ${d.code}.`;
  return `The last attempt failed with ${d.code} (${d.description.trim().replace(/\.$/, '')}).`;
}

function attemptsText(attempts: number, max: number): string {
  const times = attempts === 1 ? 'once' : `${attempts} times`;
  return `Migration has been attempted ${times} (the limit is ${max}).`;
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
  if (!isTriageable(installation.installationType)) {
    throw new RangeError(
      `Only installations with a Dormant Meter are triaged (MEHRS 4); got '${installation.installationType}'`,
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

  const code = installation.lastFailureCode?.trim().toUpperCase() || null;
  const failure = describeFailure(installation.lastFailureCode);
  const count = attemptsText(attempts, config.maxAttempts);
  const has = (list: readonly string[]) => code !== null && list.some((c) => c.toUpperCase() === code);

  // Earliest week: the week after now, and after the last attempted week (MEHRS 4.1 "a subsequent Migration Week").
  const nextWeek = addMigrationWeeks(migrationWeekOf(now), 1);
  const afterLast = last ? addMigrationWeeks(last, 1) : nextWeek;
  const earliestWeek = calendarDaysBetween(nextWeek, afterLast) > 0 ? afterLast : nextWeek;

  // 1. MEHRS 2.6.5 / A.1 MA121: the SMSO cannot reach it after rollback: replace with SMETS2+.
  if (has(config.replaceCodes)) {
    return {
      decision: 'exclude',
      reasons: [
        failure,
        'The SMSO could not communicate with the installation after the rollback, so it should not be migrated ' +
          'again: the supplier should liaise with the SMSO about replacing it with a SMETS2+ meter (MEHRS 2.6.5).',
        count,
      ],
    };
  }

  // 2. MEHRS 4: the number of times Migration has been attempted.
  if (attempts >= config.maxAttempts) {
    return {
      decision: 'exclude',
      reasons: [
        `Migration has been attempted ${attempts} times, which reaches the limit of ${config.maxAttempts}: the ` +
          'installation should not be scheduled again, and replacing it with a SMETS2+ meter should be considered.',
        failure,
      ],
    };
  }

  // 3. A.1 MA012 / MA107: a meter of the installation now has an Active supplier, who must authorise it.
  if (has(config.nowActiveCodes)) {
    return {
      decision: 'liaise-with-active-supplier',
      earliestWeek,
      reasons: [
        failure,
        'A meter at the installation now has an Active supplier, so the DCC cannot authorise it as dormant: the ' +
          'Migration Control Centre will liaise with that supplier, who must include the installation in a ' +
          `Migration Authorisation for ${formatWeek(earliestWeek)} or later.`,
        count,
      ],
    };
  }

  const needsSmso = has(config.smsoFixCodes);

  // 4. MEHRS 4: "the actions that may be taken by the SMETS1 SMSO": wait for a pending one.
  if (installation.smsoActionPending) {
    return {
      decision: 'await-smso',
      earliestWeek,
      reasons: [
        failure,
        needsSmso
          ? 'This failure needs the SMSO to act, and an SMSO action is pending: the installation should be ' +
            'rescheduled once the SMSO confirms it is done, no earlier than ' +
            `${formatWeek(earliestWeek)}.`
          : 'An SMSO action on the installation is pending; migrating before it is done would fail again (MA114), ' +
            `so the installation should be rescheduled once the SMSO confirms it, no earlier than ${formatWeek(earliestWeek)}.`,
        count,
      ],
    };
  }

  const smsoWarning = needsSmso
    ? [
        'This failure usually needs the SMSO to act, and no SMSO action is recorded: ask the SMSO to investigate ' +
          'before the next attempt, or the same failure is likely to recur.',
      ]
    : [];

  // 5a. MEHRS 4.1 Dormant/Dormant: the MCC reschedules it itself.
  if (installation.installationType === 'dormant-dormant') {
    return {
      decision: 'reschedule',
      earliestWeek,
      reasons: [
        failure,
        count,
        ...smsoWarning,
        'Both meters are dormant, so the Migration Control Centre will include the installation in ' +
          `${formatWeek(earliestWeek)} or a later one itself (MEHRS 4.1). The Responsible Supplier(s) are told of ` +
          'the failure and the failed step.',
      ],
    };
  }

  // 5b. MEHRS 4.2 Active/Dormant: the Active Meter's supplier must include it in a later week.
  return {
    decision: 'liaise-with-active-supplier',
    earliestWeek,
    reasons: [
      failure,
      count,
      ...smsoWarning,
      'The installation has an Active meter, so the Migration Control Centre will liaise with its supplier, who ' +
        `must include the installation in a Migration Authorisation for ${formatWeek(earliestWeek)} or later ` +
        '(MEHRS 4.2).',
    ],
  };
}
