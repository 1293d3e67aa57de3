import { describe, expect, it } from 'vitest';
import { parsePeriod, parseWeek, periodLabel } from './define';

const fallback = { from: '2026-11-16', to: '2026-11-22' };
const parse = (query: string) => parsePeriod(new URLSearchParams(query), fallback);

describe('Report parameters are checked, with one sentence saying what to change', () => {
  it.each([
    ['', { from: '2026-11-16', to: '2026-11-22' }],
    ['from=2026-11-01&to=2026-11-07', { from: '2026-11-01', to: '2026-11-07' }],
    ['from=2026-11-01', { from: '2026-11-01', to: '2026-11-01' }],
    ['to=2026-11-03', { from: '2026-11-03', to: '2026-11-03' }],
    ['from=2025-11-25&to=2026-11-25', { from: '2025-11-25', to: '2026-11-25' }],
  ])('%j → %j', (query, params) => {
    expect(parse(query)).toEqual({ ok: true, params });
  });

  it.each([
    ['from=2026-02-30', /from must be a calendar date written YYYY-MM-DD/],
    ['to=25/11/2026', /to must be a calendar date written YYYY-MM-DD/],
    ['from=2026-11-08&to=2026-11-01', /from \(2026-11-08\) must not be after to \(2026-11-01\)/],
    ['from=2024-01-01&to=2026-01-01', /at most 366 days/],
  ])('%j is refused', (query, message) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('takes a Migration Week only as a Monday', () => {
    expect(parseWeek(new URLSearchParams('week=2026-11-16'), '2026-11-09')).toEqual({
      ok: true,
      params: { week: '2026-11-16' },
    });
    expect(parseWeek(new URLSearchParams(''), '2026-11-09')).toEqual({
      ok: true,
      params: { week: '2026-11-09' },
    });
    const refused = parseWeek(new URLSearchParams('week=2026-11-17'), '2026-11-09');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/a Monday written YYYY-MM-DD/);
  });

  it('names the period in the file name', () => {
    expect(periodLabel({ from: '2026-11-24', to: '2026-11-24' })).toBe('2026-11-24');
    expect(periodLabel({ from: '2026-11-16', to: '2026-11-22' })).toBe('2026-11-16_to_2026-11-22');
  });
});
