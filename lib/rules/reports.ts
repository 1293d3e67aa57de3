import {
  addCalendarDays,
  addMigrationWeeks,
  calendarDaysBetween,
  type IsoDate,
  londonDate,
  migrationWeekOf,
} from './weeks';

/**
 * Reporting periods of the Migration Reporting Regime reports (seed 003; MEHRS 2.2.1, 2.3.2). Pure: `now` is passed in.
 */

/** MEHRS 2.2.1: Report 8 covers the previous four Migration Weeks. */
export const REPORT_8_WEEKS = 4;

/**
 * The Migration Weeks of a Report 8 whose latest week is `week`, oldest first. Issued in the week after `week`,
 * these are "the previous four Migration Weeks". Throws if `week` is not a Monday.
 */
export function report8Weeks(week: IsoDate): IsoDate[] {
  return Array.from({ length: REPORT_8_WEEKS }, (_, k) => addMigrationWeeks(week, k - (REPORT_8_WEEKS - 1)));
}

/** The last complete Migration Week at `now` (London): the default latest week of Report 8. */
export function lastCompleteMigrationWeek(now: Date): IsoDate {
  return addMigrationWeeks(migrationWeekOf(now), -1);
}

/** Report 6 reports the previous Migration Day (MRR): by default, yesterday in London. */
export function previousMigrationDay(now: Date): { from: IsoDate; to: IsoDate } {
  const day = addCalendarDays(londonDate(now), -1);
  return { from: day, to: day };
}

/** The other period reports default to the last complete Migration Week, Monday to Sunday. */
export function previousMigrationWeekPeriod(now: Date): { from: IsoDate; to: IsoDate } {
  const week = lastCompleteMigrationWeek(now);
  return { from: week, to: addCalendarDays(week, 6) };
}

/** Days in a period, both ends included. */
export function periodDays(from: IsoDate, to: IsoDate): number {
  return calendarDaysBetween(from, to) + 1;
}

/**
 * Assumption (the documents give no limit): the longest period one report download may cover, a year. Reports are
 * daily or weekly; a year still streams, it only bounds how long one request may run.
 */
export const MAX_REPORT_PERIOD_DAYS = 366;
