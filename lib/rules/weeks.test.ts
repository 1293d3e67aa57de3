import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMigrationWeeks,
  calendarDaysBetween,
  currentAndPreviousWeek,
  isIsoDate,
  isMigrateOnInWeek,
  isValidMigrationWeek,
  londonDate,
  londonStartOfDay,
  migrationWeekEnd,
  migrationWeekOf,
  migrationWeekOfDate,
  migrationWeekStart,
  migrationWeeksBetween,
} from './weeks';

// Run the whole file with the process in a far-away zone: nothing may depend on the machine's time zone.
const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Pacific/Auckland';
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('londonDate', () => {
  it.each([
    ['2026-01-15T23:59:59.999Z', '2026-01-15'], // GMT: London = UTC
    ['2026-01-16T00:00:00.000Z', '2026-01-16'],
    ['2026-07-15T22:59:59.999Z', '2026-07-15'], // BST: 23:59:59 London
    ['2026-07-15T23:00:00.000Z', '2026-07-16'], // BST: 00:00 London next day
  ])('%s is %s in London', (instant, expected) => {
    expect(londonDate(new Date(instant))).toBe(expected);
  });

  it('rejects an invalid Date', () => {
    expect(() => londonDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('migrationWeekOf (MEHRS 2.3.2 MA003: a Migration Week is a Monday), DST weeks 2026', () => {
  // Clocks go forward at 01:00 UTC on Sunday 29 March 2026 and back at 01:00 UTC on Sunday 25 October 2026.
  it.each([
    // Week of Monday 23 March starts in GMT.
    ['2026-03-22T23:59:59Z', '2026-03-16', 'Sunday 23:59:59 GMT before the March change week'],
    ['2026-03-23T00:00:00Z', '2026-03-23', 'Monday 00:00 GMT'],
    ['2026-03-29T00:59:59Z', '2026-03-23', 'Sunday 00:59:59 GMT, just before clocks go forward'],
    ['2026-03-29T01:00:00Z', '2026-03-23', 'Sunday 02:00 BST, just after clocks go forward'],
    ['2026-03-29T22:59:59Z', '2026-03-23', 'Sunday 23:59:59 BST'],
    ['2026-03-29T23:00:00Z', '2026-03-30', 'Monday 00:00 BST (still Sunday in UTC)'],
    // Week of Monday 19 October starts in BST and ends in GMT.
    ['2026-10-18T22:59:59Z', '2026-10-12', 'Sunday 23:59:59 BST'],
    ['2026-10-18T23:00:00Z', '2026-10-19', 'Monday 00:00 BST (still Sunday in UTC)'],
    ['2026-10-25T00:59:59Z', '2026-10-19', 'Sunday 01:59:59 BST, first pass'],
    ['2026-10-25T01:00:00Z', '2026-10-19', 'Sunday 01:00 GMT, second pass'],
    ['2026-10-25T23:59:59Z', '2026-10-19', 'Sunday 23:59:59 GMT'],
    ['2026-10-26T00:00:00Z', '2026-10-26', 'Monday 00:00 GMT'],
  ])('%s is in the week of %s (%s)', (instant, week) => {
    expect(migrationWeekOf(new Date(instant))).toBe(week);
  });
});

describe('migrationWeekStart / migrationWeekEnd', () => {
  it.each([
    ['2026-03-23', '2026-03-23T00:00:00.000Z', '2026-03-29T23:00:00.000Z', 167],
    ['2026-03-30', '2026-03-29T23:00:00.000Z', '2026-04-05T23:00:00.000Z', 168],
    ['2026-10-19', '2026-10-18T23:00:00.000Z', '2026-10-26T00:00:00.000Z', 169],
    ['2026-10-26', '2026-10-26T00:00:00.000Z', '2026-11-02T00:00:00.000Z', 168],
  ])('week %s runs from %s to %s (%i hours)', (week, start, end, hours) => {
    expect(migrationWeekStart(week).toISOString()).toBe(start);
    expect(migrationWeekEnd(week).toISOString()).toBe(end);
    expect((migrationWeekEnd(week).getTime() - migrationWeekStart(week).getTime()) / 3_600_000).toBe(hours);
  });

  it('returns plain Dates', () => {
    expect(migrationWeekStart('2026-03-30').constructor).toBe(Date);
  });

  it('throws for a non-Monday', () => {
    expect(() => migrationWeekStart('2026-03-24')).toThrow(RangeError);
    expect(() => migrationWeekEnd('2026-03-24')).toThrow(RangeError);
  });

  it('londonStartOfDay gives 00:00 London in GMT and BST', () => {
    expect(londonStartOfDay('2026-01-01').toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(londonStartOfDay('2026-08-01').toISOString()).toBe('2026-07-31T23:00:00.000Z');
  });
});

describe('isValidMigrationWeek (MEHRS 2.3.2 MA003)', () => {
  it.each([
    ['2026-03-30', true],
    ['2026-03-29', false], // Sunday
    ['2026-03-31', false], // Tuesday
    ['2024-12-30', true],
    ['2026-02-30', false], // not a date
    ['2026-3-30', false], // not 'YYYY-MM-DD'
    ['', false],
  ])('%s → %s', (date, expected) => {
    expect(isValidMigrationWeek(date)).toBe(expected);
  });
});

describe('isMigrateOnInWeek (MEHRS 2.3.2 MA005)', () => {
  it.each([
    ['2026-03-30', '2026-03-30', true], // Monday
    ['2026-04-05', '2026-03-30', true], // Sunday
    ['2026-04-06', '2026-03-30', false], // next Monday
    ['2026-03-29', '2026-03-30', false], // previous Sunday
    ['2026-04-01', '2026-04-01', true], // non-Monday week read as the week containing it
    ['2026-04-06', '2026-04-01', false],
    ['2026-02-30', '2026-03-30', false],
    ['2026-03-31', 'garbage', false],
  ])('migrateOn %s in week %s → %s', (migrateOn, week, expected) => {
    expect(isMigrateOnInWeek(migrateOn, week)).toBe(expected);
  });
});

describe('migrationWeeksBetween', () => {
  it('lists the Mondays of every week touched, inclusive, across the March change', () => {
    expect(migrationWeeksBetween('2026-03-18', '2026-04-08')).toEqual([
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
      '2026-04-06',
    ]);
  });
  it('includes both ends when they are Mondays', () => {
    expect(migrationWeeksBetween('2026-10-19', '2026-11-02')).toEqual([
      '2026-10-19',
      '2026-10-26',
      '2026-11-02',
    ]);
  });
  it('is one week for a single day and empty when reversed', () => {
    expect(migrationWeeksBetween('2026-03-29', '2026-03-29')).toEqual(['2026-03-23']);
    expect(migrationWeeksBetween('2026-04-08', '2026-03-18')).toEqual([]);
  });
  it('crosses a year end', () => {
    expect(migrationWeeksBetween('2026-12-28', '2027-01-04')).toEqual(['2026-12-28', '2027-01-04']);
  });
});

describe('addMigrationWeeks / calendar arithmetic', () => {
  it.each([
    ['2026-03-23', 1, '2026-03-30'],
    ['2026-03-30', -1, '2026-03-23'],
    ['2026-10-19', 2, '2026-11-02'],
    ['2026-12-28', 1, '2027-01-04'],
    ['2024-02-26', 1, '2024-03-04'], // leap year
  ])('%s + %i weeks = %s', (week, n, expected) => {
    expect(addMigrationWeeks(week, n)).toBe(expected);
  });
  it('throws for a non-Monday or fractional weeks', () => {
    expect(() => addMigrationWeeks('2026-03-24', 1)).toThrow(RangeError);
    expect(() => addMigrationWeeks('2026-03-23', 0.5)).toThrow(RangeError);
  });
  it('adds and counts calendar days', () => {
    expect(addCalendarDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(calendarDaysBetween('2026-03-23', '2026-10-26')).toBe(217);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });
  it('migrationWeekOfDate gives the Monday on or before', () => {
    expect(migrationWeekOfDate('2026-03-29')).toBe('2026-03-23');
    expect(migrationWeekOfDate('2026-03-30')).toBe('2026-03-30');
  });
});

describe('properties', () => {
  const instants = fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  });

  it('every instant lies in [start, end) of its Migration Week, and the week is a Monday', () => {
    fc.assert(
      fc.property(instants, (instant) => {
        const week = migrationWeekOf(instant);
        expect(isValidMigrationWeek(week)).toBe(true);
        expect(migrationWeekStart(week).getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(migrationWeekEnd(week).getTime()).toBeGreaterThan(instant.getTime());
        const hours = (migrationWeekEnd(week).getTime() - migrationWeekStart(week).getTime()) / 3_600_000;
        expect([167, 168, 169]).toContain(hours);
      }),
    );
  });

  it('a week start maps back to its own week and the instant before it to the previous week', () => {
    fc.assert(
      fc.property(instants, (instant) => {
        const week = migrationWeekOf(instant);
        const start = migrationWeekStart(week);
        expect(migrationWeekOf(start)).toBe(week);
        expect(migrationWeekOf(new Date(start.getTime() - 1))).toBe(addMigrationWeeks(week, -1));
      }),
    );
  });
});

describe('currentAndPreviousWeek', () => {
  it('gives the London Migration Week of now and the Monday before, across the October clock change', () => {
    // After the clock goes back (25 Oct 2026), London is on GMT: 23:30 UTC on Sunday is still Sunday.
    expect(currentAndPreviousWeek(new Date('2026-10-25T23:30:00Z'))).toEqual({
      current: '2026-10-19',
      previous: '2026-10-12',
    });
    // Sunday 29 Mar 2026 23:30 UTC is Monday 30 Mar 00:30 BST in London.
    expect(currentAndPreviousWeek(new Date('2026-03-29T23:30:00Z'))).toEqual({
      current: '2026-03-30',
      previous: '2026-03-23',
    });
  });
});
