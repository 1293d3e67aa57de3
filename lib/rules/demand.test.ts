import { describe, expect, it } from 'vitest';
import { DEMAND_DEFAULTS } from './config';
import {
  comingMigrationWeeks,
  demandFigures,
  lastCompleteMigrationWeek,
  plannedWeek,
  REPORT_8_COLUMNS,
  report8Row,
  report8Table,
  report8Weeks,
  SHORTFALL_CAUSES,
  sortByShortfall,
} from './demand';

describe('MEHRS 2.2.1: the default week is the last complete Migration Week (London time)', () => {
  it.each([
    // [now (UTC), expected week]
    ['2026-11-25T12:00:00Z', '2026-11-16'], // a Wednesday: the week before this one
    ['2026-11-23T00:00:00Z', '2026-11-16'], // Monday 00:00 GMT: the new week has begun, the last one is complete
    ['2026-11-22T23:59:59Z', '2026-11-09'], // Sunday night: this week has not ended yet
    ['2026-03-29T22:59:59Z', '2026-03-16'], // Sunday 23:59:59 BST (clocks went forward that morning)
    ['2026-03-29T23:00:00Z', '2026-03-23'], // Monday 00:00 BST is still Sunday in UTC
    ['2026-10-25T23:30:00Z', '2026-10-12'], // clocks went back that morning: still Sunday 23:30 GMT
    ['2026-10-26T00:00:00Z', '2026-10-19'], // Monday 00:00 GMT after the change
    ['2027-01-04T00:00:00Z', '2026-12-28'], // across the year end
    ['2027-01-01T09:00:00Z', '2026-12-21'], // New Year's Day, a Friday in the week of 28 Dec
  ])('at %s it is %s', (now, expected) => {
    expect(lastCompleteMigrationWeek(new Date(now))).toBe(expected);
  });
});

describe('MEHRS 2.2.1: Report 8 covers the previous four Migration Weeks', () => {
  it.each([
    ['2026-11-16', ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16']],
    ['2027-01-11', ['2026-12-21', '2026-12-28', '2027-01-04', '2027-01-11']], // year end
    ['2026-04-06', ['2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06']], // BST starts 29 March
    ['2026-11-02', ['2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02']], // GMT returns 25 October
    ['2021-01-04', ['2020-12-14', '2020-12-21', '2020-12-28', '2021-01-04']], // ISO week 53 year
  ])('for %s', (week, expected) => {
    expect(report8Weeks(week)).toEqual(expected);
  });

  it('has as many weeks as configured, consecutive Mondays', () => {
    const weeks = report8Weeks('2026-11-16', { ...DEMAND_DEFAULTS, report8Weeks: 26 });
    expect(weeks).toHaveLength(26);
    expect(weeks.at(-1)).toBe('2026-11-16');
    expect(weeks[0]).toBe('2026-05-25');
  });

  it('refuses a week that is not a Monday', () => {
    expect(() => report8Weeks('2026-11-17')).toThrow(/Monday/);
  });
});

describe('planned volume: the coming Migration Weeks start with the current one', () => {
  it.each([
    ['2026-11-25T12:00:00Z', '2026-11-23', '2026-12-21'],
    ['2026-12-27T23:00:00Z', '2026-12-21', '2027-01-18'], // Sunday night before the year turns
    ['2026-03-29T23:30:00Z', '2026-03-30', '2026-04-27'], // 00:30 BST Monday
  ])('at %s: from %s to %s', (now, first, last) => {
    const weeks = comingMigrationWeeks(new Date(now));
    expect(weeks).toHaveLength(DEMAND_DEFAULTS.plannedWeeksAhead);
    expect(weeks[0]).toBe(first);
    expect(weeks.at(-1)).toBe(last);
  });
});

describe('MEHRS 2.2.1 (a): received against commitment', () => {
  it.each([
    // committed, received, difference, shortfall, percentage
    [1000, 870, -130, 130, 87],
    [1000, 1000, 0, 0, 100],
    [1000, 1120, 120, 0, 112],
    [3, 2, -1, 1, 66.7],
    [0, 5, 5, 0, null],
    [0, 0, 0, 0, null],
    [7, 0, -7, 7, 0],
  ])('committed %i, received %i', (committed, received, difference, shortfall, percentage) => {
    expect(demandFigures(committed, received)).toEqual({ difference, shortfall, percentage });
  });
});

describe('Report 8 row and table', () => {
  const row = (
    partyName: string,
    migrationWeek: string,
    committed: number,
    received: number,
    rejected: number,
  ) => report8Row({ partyName, secPartyId: 'SEC1', migrationWeek, committed, received, rejected });

  it('derives accepted, difference and percentage from the counts', () => {
    expect(row('Alpha', '2026-11-16', 200, 180, 12)).toEqual({
      partyName: 'Alpha',
      secPartyId: 'SEC1',
      migrationWeek: '2026-11-16',
      committed: 200,
      received: 180,
      rejected: 12,
      accepted: 168,
      difference: -20,
      shortfall: 20,
      percentage: 90,
    });
  });

  it('orders by party then week, and writes every column as text', () => {
    const table = report8Table([
      row('Beta', '2026-11-09', 10, 10, 0),
      row('Alpha', '2026-11-16', 0, 3, 1),
      row('Alpha', '2026-11-09', 200, 180, 12),
    ]);
    expect(table.header).toEqual(REPORT_8_COLUMNS.map((c) => c.header));
    expect(table.records).toEqual([
      ['Alpha', 'SEC1', '2026-11-09', '200', '180', '168', '12', '-20', '90.0'],
      ['Alpha', 'SEC1', '2026-11-16', '0', '3', '2', '1', '3', ''],
      ['Beta', 'SEC1', '2026-11-09', '10', '10', '10', '0', '0', '100.0'],
    ]);
  });

  it('gives the same table for the same rows in any order', () => {
    const rows = [row('Beta', '2026-11-09', 1, 2, 0), row('Alpha', '2026-11-09', 3, 4, 0)];
    expect(report8Table(rows)).toEqual(report8Table([...rows].reverse()));
  });
});

describe('the MCC reads suppliers by shortfall', () => {
  const party = (name: string, shortfalls: number[]) => ({
    name,
    weeks: shortfalls.map((shortfall) => ({ shortfall })),
  });
  it.each([
    [
      [party('A', [0, 0]), party('B', [5, 0]), party('C', [1, 1])],
      ['B', 'C', 'A'],
    ],
    [
      [party('Zed', [3]), party('Abe', [3])],
      ['Abe', 'Zed'],
    ], // ties by name
    [[], []],
  ])('%#', (parties, expected) => {
    expect(sortByShortfall(parties).map((p) => p.name)).toEqual(expected);
  });
});

describe('planned volume: a week filling up against commitment and capacity', () => {
  const base = { migrationWeek: '2026-11-30', rescheduledByTriage: 0 };
  it.each([
    // scheduled, committed, capacity, capacityUsed, overCapacity, overCommitment
    [900, 1000, 1000, 90, false, false],
    [1000, 1000, 1000, 100, false, false],
    [1001, 900, 1000, 100.1, true, true],
    [500, 400, null, null, false, true],
    [5, 0, 0, null, true, true],
  ])('scheduled %i, committed %i, capacity %s', (scheduled, committed, capacity, used, overCap, overCom) => {
    const week = plannedWeek({ ...base, scheduled, committed, capacity });
    expect(week.capacityUsed).toBe(used);
    expect(week.overCapacity).toBe(overCap);
    expect(week.overCommitment).toBe(overCom);
  });
});

describe('MEHRS 2.2.1 (a)–(e): every cause is listed, with whether the data records it', () => {
  it('lists the five causes in the document order', () => {
    expect(SHORTFALL_CAUSES.map((c) => c.clause.slice(0, 9))).toEqual([
      '2.2.1 (a)',
      '2.2.1 (b)',
      '2.2.1 (c)',
      '2.2.1 (d)',
      '2.2.1 (e)',
    ]);
    expect(SHORTFALL_CAUSES.filter((c) => !c.recorded).map((c) => c.key)).toEqual([
      'dcc-capacity',
      'signature',
    ]);
  });
});
