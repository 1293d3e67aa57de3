import { describe, expect, it } from 'vitest';
import {
  lastCompleteMigrationWeek,
  periodDays,
  previousMigrationDay,
  previousMigrationWeekPeriod,
  REPORT_8_WEEKS,
  report8Weeks,
} from './reports';

describe('MEHRS 2.2.1: Report 8 covers the previous four Migration Weeks', () => {
  it.each([
    ['2026-11-16', ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16']],
    // Across a year end.
    ['2027-01-04', ['2026-12-14', '2026-12-21', '2026-12-28', '2027-01-04']],
    // Across the October clock change (25 October 2026).
    ['2026-11-02', ['2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02']],
  ])('the report ending %s covers %j', (week, weeks) => {
    expect(report8Weeks(week)).toEqual(weeks);
    expect(weeks).toHaveLength(REPORT_8_WEEKS);
  });

  it('refuses a week that is not a Monday (MA003)', () => {
    expect(() => report8Weeks('2026-11-17')).toThrow(/Not a Migration Week/);
  });

  it.each([
    ['2026-11-25T12:00:00Z', '2026-11-16'],
    // Monday 00:30 in London during BST is still Sunday in UTC: the week just ended is the one before.
    ['2026-06-28T23:30:00Z', '2026-06-22'],
    ['2026-06-29T12:00:00Z', '2026-06-22'],
  ])('at %s the last complete Migration Week is %s', (now, week) => {
    expect(lastCompleteMigrationWeek(new Date(now))).toBe(week);
  });
});

describe('MRR: default reporting periods (London days)', () => {
  it('Report 6 reports the previous Migration Day', () => {
    expect(previousMigrationDay(new Date('2026-11-25T12:00:00Z'))).toEqual({
      from: '2026-11-24',
      to: '2026-11-24',
    });
    // 00:30 BST on 1 July is 23:30 UTC on 30 June: in London it is already 1 July.
    expect(previousMigrationDay(new Date('2026-06-30T23:30:00Z'))).toEqual({
      from: '2026-06-30',
      to: '2026-06-30',
    });
  });

  it('the other reports default to the last complete Migration Week, Monday to Sunday', () => {
    expect(previousMigrationWeekPeriod(new Date('2026-11-25T12:00:00Z'))).toEqual({
      from: '2026-11-16',
      to: '2026-11-22',
    });
  });

  it('counts both ends of a period', () => {
    expect(periodDays('2026-11-16', '2026-11-22')).toBe(7);
    expect(periodDays('2026-11-16', '2026-11-16')).toBe(1);
  });
});
