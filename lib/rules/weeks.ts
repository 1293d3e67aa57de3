/**
 * Migration Weeks and calendar days in Great Britain (Europe/London), DST-safe.
 *
 * Two representations, never mixed:
 * - a calendar day is an `IsoDate` string 'YYYY-MM-DD' (a Migration Week is the IsoDate of its Monday);
 * - an instant is a `Date`.
 * Calendar-day arithmetic on IsoDates is done on the proleptic Gregorian calendar (via UTC, where every day has
 * 24 hours), so it never depends on any time zone. Converting between the two always goes through Europe/London
 * explicitly (@date-fns/tz); the machine's own time zone is never used.
 */
import { TZDate, tz } from '@date-fns/tz';
import { formatISO } from 'date-fns';
import { MIGRATION_TIME_ZONE } from './config';

/** A calendar day 'YYYY-MM-DD' in Great Britain. A Migration Week is the IsoDate of its Monday (MEHRS 2.3.2 MA003). */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid IsoDate, or null when the string is not a real calendar day. */
function dayNumber(date: string): number | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return null;
  return ms / DAY_MS;
}

function requireDayNumber(date: IsoDate): number {
  const n = dayNumber(date);
  if (n === null) throw new RangeError(`Not a calendar date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
  return n;
}

function fromDayNumber(n: number): IsoDate {
  const d = new Date(n * DAY_MS);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/** ISO weekday 1 (Monday) to 7 (Sunday) of a day number. 1970-01-01 was a Thursday (4). */
function isoWeekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** True when the string is a real calendar day written 'YYYY-MM-DD'. */
export function isIsoDate(value: string): value is IsoDate {
  return dayNumber(value) !== null;
}

/** Adds n calendar days (n may be negative). Throws RangeError on a malformed date. */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(requireDayNumber(date) + n);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return requireDayNumber(to) - requireDayNumber(from);
}

/** The calendar day in Great Britain (Europe/London, GMT or BST) on which the instant falls. */
export function londonDate(instant: Date): IsoDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
  return formatISO(instant, { in: tz(MIGRATION_TIME_ZONE), representation: 'date' });
}

/** The instant of 00:00 Europe/London on the given calendar day (BST or GMT as in force that day). */
export function londonStartOfDay(date: IsoDate): Date {
  requireDayNumber(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, MIGRATION_TIME_ZONE).getTime());
}

/**
 * The Migration Week (its Monday) containing the calendar day. For a non-Monday this is the Monday on or before it:
 * a Migration Week runs Monday to Sunday (MEHRS 2.3.2 MA003: the Migration Week is given as a Monday).
 */
export function migrationWeekOfDate(date: IsoDate): IsoDate {
  const n = requireDayNumber(date);
  return fromDayNumber(n - (isoWeekday(n) - 1));
}

/** The Migration Week (the Monday, London-local) of the week containing the instant. */
export function migrationWeekOf(instant: Date): IsoDate {
  return migrationWeekOfDate(londonDate(instant));
}

/** MEHRS 2.3.2 MA003: a Migration Week is valid when it is given as a Monday. False for malformed dates. */
export function isValidMigrationWeek(date: IsoDate): boolean {
  const n = dayNumber(date);
  return n !== null && isoWeekday(n) === 1;
}

/**
 * MEHRS 2.3.2 MA005: the Migrate On date lies within the Migration Week (its Monday to its Sunday, inclusive).
 * A `week` that is not a Monday is read as the Migration Week containing it (MA003 reports the non-Monday itself).
 * False when either date is malformed.
 */
export function isMigrateOnInWeek(migrateOn: IsoDate, week: IsoDate): boolean {
  const day = dayNumber(migrateOn);
  if (day === null || dayNumber(week) === null) return false;
  const monday = requireDayNumber(migrationWeekOfDate(week));
  return day >= monday && day <= monday + 6;
}

/** The Monday n Migration Weeks after (n < 0: before) the given week. Throws if `week` is not a Monday. */
export function addMigrationWeeks(week: IsoDate, n: number): IsoDate {
  if (!isValidMigrationWeek(week))
    throw new RangeError(`Not a Migration Week (a Monday): ${JSON.stringify(week)}`);
  if (!Number.isInteger(n)) throw new RangeError(`Whole weeks only: ${n}`);
  return addCalendarDays(week, 7 * n);
}

/**
 * Every Migration Week (Monday) from the week containing `from` to the week containing `to`, inclusive; `from` and
 * `to` may be any day. Empty when `to` is before `from`.
 */
export function migrationWeeksBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  if (requireDayNumber(to) < requireDayNumber(from)) return [];
  const first = requireDayNumber(migrationWeekOfDate(from));
  const last = requireDayNumber(migrationWeekOfDate(to));
  const weeks: IsoDate[] = [];
  for (let n = first; n <= last; n += 7) weeks.push(fromDayNumber(n));
  return weeks;
}

/** The instant the Migration Week starts: 00:00 Europe/London on its Monday. Throws if `week` is not a Monday. */
export function migrationWeekStart(week: IsoDate): Date {
  if (!isValidMigrationWeek(week))
    throw new RangeError(`Not a Migration Week (a Monday): ${JSON.stringify(week)}`);
  return londonStartOfDay(week);
}

/**
 * The instant the Migration Week ends, exclusive: 00:00 Europe/London on the next Monday. A week that contains a
 * clock change is 167 or 169 hours long.
 */
export function migrationWeekEnd(week: IsoDate): Date {
  return migrationWeekStart(addMigrationWeeks(week, 1));
}

/** This Migration Week and the one before it, for "this week against last week" (London time). */
export function currentAndPreviousWeek(now: Date): { current: IsoDate; previous: IsoDate } {
  const current = migrationWeekOf(now);
  return { current, previous: addMigrationWeeks(current, -1) };
}
