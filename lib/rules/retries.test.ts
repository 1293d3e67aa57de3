import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RETRY_DEFAULTS } from './config';
import { deviceConnectivityAttempts, simSwapAttempts } from './retries';
import { GROUP_IDS } from './types';

/** hh:mm of an elapsed offset from the start, as MEHRS 3.1 writes its example (hours may exceed 24). */
function offsets(start: Date, attempts: readonly Date[]): string[] {
  return attempts.map((a) => {
    const minutes = (a.getTime() - start.getTime()) / 60_000;
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  });
}

const MIDNIGHT = new Date('2026-01-12T00:00:00Z'); // 00:00 in London (GMT)

describe('MEHRS 3.1 device connectivity retry (24 hours)', () => {
  it('reproduces the midnight example verbatim', () => {
    const s = deviceConnectivityAttempts(MIDNIGHT, 'AA');
    // MEHRS 3.1: "if the test started at exactly midnight ... these would be made at (hh:mm):"
    const expected =
      '00:00, 00:05, 00:10, 02:00, 02:05, 02:10, 04:00, 04:05, 04:10, 06:00, 06:05, 06:10, 08:00, 08:05, 08:10, ' +
      '10:00, 10:05, 10:10, 12:00, 12:05, 12:10, 14:00, 14:05, 14:10, 16:00, 16:05, 16:10, 18:00, 18:05, 18:10, ' +
      '20:00, 20:05, 20:10, 22:00, 22:05, 22:10';
    expect(s.attempts.map((a) => a.toISOString().slice(11, 16)).join(', ')).toBe(expected);
    expect(s.attempts).toHaveLength(36);
    expect(s.attempts[0]?.toISOString()).toBe('2026-01-12T00:00:00.000Z');
    expect(s.attempts[35]?.toISOString()).toBe('2026-01-12T22:10:00.000Z');
    expect(s.timeoutAt.toISOString()).toBe('2026-01-13T00:00:00.000Z');
    expect(s.timeoutCodes).toEqual(['12.9.1.ET01']);
    expect(s.onTimeout).toContain('SIM profile');
    expect(s.onTimeout).toContain('12.9.1.ET01');
    expect(s.kind).toBe('device-connectivity');
    expect(s.source).toBe('MEHRS v1.2 3.1');
  });

  it.each(['AA', 'BA', 'CB'] as const)('GroupID %s uses 24 hours', (groupId) => {
    const s = deviceConnectivityAttempts(MIDNIGHT, groupId);
    expect(s.attempts).toHaveLength(36);
    expect(s.timeoutAt.getTime() - MIDNIGHT.getTime()).toBe(24 * 3_600_000);
  });

  it('counts elapsed time across the clocks going forward (00:00 GMT, 29 March 2026)', () => {
    const start = new Date('2026-03-29T00:00:00Z');
    const s = deviceConnectivityAttempts(start, 'AA');
    expect(s.attempts).toHaveLength(36);
    // The "02:00" attempt is two elapsed hours later: 02:00 UTC, which London clocks show as 03:00 BST.
    expect(s.attempts[3]?.toISOString()).toBe('2026-03-29T02:00:00.000Z');
    expect(s.timeoutAt.toISOString()).toBe('2026-03-30T00:00:00.000Z');
  });

  it('counts elapsed time across the clocks going back (00:00 BST, 25 October 2026)', () => {
    const start = new Date('2026-10-24T23:00:00Z');
    const s = deviceConnectivityAttempts(start, 'BA');
    expect(offsets(start, s.attempts).slice(0, 6)).toEqual([
      '00:00',
      '00:05',
      '00:10',
      '02:00',
      '02:05',
      '02:10',
    ]);
    expect(s.timeoutAt.toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });
});

describe('MEHRS v3.0 3.1 (seed 000 4.5.2) GroupID DA: up to 48 hours', () => {
  it('makes 72 attempts, last at 46:10, timeout at 48:00', () => {
    const s = deviceConnectivityAttempts(MIDNIGHT, 'DA');
    expect(s.attempts).toHaveLength(72);
    const o = offsets(MIDNIGHT, s.attempts);
    expect(o.slice(0, 3)).toEqual(['00:00', '00:05', '00:10']);
    expect(o.slice(33, 39)).toEqual(['22:00', '22:05', '22:10', '24:00', '24:05', '24:10']);
    expect(o.slice(-3)).toEqual(['46:00', '46:05', '46:10']);
    expect(s.timeoutAt.toISOString()).toBe('2026-01-14T00:00:00.000Z');
    expect(s.timeoutCodes).toEqual(['12.9.1.ET01']);
    expect(s.source).toContain('MEHRS v3.0');
  });

  it('applies 48 hours to whichever GroupIDs are configured as Secure', () => {
    const config = {
      ...RETRY_DEFAULTS,
      deviceConnectivity: { ...RETRY_DEFAULTS.deviceConnectivity, secureGroupIds: ['AA' as const] },
    };
    expect(deviceConnectivityAttempts(MIDNIGHT, 'AA', config).attempts).toHaveLength(72);
    expect(deviceConnectivityAttempts(MIDNIGHT, 'DA', config).attempts).toHaveLength(36);
  });
});

describe('MEHRS v5.0 3.4.1 (seed 004) GroupID EA: five attempts with a 4-hour wait', () => {
  it('attempts at 0, 4, 8, 12 and 16 hours and times out after the last wait', () => {
    const s = deviceConnectivityAttempts(MIDNIGHT, 'EA');
    expect(offsets(MIDNIGHT, s.attempts)).toEqual(['00:00', '04:00', '08:00', '12:00', '16:00']);
    expect(s.timeoutAt.toISOString()).toBe('2026-01-12T20:00:00.000Z');
    expect(s.kind).toBe('device-connectivity-ea');
    expect(s.timeoutCodes).toEqual(['12.9.1.ET01']);
  });

  it('follows the configuration', () => {
    const config = { ...RETRY_DEFAULTS, groupEa: { attempts: 6, waitHours: 2 } };
    const s = deviceConnectivityAttempts(MIDNIGHT, 'EA', config);
    expect(offsets(MIDNIGHT, s.attempts)).toEqual(['00:00', '02:00', '04:00', '06:00', '08:00', '10:00']);
    expect(s.timeoutAt.toISOString()).toBe('2026-01-12T12:00:00.000Z');
  });
});

describe('MEHRS 3.2 SIM swap retries, GroupID CB', () => {
  it('defaults: 3 attempts 60 minutes apart, timeout an interval after the last (within 5 hours), then MA120', () => {
    const s = simSwapAttempts(MIDNIGHT);
    expect(offsets(MIDNIGHT, s.attempts)).toEqual(['00:00', '01:00', '02:00']);
    expect(s.timeoutAt.toISOString()).toBe('2026-01-12T03:00:00.000Z');
    expect(s.timeoutCodes).toEqual(['MA120']);
    expect(s.onTimeout).toContain('MA120');
    expect(s.kind).toBe('sim-swap-cb');
  });

  it.each([
    // [intervalMinutes, attempts, maxDurationHours, expected attempts, expected timeout offset]
    [180, 3, 5, ['00:00', '03:00'], '05:00'], // the duration cap drops the third attempt
    [60, 10, 5, ['00:00', '01:00', '02:00', '03:00', '04:00'], '05:00'], // the duration caps the count
    [120, 3, 5, ['00:00', '02:00', '04:00'], '05:00'], // timeout capped at the duration, not 06:00
    [30, 3, 5, ['00:00', '00:30', '01:00'], '01:30'], // the count binds
  ])(
    'interval %i min, %i attempts, %i h → %j, timeout %s',
    (intervalMinutes, attempts, maxDurationHours, times, timeout) => {
      const s = simSwapAttempts(MIDNIGHT, { intervalMinutes, attempts, maxDurationHours });
      expect(offsets(MIDNIGHT, s.attempts)).toEqual(times);
      expect(offsets(MIDNIGHT, [s.timeoutAt])).toEqual([timeout]);
    },
  );
});

describe('invalid input', () => {
  it('rejects an invalid start and non-positive settings', () => {
    expect(() => deviceConnectivityAttempts(new Date(Number.NaN), 'AA')).toThrow(RangeError);
    expect(() =>
      simSwapAttempts(MIDNIGHT, { attempts: 0, intervalMinutes: 60, maxDurationHours: 5 }),
    ).toThrow(RangeError);
    const bad = {
      ...RETRY_DEFAULTS,
      deviceConnectivity: { ...RETRY_DEFAULTS.deviceConnectivity, attemptsPerShortRetry: 2.5 },
    };
    expect(() => deviceConnectivityAttempts(MIDNIGHT, 'AA', bad)).toThrow(RangeError);
    const overlapping = {
      ...RETRY_DEFAULTS,
      deviceConnectivity: { ...RETRY_DEFAULTS.deviceConnectivity, shortRetryIntervalMinutes: 61 },
    };
    expect(() => deviceConnectivityAttempts(MIDNIGHT, 'AA', overlapping)).toThrow(RangeError);
  });
});

describe('properties', () => {
  const starts = fc.date({
    min: new Date('2020-01-01T00:00:00Z'),
    max: new Date('2035-01-01T00:00:00Z'),
    noInvalidDate: true,
  });
  const groups = fc.constantFrom(...GROUP_IDS);
  const sims = fc.record({
    attempts: fc.integer({ min: 1, max: 10 }),
    intervalMinutes: fc.integer({ min: 1, max: 600 }),
    maxDurationHours: fc.integer({ min: 1, max: 48 }),
  });

  it('device connectivity: sorted, distinct, in [start, timeout), deterministic, 36/72/5 attempts', () => {
    fc.assert(
      fc.property(starts, groups, (start, groupId) => {
        const s = deviceConnectivityAttempts(start, groupId);
        const times = s.attempts.map((a) => a.getTime());
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(new Set(times).size).toBe(times.length);
        expect(times[0]).toBe(start.getTime());
        for (const t of times) expect(t).toBeLessThan(s.timeoutAt.getTime());
        expect(s.attempts.length).toBe(groupId === 'DA' ? 72 : groupId === 'EA' ? 5 : 36);
        expect(deviceConnectivityAttempts(new Date(start.getTime()), groupId)).toEqual(s);
      }),
    );
  });

  it('SIM swap: never more than the count, never at or after the max duration, timeout within the duration', () => {
    fc.assert(
      fc.property(starts, sims, (start, config) => {
        const s = simSwapAttempts(start, config);
        const times = s.attempts.map((a) => a.getTime() - start.getTime());
        expect(s.attempts.length).toBeGreaterThanOrEqual(1);
        expect(s.attempts.length).toBeLessThanOrEqual(config.attempts);
        expect(times).toEqual([...times].sort((a, b) => a - b));
        for (const t of times) expect(t).toBeLessThan(config.maxDurationHours * 3_600_000);
        const timeout = s.timeoutAt.getTime() - start.getTime();
        expect(timeout).toBeLessThanOrEqual(config.maxDurationHours * 3_600_000);
        expect(timeout).toBeGreaterThan(times[times.length - 1] ?? -1);
        expect(simSwapAttempts(start, config)).toEqual(s);
      }),
    );
  });
});

describe('retry schedules cite documents by name, never by seed file', () => {
  it.each(['AA', 'DA', 'EA'] as const)('device connectivity, GroupID %s', (groupId) => {
    const s = deviceConnectivityAttempts(new Date('2026-03-02T00:00:00Z'), groupId);
    expect(s.source).toMatch(/^MEHRS v\d\.\d/);
    expect(s.source).not.toMatch(/seed/);
  });

  it('MEHRS 3.2 SIM swap (GroupID CB) ends in MA120', () => {
    const s = simSwapAttempts(new Date('2026-03-02T00:00:00Z'));
    expect(s.source).toBe('MEHRS v1.2 3.2 (GroupID CB)');
    expect(s.timeoutCodes).toEqual(['MA120']);
  });
});
