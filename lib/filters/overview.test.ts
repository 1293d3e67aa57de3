import { describe, expect, it } from 'vitest';
import { overviewParams, parseOverviewQuery } from './overview';

// Wednesday 25 November 2026, London: the current Migration Week starts Monday 23 November.
const NOW = new Date('2026-11-25T12:00:00Z');
const weeks = { current: '2026-11-23', previous: '2026-11-16' };

describe('the overview query', () => {
  it('opens on the current Migration Week', () => {
    const q = parseOverviewQuery({}, NOW);
    expect(q.filter).toMatchObject({ weekFrom: '2026-11-23', weekTo: '2026-11-23' });
    expect(q.shortcut).toBe('this');
    expect(q.problems).toEqual([]);
  });

  it.each([
    [{ weeks: 'all' }, 'all', undefined, undefined],
    [{ weekFrom: '2026-11-16', weekTo: '2026-11-16' }, 'last', '2026-11-16', '2026-11-16'],
    [{ weekFrom: '2026-11-02', weekTo: '2026-11-23' }, 'last-four', '2026-11-02', '2026-11-23'],
    [{ weekFrom: '2026-10-05' }, null, '2026-10-05', undefined],
  ] as const)('reads %o as the shortcut %s', (params, shortcut, weekFrom, weekTo) => {
    const q = parseOverviewQuery(params, NOW);
    expect(q.shortcut).toBe(shortcut);
    expect(q.filter.weekFrom).toBe(weekFrom);
    expect(q.filter.weekTo).toBe(weekTo);
  });

  it.each([
    [
      { weekFrom: '2026-11-04' },
      'The first week 2026-11-04 is not a Monday: a Migration Week starts on a Monday.',
    ],
    [{ weekTo: 'soon' }, 'The last week soon is not a date (YYYY-MM-DD).'],
    [
      { weekFrom: '2026-11-23', weekTo: '2026-11-16' },
      'The first week 2026-11-23 is after the last week, 2026-11-16.',
    ],
  ])('says what is wrong with %o and shows this week instead', (params, problem) => {
    const q = parseOverviewQuery(params, NOW);
    expect(q.problems).toContain(problem);
    expect(q.filter).toMatchObject({ weekFrom: '2026-11-23', weekTo: '2026-11-23' });
  });

  it('keeps the default and empty values out of the URL', () => {
    expect(overviewParams({ weekFrom: '2026-11-23', weekTo: '2026-11-23' }, weeks)).toEqual({});
    expect(overviewParams({ groupId: 'CB' }, weeks)).toEqual({ groupId: 'CB', weeks: 'all' });
    expect(overviewParams({ weekFrom: '2026-11-16', weekTo: '2026-11-16' }, weeks)).toEqual({
      weekFrom: '2026-11-16',
      weekTo: '2026-11-16',
    });
  });
});
