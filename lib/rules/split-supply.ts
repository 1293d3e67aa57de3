/**
 * The split-supply calendar (MAM change, MEHRS v5.0 conclusions, 8 April 2021): "Where supply at an installation is
 * split across two active suppliers, the Migration Control Centre will co-ordinate the migration by designating a
 * week in which the active suppliers submit a Migration Authorisation including any 'split supply' devices. The
 * Migration Control Centre will publish a calendar on a regular basis, which will be dependent on demand ... [and]
 * will not be held responsible for any devices which fail to migrate due to one supplier within the installation
 * failing to submit details within the designated week." MA106 (Appendix A.1): "Where the meter is part of an split
 * site then no MA has been received for the other Active meter."
 *
 * The documents give no submission cut-off and no planning horizon: both are assumptions in SPLIT_SUPPLY_DEFAULTS.
 */
import { SPLIT_SUPPLY_DEFAULTS, type SplitSupplyConfig } from './config';
import {
  addCalendarDays,
  addMigrationWeeks,
  type IsoDate,
  isValidMigrationWeek,
  londonStartOfDay,
  migrationWeekOf,
} from './weeks';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const instantFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** 'the week of 30 Nov 2026', as sentences name a Migration Week. */
export function weekPhrase(week: IsoDate): string {
  return `the Migration Week of ${dateFormat.format(new Date(`${week}T00:00:00Z`))}`;
}

/** The cut-off as the sentences show it, in London time. */
export function cutOffPhrase(cutOff: Date): string {
  return `${instantFormat.format(cutOff)} (London time)`;
}

/** The instant both suppliers' MAs for a designated week are due by (an assumption: see SplitSupplyConfig). */
export function submissionCutOff(week: IsoDate, config: SplitSupplyConfig = SPLIT_SUPPLY_DEFAULTS): Date {
  if (!isValidMigrationWeek(week)) throw new RangeError(`Not a Migration Week (a Monday): ${week}`);
  return londonStartOfDay(addCalendarDays(week, -config.submissionCutOffDaysBefore));
}

export interface TimeLeft {
  cutOff: Date;
  passed: boolean;
  /** 'Due in 3 days 4 hours', 'Due in 45 minutes' or 'Cut-off passed'. */
  label: string;
}

export function timeLeftToSubmit(
  week: IsoDate,
  now: Date,
  config: SplitSupplyConfig = SPLIT_SUPPLY_DEFAULTS,
): TimeLeft {
  const cutOff = submissionCutOff(week, config);
  const left = cutOff.getTime() - now.getTime();
  if (left <= 0) return { cutOff, passed: true, label: 'Cut-off passed' };
  const days = Math.floor(left / DAY_MS);
  const hours = Math.floor((left % DAY_MS) / HOUR_MS);
  const minutes = Math.max(1, Math.floor((left % HOUR_MS) / 60_000));
  const parts =
    days > 0
      ? [`${days} day${days === 1 ? '' : 's'}`, hours > 0 ? `${hours} hour${hours === 1 ? '' : 's'}` : '']
      : hours > 0
        ? [`${hours} hour${hours === 1 ? '' : 's'}`]
        : [`${minutes} minute${minutes === 1 ? '' : 's'}`];
  return { cutOff, passed: false, label: `Due in ${parts.filter(Boolean).join(' ')}` };
}

/**
 * Why a week cannot be designated now, or null when it can: it must be a Monday whose cut-off is still ahead (both
 * suppliers need time to submit), after the installation's last attempted week (a failed attempt is followed by a
 * subsequent week, MEHRS 2.3.2), and within the planning horizon.
 */
export function designationWeekProblem(
  week: IsoDate,
  now: Date,
  after: IsoDate | null,
  config: SplitSupplyConfig = SPLIT_SUPPLY_DEFAULTS,
): string | null {
  if (!isValidMigrationWeek(week)) return 'A Migration Week starts on a Monday.';
  if (submissionCutOff(week, config).getTime() <= now.getTime())
    return 'That week’s submission cut-off has passed: choose a later week.';
  if (after && week <= after) return 'Choose a week after the installation’s last attempted week.';
  if (week > addMigrationWeeks(migrationWeekOf(now), config.planningHorizonWeeks))
    return `The calendar is planned at most ${config.planningHorizonWeeks} weeks ahead.`;
  return null;
}

/** The weeks that may be designated now (after `after`, when given), earliest first. */
export function validDesignationWeeks(
  now: Date,
  after: IsoDate | null = null,
  config: SplitSupplyConfig = SPLIT_SUPPLY_DEFAULTS,
): IsoDate[] {
  const current = migrationWeekOf(now);
  const weeks: IsoDate[] = [];
  for (let n = 0; n <= config.planningHorizonWeeks; n++) {
    const week = addMigrationWeeks(current, n);
    if (designationWeekProblem(week, now, after, config) === null) weeks.push(week);
  }
  return weeks;
}

export const MA_SIDE_STATUSES = ['received', 'rejected', 'awaiting', 'missed'] as const;
/** One supplier's Migration Authorisation for the designated week. */
export type MaSideStatus = (typeof MA_SIDE_STATUSES)[number];

export const MA_SIDE_STATUS_LABELS: Record<MaSideStatus, string> = {
  received: 'Received',
  rejected: 'Received, rejected at validation',
  awaiting: 'Not received yet',
  missed: 'Not received by the cut-off',
};

export interface SideAuthorisation {
  migrationWeek: IsoDate;
  validationStatus: 'accepted' | 'rejected';
}

/**
 * Where one supplier's MA for the designated week stands: accepted → received; only rejected ones → rejected (it must
 * submit again, MEHRS 2.3.2); none yet → awaiting until the cut-off, missed after it. MAs for other weeks do not count.
 */
export function maSideStatus(
  week: IsoDate,
  authorisations: readonly SideAuthorisation[],
  now: Date,
  config: SplitSupplyConfig = SPLIT_SUPPLY_DEFAULTS,
): MaSideStatus {
  const forWeek = authorisations.filter((a) => a.migrationWeek === week);
  if (forWeek.some((a) => a.validationStatus === 'accepted')) return 'received';
  if (forWeek.length > 0) return 'rejected';
  return submissionCutOff(week, config).getTime() > now.getTime() ? 'awaiting' : 'missed';
}

/** The weeks a side sent MAs for that no designation named: flagged for the MCC (off the calendar). */
export function offCalendarWeeks(
  authorisations: readonly SideAuthorisation[],
  designatedWeeks: readonly IsoDate[],
): IsoDate[] {
  const designated = new Set(designatedWeeks);
  return [...new Set(authorisations.map((a) => a.migrationWeek))].filter((w) => !designated.has(w)).sort();
}

export interface Ma106Side {
  /** How the reader may name this side: 'you', 'the other supplier', or (for the MCC) the supplier's name. */
  name: string;
  /** Whether this side's MA for the failed week arrived. */
  arrived: boolean;
}

export interface Ma106Input {
  reader: 'mcc' | 'supplier';
  /** The Migration Week of the attempt that failed with MA106. */
  failedWeek: IsoDate;
  /** Whether the MCC had designated (and published) that week for this installation. */
  wasDesignated: boolean;
  /** For a supplier: its own side. For the MCC: the electricity supplier's side. */
  readerSide: Ma106Side;
  /** For a supplier: the other supplier. For the MCC: the gas supplier's side. */
  otherSide: Ma106Side;
  /** A newer published designation, if the MCC has put the installation back on the calendar. */
  nextWeek: IsoDate | null;
  now: Date;
  config?: SplitSupplyConfig;
}

export interface Ma106Reading {
  /** Which side missed: for a supplier 'reader' is itself; for the MCC 'reader' is the electricity side. */
  missedBy: 'reader' | 'other' | 'both' | 'unknown';
  /** Which week was designated and which side missed it. */
  what: string;
  /** What the reader does now. */
  action: string;
}

function whatHappened(input: Ma106Input, missedBy: Ma106Reading['missedBy']): string {
  const { failedWeek, wasDesignated, readerSide, otherSide, reader } = input;
  const week = weekPhrase(failedWeek);
  const opening = wasDesignated
    ? `The Migration Control Centre designated ${week} for this split-supply installation.`
    : `The installation was authorised for ${week}, which the Migration Control Centre had not designated for it.`;
  const responsibility = ' The Migration Control Centre is not responsible for this failure (MAM).';
  if (reader === 'supplier') {
    if (missedBy === 'reader')
      return `${opening} Your Migration Authorisation for it did not arrive, so the installation failed MA106.${responsibility}`;
    if (missedBy === 'other')
      return `${opening} Your Migration Authorisation arrived; the other supplier’s did not, so the installation failed MA106. Nothing in yours needs correcting.`;
    if (missedBy === 'both')
      return `${opening} Neither your Migration Authorisation nor the other supplier’s arrived, so the installation failed MA106.`;
    return `${opening} Both suppliers’ Migration Authorisations are on record, yet the installation failed MA106: check the MA Completion Response.`;
  }
  const arrived = (s: Ma106Side) =>
    `${s.name}’s Migration Authorisation ${s.arrived ? 'arrived' : 'did not arrive'}`;
  return `${opening} ${arrived(readerSide)}; ${arrived(otherSide)}.${missedBy === 'unknown' ? ' Both are on record: check the MA Completion Response.' : responsibility}`;
}

function nextAction(input: Ma106Input): string {
  const { nextWeek, now, reader } = input;
  const config = input.config ?? SPLIT_SUPPLY_DEFAULTS;
  if (!nextWeek) {
    return reader === 'mcc'
      ? 'Designate a new Migration Week for it in the split-supply calendar and publish the calendar.'
      : 'Wait for the Migration Control Centre to designate a new week in its split-supply calendar, then submit your Migration Authorisation, including your split-supply device, for that week.';
  }
  const left = timeLeftToSubmit(nextWeek, now, config);
  const week = weekPhrase(nextWeek);
  if (reader === 'mcc') {
    return left.passed
      ? `It is back on the calendar for ${week}; the submission cut-off has passed.`
      : `It is back on the calendar for ${week}: both suppliers submit by ${cutOffPhrase(left.cutOff)}.`;
  }
  return left.passed
    ? `It is back on the calendar for ${week}, and the submission cut-off has passed: submit your Migration Authorisation for that week at once, including your split-supply device.`
    : `It is back on the calendar for ${week}: submit your Migration Authorisation for that week, including your split-supply device, by ${cutOffPhrase(left.cutOff)}.`;
}

/** MA106 read from the reader's side: which week, which side missed it, and what the reader does now. */
export function readMa106(input: Ma106Input): Ma106Reading {
  const { readerSide, otherSide } = input;
  const missedBy: Ma106Reading['missedBy'] =
    !readerSide.arrived && !otherSide.arrived
      ? 'both'
      : !readerSide.arrived
        ? 'reader'
        : !otherSide.arrived
          ? 'other'
          : 'unknown';
  return { missedBy, what: whatHappened(input, missedBy), action: nextAction(input) };
}
