/**
 * Retry and timeout schedules (MEHRS section 3; seed 000 for GroupID DA; seed 004 for GroupID EA).
 *
 * All intervals here are elapsed time, not wall-clock time: attempt instants are computed by adding milliseconds to
 * the start instant (UTC arithmetic), so a clock change in Great Britain neither shifts nor adds nor drops an attempt.
 * A retry that starts at 00:00 GMT on the night the clocks go forward makes its "02:00" attempt two hours later,
 * which London clocks show as 03:00 BST.
 */
import {
  type DeviceConnectivityRetryConfig,
  type GroupEaRetryConfig,
  RETRY_DEFAULTS,
  type RetryConfig,
  type SimSwapRetryConfig,
} from './config';
import type { GroupId } from './types';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export type RetryKind = 'device-connectivity' | 'device-connectivity-ea' | 'sim-swap-cb';

export interface RetrySchedule {
  readonly kind: RetryKind;
  /** Every attempt instant, ascending, all strictly before `timeoutAt`. */
  readonly attempts: Date[];
  /** When the retrying party gives up on the installation if every attempt failed. */
  readonly timeoutAt: Date;
  /** What happens at the timeout, in words. */
  readonly onTimeout: string;
  /** Codes reported at the timeout (error code in the SCF, or reason code in the MA Completion Response). */
  readonly timeoutCodes: readonly string[];
  /** The document section the schedule comes from. */
  readonly source: string;
}

function checkStart(start: Date): number {
  const t = start.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid start Date');
  return t;
}

function positive(name: string, value: number, integer = false): void {
  if (!(value > 0) || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new RangeError(`${name} must be a positive ${integer ? 'integer' : 'number'}: ${value}`);
  }
}

/** MEHRS 3.1 / 2.6.2: what happens when the device connectivity retries time out. */
const CONNECTIVITY_TIMEOUT =
  'The SIM profile is changed back so that the SMSO can communicate with the Communications Hub, the S1SP ' +
  'indicates WAN testing has failed in the S1SP Migration Audit Files, and Error Code 12.9.1.ET01 is included in ' +
  'the S1SP Commissioning File (MEHRS 3.1, 2.6.2).';

/**
 * MEHRS 3.1 'short retry' schedule: `attemptsPerShortRetry` attempts `shortRetryIntervalMinutes` apart, the short
 * retry repeated every `shortRetryRepeatHours`, for a period up to `durationHours`. Attempts are kept only while
 * strictly inside the period ("up to"), which reproduces the MEHRS 3.1 midnight example exactly: the last attempt
 * is 22:10 and the timeout is at 24:00.
 */
function shortRetrySchedule(
  startMs: number,
  c: DeviceConnectivityRetryConfig,
  durationHours: number,
): Date[] {
  positive('attemptsPerShortRetry', c.attemptsPerShortRetry, true);
  positive('shortRetryIntervalMinutes', c.shortRetryIntervalMinutes);
  positive('shortRetryRepeatHours', c.shortRetryRepeatHours);
  positive('durationHours', durationHours);
  const interval = c.shortRetryIntervalMinutes * MINUTE_MS;
  const repeat = c.shortRetryRepeatHours * HOUR_MS;
  const duration = durationHours * HOUR_MS;
  if ((c.attemptsPerShortRetry - 1) * interval >= repeat) {
    throw new RangeError('A short retry must finish before the next one starts (MEHRS 3.1)');
  }
  const attempts: Date[] = [];
  for (let burst = 0; burst * repeat < duration; burst += 1) {
    for (let i = 0; i < c.attemptsPerShortRetry; i += 1) {
      const offset = burst * repeat + i * interval;
      if (offset < duration) attempts.push(new Date(startMs + offset));
    }
  }
  return attempts;
}

/**
 * seed 004 (MEHRS v5.0) 3.4.1, GroupID EA: "repeating the retry attempt ... will be five times with a 4 hour waiting
 * time" (the respondent "waited four hours and not five minutes for a retry up to five times and not three").
 * Our reading: five attempts in total (not an initial attempt plus five repeats), four hours apart, i.e. the 5-minute
 * short retry becomes a 4-hour wait and 3 becomes 5; the timeout falls after the 4-hour wait that follows the fifth
 * attempt (start + 20 h by default). Seed 004 does not restate the timeout consequences, so we keep MEHRS 3.1's.
 */
function eaSchedule(startMs: number, c: GroupEaRetryConfig): { attempts: Date[]; timeoutAt: Date } {
  positive('groupEa.attempts', c.attempts, true);
  positive('groupEa.waitHours', c.waitHours);
  const wait = c.waitHours * HOUR_MS;
  const attempts = Array.from({ length: c.attempts }, (_, k) => new Date(startMs + k * wait));
  return { attempts, timeoutAt: new Date(startMs + c.attempts * wait) };
}

/**
 * Device connectivity retries by the S1SP before the GroupID-specific checks (MEHRS 3.1, 2.6.2):
 * - GroupID DA (MOC Secure) and any other in `secureGroupIds`: up to 48 hours (seed 000 4.5.2, MEHRS v3.0);
 * - GroupID EA: five attempts with a 4-hour wait (seed 004, MEHRS v5.0 3.4.1; see eaSchedule for our reading);
 * - every other GroupID: up to 24 hours (MEHRS 3.1 v1.2).
 * From 00:00 the 24-hour schedule is 00:00, 00:05, 00:10, 02:00, 02:05, 02:10, ... 22:00, 22:05, 22:10 (36 attempts).
 */
export function deviceConnectivityAttempts(
  start: Date,
  groupId: GroupId,
  config: RetryConfig = RETRY_DEFAULTS,
): RetrySchedule {
  const startMs = checkStart(start);
  if (groupId === 'EA') {
    const { attempts, timeoutAt } = eaSchedule(startMs, config.groupEa);
    return {
      kind: 'device-connectivity-ea',
      attempts,
      timeoutAt,
      onTimeout: CONNECTIVITY_TIMEOUT,
      timeoutCodes: ['12.9.1.ET01'],
      source: 'MEHRS v5.0 3.4.1 (GroupID EA); MEHRS v1.2 3.1',
    };
  }
  const c = config.deviceConnectivity;
  const secure = c.secureGroupIds.includes(groupId);
  const durationHours = secure ? c.durationHoursSecure : c.durationHours;
  return {
    kind: 'device-connectivity',
    attempts: shortRetrySchedule(startMs, c, durationHours),
    timeoutAt: new Date(startMs + durationHours * HOUR_MS),
    onTimeout: CONNECTIVITY_TIMEOUT,
    timeoutCodes: ['12.9.1.ET01'],
    source: secure ? 'MEHRS v3.0 3.1 (MOC Secure, up to 48 hours)' : 'MEHRS v1.2 3.1',
  };
}

/**
 * SIM swap retries for GroupID CB by the Requesting Party (MEHRS 3.2): "[3] times in a configurable interval and for
 * upto a configurable number of hours"; interval initially 60 minutes, total duration initially 5 hours; then MA120.
 *
 * The text is ambiguous (3 attempts 60 minutes apart last only 2-3 hours, so a 5-hour cap would never bind). Our
 * reading: at most `attempts` attempts in all, one every `intervalMinutes` starting at `start`, and none at or after
 * `start + maxDurationHours`; the Requesting Party times out one interval after the last attempt (it waits an interval
 * for each attempt to take effect) or at the maximum duration, whichever is earlier. Both limits are honoured: with
 * the defaults that is 00:00, 01:00, 02:00 and a timeout at 03:00; with a 3-hour interval it would be 00:00, 03:00
 * and a timeout at 05:00.
 */
export function simSwapAttempts(
  start: Date,
  config: SimSwapRetryConfig = RETRY_DEFAULTS.simSwapCb,
): RetrySchedule {
  const startMs = checkStart(start);
  positive('simSwapCb.attempts', config.attempts, true);
  positive('simSwapCb.intervalMinutes', config.intervalMinutes);
  positive('simSwapCb.maxDurationHours', config.maxDurationHours);
  const interval = config.intervalMinutes * MINUTE_MS;
  const maxDuration = config.maxDurationHours * HOUR_MS;
  const attempts: Date[] = [];
  for (let k = 0; k < config.attempts && k * interval < maxDuration; k += 1) {
    attempts.push(new Date(startMs + k * interval));
  }
  const afterLast = attempts.length * interval; // one interval after the last attempt
  return {
    kind: 'sim-swap-cb',
    attempts,
    timeoutAt: new Date(startMs + Math.min(afterLast, maxDuration)),
    onTimeout:
      'The Requesting Party stops attempting to migrate the SIM and includes reason code MA120 in the Migration ' +
      'Authorisation Completion Response (MEHRS 3.2).',
    timeoutCodes: ['MA120'],
    source: 'MEHRS v1.2 3.2 (GroupID CB)',
  };
}
