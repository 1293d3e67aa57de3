import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INCIDENT_TARGET_DEFAULTS } from './config';
import { type IncidentEvent, incidentClock, incidentTargetMs, incidentTargets } from './incident-targets';
import type { IncidentCategory, IncidentStatus } from './types';

const H = 3_600_000;
const t0 = new Date('2026-03-28T22:00:00Z');
const at = (hours: number) => new Date(t0.getTime() + hours * H);
const status = (s: IncidentStatus, hours: number): IncidentEvent => ({
  type: 'status',
  status: s,
  at: at(hours),
});
const category = (c: IncidentCategory, hours: number): IncidentEvent => ({
  type: 'category',
  category: c,
  at: at(hours),
});

describe('incidentTargets (MEHRS 2.4–2.7: TMAD ITRT; MEHRS 2.1: Incident Management Policy ITRT)', () => {
  it.each([
    [1, 4],
    [2, 8],
    [3, 24],
    [4, 72],
    [5, 120],
  ] as const)('category %i: %i hours by default', (c, hours) => {
    const target = incidentTargets(c, t0);
    expect(target.targetMs).toBe(hours * H);
    expect(target.targetAt.toISOString()).toBe(new Date(t0.getTime() + hours * H).toISOString());
    expect(target.kind).toBe('migration');
  });

  it('counts elapsed hours across the clocks going forward (29 March 2026)', () => {
    expect(incidentTargets(3, t0).targetAt.toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('uses the separate table for standard (SharePoint, MEHRS 2.1) incidents', () => {
    const config = { ...INCIDENT_TARGET_DEFAULTS, standard: { 1: 2, 2: 6, 3: 12, 4: 48, 5: 96 } };
    expect(incidentTargets(2, t0, config, 'standard').targetMs).toBe(6 * H);
    expect(incidentTargets(2, t0, config, 'migration').targetMs).toBe(8 * H);
    expect(incidentTargetMs(5, config, 'standard')).toBe(96 * H);
  });

  it('rejects an invalid date', () => {
    expect(() => incidentTargets(1, new Date(Number.NaN))).toThrow(RangeError);
  });
});

const CONFIRMED = { ...INCIDENT_TARGET_DEFAULTS, confirmed: { migration: true, standard: true } };

describe('incidentClock', () => {
  it('runs from open, through in-progress, at the current category', () => {
    const clock = incidentClock([status('open', 0), category(2, 0), status('in-progress', 1)], at(3));
    expect(clock).toEqual({
      status: 'in-progress',
      category: 2,
      elapsedMs: 3 * H,
      targetMs: 8 * H,
      remainingMs: 5 * H,
      dueAt: at(8),
      overTarget: false,
      provisional: true,
      breached: false,
      paused: false,
      running: true,
    });
  });

  it('does not count paused time, and projects the due time from now when running again', () => {
    const events = [category(2, 0), status('open', 0), status('paused', 2), status('in-progress', 5)];
    const whilePaused = incidentClock(events, at(4));
    expect(whilePaused.elapsedMs).toBe(2 * H);
    expect(whilePaused.paused).toBe(true);
    expect(whilePaused.running).toBe(false);
    expect(whilePaused.dueAt).toBeNull();
    const resumed = incidentClock(events, at(7));
    expect(resumed.elapsedMs).toBe(4 * H); // 0–2 and 5–7
    expect(resumed.dueAt?.toISOString()).toBe(at(11).toISOString()); // 8 h target: 4 h left from 7
  });

  it('keeps paused time out after a category change: the new target applies to the same elapsed time', () => {
    const events = [
      status('open', 0),
      category(3, 0),
      status('paused', 1),
      status('in-progress', 10), // 9 hours paused
      category(1, 11), // re-categorised upwards
    ];
    const clock = incidentClock(events, at(12));
    expect(clock.category).toBe(1);
    expect(clock.elapsedMs).toBe(3 * H); // 0–1 and 10–12; the 9 paused hours are not lost
    expect(clock.targetMs).toBe(4 * H);
    expect(clock.remainingMs).toBe(1 * H);
    expect(clock.dueAt?.toISOString()).toBe(at(13).toISOString());
    expect(clock.breached).toBe(false);
    // Before the re-categorisation the category 3 target applied.
    expect(incidentClock(events, at(10.5)).targetMs).toBe(24 * H);
  });

  it('D16: past a provisional (unconfirmed) target it is over target but never "breached"', () => {
    const events = [category(1, 0), status('open', 0), status('resolved', 5)];
    const clock = incidentClock(events, at(9));
    expect(clock.overTarget).toBe(true);
    expect(clock.provisional).toBe(true);
    expect(clock.breached).toBe(false);
  });

  it('D17: the running statuses are configuration (an assumption the seeds do not settle)', () => {
    const events = [category(1, 0), status('open', 0), status('paused', 1)];
    const paused = {
      ...INCIDENT_TARGET_DEFAULTS,
      runningStatuses: ['open', 'in-progress', 'paused'] as const,
    };
    expect(incidentClock(events, at(3)).elapsedMs).toBe(1 * H);
    expect(incidentClock(events, at(3), paused).elapsedMs).toBe(3 * H);
  });

  it('is breached when the running time exceeds a confirmed target, and stops on resolution', () => {
    const events = [category(1, 0), status('open', 0), status('resolved', 5)];
    const clock = incidentClock(events, at(9), CONFIRMED);
    expect(clock.elapsedMs).toBe(5 * H);
    expect(clock.breached).toBe(true);
    expect(clock.running).toBe(false);
    expect(clock.dueAt).toBeNull();
    expect(clock.status).toBe('resolved');
    expect(clock.remainingMs).toBe(-1 * H);
  });

  it('is not breached at exactly the target', () => {
    const clock = incidentClock([category(1, 0), status('open', 0)], at(4));
    expect(clock.breached).toBe(false);
    expect(clock.remainingMs).toBe(0);
    expect(clock.dueAt?.toISOString()).toBe(at(4).toISOString());
  });

  it('runs again after a reopen and stays stopped when closed', () => {
    const events = [
      category(4, 0),
      status('open', 0),
      status('resolved', 2),
      status('open', 6), // reopened
      status('closed', 7),
    ];
    expect(incidentClock(events, at(6.5)).elapsedMs).toBe(2.5 * H);
    const closed = incidentClock(events, at(30));
    expect(closed.elapsedMs).toBe(3 * H);
    expect(closed.status).toBe('closed');
    expect(closed.running).toBe(false);
  });

  it('sorts events by time and ignores those after now', () => {
    const events = [status('paused', 2), category(2, 0), status('open', 0), status('in-progress', 50)];
    const clock = incidentClock(events, at(10));
    expect(clock.elapsedMs).toBe(2 * H);
    expect(clock.status).toBe('paused');
  });

  it('uses the standard table when asked', () => {
    const config = { ...INCIDENT_TARGET_DEFAULTS, standard: { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5 } };
    expect(incidentClock([category(3, 0), status('open', 0)], at(1), config, 'standard').targetMs).toBe(
      3 * H,
    );
  });

  it('throws without a category', () => {
    expect(() => incidentClock([status('open', 0)], at(1))).toThrow(RangeError);
    expect(() => incidentClock([category(1, 5), status('open', 0)], at(1))).toThrow(RangeError);
  });

  it('property: elapsed time never exceeds wall time, and a category change never changes elapsed time', () => {
    const statuses = fc.constantFrom<IncidentStatus>('open', 'in-progress', 'paused', 'resolved', 'closed');
    const history = fc.array(fc.tuple(statuses, fc.integer({ min: 0, max: 200 })), { maxLength: 12 });
    fc.assert(
      fc.property(
        history,
        fc.integer({ min: 0, max: 250 }),
        fc.integer({ min: 0, max: 250 }),
        fc.constantFrom<IncidentCategory>(1, 2, 3, 4, 5),
        (steps, nowH, changeH, newCategory) => {
          const base: IncidentEvent[] = [
            category(3, 0),
            status('open', 0),
            ...steps.map(([s, h]) => status(s, h)),
          ];
          const a = incidentClock(base, at(nowH));
          const b = incidentClock([...base, category(newCategory, changeH)], at(nowH));
          expect(a.elapsedMs).toBeGreaterThanOrEqual(0);
          expect(a.elapsedMs).toBeLessThanOrEqual(nowH * H);
          expect(b.elapsedMs).toBe(a.elapsedMs);
          expect(b.targetMs).toBe(incidentTargetMs(changeH <= nowH ? newCategory : 3));
        },
      ),
    );
  });
});
