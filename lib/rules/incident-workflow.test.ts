import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  canMoveTo,
  clockFromHistory,
  nextStatuses,
  orderBacklog,
  raiseOutcome,
  type StoredIncidentEvent,
  transitionLabel,
} from './incident-workflow';
import type { IncidentCategory, IncidentStatus } from './types';

const H = 3_600_000;
const at = (iso: string) => new Date(iso);
const ev = (iso: string, status: IncidentStatus, category: IncidentCategory = 3): StoredIncidentEvent => ({
  at: at(iso),
  status,
  category,
});

describe('MEHRS 2.x ITRT clock rebuilt from the stored history (placeholder targets: 3 → 24 h)', () => {
  it('runs while new, assigned and in progress', () => {
    const clock = clockFromHistory(
      'incident',
      '2.5.6',
      [
        ev('2026-11-23T09:00:00Z', 'open'),
        ev('2026-11-23T10:00:00Z', 'assigned'),
        ev('2026-11-23T11:00:00Z', 'in-progress'),
      ],
      at('2026-11-23T15:00:00Z'),
    );
    expect(clock?.elapsedMs).toBe(6 * H);
    expect(clock?.remainingMs).toBe(18 * H);
    expect(clock?.running).toBe(true);
  });

  it('pauses on hold and resumes without losing or inventing time', () => {
    const history = [
      ev('2026-11-23T09:00:00Z', 'open'),
      ev('2026-11-23T10:00:00Z', 'paused'),
      ev('2026-11-23T14:00:00Z', 'in-progress'),
    ];
    const during = clockFromHistory('incident', '2.5.6', history.slice(0, 2), at('2026-11-23T13:00:00Z'));
    expect(during?.elapsedMs).toBe(H);
    expect(during?.running).toBe(false);
    expect(during?.dueAt).toBeNull();
    const after = clockFromHistory('incident', '2.5.6', history, at('2026-11-23T15:00:00Z'));
    expect(after?.elapsedMs).toBe(2 * H);
    expect(after?.dueAt?.toISOString()).toBe('2026-11-24T13:00:00.000Z');
  });

  it('keeps the time already run when the category changes; the target follows the new category', () => {
    const clock = clockFromHistory(
      'incident',
      '2.5.6',
      [ev('2026-11-23T09:00:00Z', 'open', 3), ev('2026-11-23T11:00:00Z', 'in-progress', 1)],
      at('2026-11-23T14:00:00Z'),
    );
    expect(clock?.elapsedMs).toBe(5 * H);
    expect(clock?.targetMs).toBe(4 * H);
    expect(clock?.overTarget).toBe(true);
    expect(clock?.breached).toBe(false); // a provisional target is never reported as breached
    expect(clock?.remainingMs).toBe(-H);
  });

  it('stops on resolution and runs again on re-open, counting only the running intervals', () => {
    const history = [
      ev('2026-11-23T09:00:00Z', 'open'),
      ev('2026-11-23T12:00:00Z', 'resolved'),
      ev('2026-11-24T12:00:00Z', 'in-progress'),
    ];
    expect(
      clockFromHistory('incident', '2.5.6', history.slice(0, 2), at('2026-11-24T11:00:00Z'))?.elapsedMs,
    ).toBe(3 * H);
    expect(clockFromHistory('incident', '2.5.6', history, at('2026-11-24T13:00:00Z'))?.elapsedMs).toBe(4 * H);
  });

  it('counts elapsed hours across the October clock change: 24 h from 12:00 BST is 11:00 GMT the next day', () => {
    const clock = clockFromHistory(
      'incident',
      '2.5.6',
      [ev('2026-10-24T11:00:00Z', 'open')],
      at('2026-10-24T11:00:00Z'),
    );
    expect(clock?.dueAt?.toISOString()).toBe('2026-10-25T11:00:00.000Z');
    expect(format(clock?.dueAt ?? 0, 'HH:mm', { in: tz('Europe/London') })).toBe('11:00');
  });

  it('counts elapsed hours across the March clock change, with a pause spanning it', () => {
    const clock = clockFromHistory(
      'incident',
      '2.5.6',
      [
        ev('2026-03-28T12:00:00Z', 'open'),
        ev('2026-03-28T22:00:00Z', 'paused'),
        ev('2026-03-29T02:00:00Z', 'in-progress'),
      ],
      at('2026-03-29T04:00:00Z'),
    );
    expect(clock?.elapsedMs).toBe(12 * H);
  });

  it('has no clock for an SMSO/CSP communication (MEHRS 2.5.2: not an Incident)', () => {
    expect(
      clockFromHistory(
        'communication',
        '2.5.2',
        [ev('2026-11-23T09:00:00Z', 'open')],
        at('2026-11-24T00:00:00Z'),
      ),
    ).toBeNull();
  });
});

describe('Incident status flow', () => {
  it.each([
    ['open', 'assigned', true],
    ['assigned', 'in-progress', true],
    ['in-progress', 'paused', true],
    ['paused', 'in-progress', true],
    ['in-progress', 'resolved', true],
    ['resolved', 'closed', true],
    ['resolved', 'in-progress', true],
    ['closed', 'in-progress', true],
    ['closed', 'resolved', false],
    ['open', 'closed', false],
    ['paused', 'paused', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canMoveTo(from, to)).toBe(allowed);
  });

  it('names resume and re-open as such', () => {
    expect(transitionLabel('paused', 'in-progress')).toBe('Resume');
    expect(transitionLabel('resolved', 'in-progress')).toBe('Re-open');
    expect(nextStatuses('closed')).toEqual(['in-progress']);
  });
});

describe('MEHRS section 2: what raising a scenario records', () => {
  it('2.5.6: an Incident assigned to the Requesting Party, managed by the MCC', () => {
    const outcome = raiseOutcome('2.5.6');
    expect(outcome?.kind).toBe('incident');
    if (outcome?.kind !== 'incident') throw new Error('expected an incident');
    expect(outcome.owners).toEqual(['rp']);
    expect(outcome.explanation).toContain('managed by the Migration Control Centre');
  });

  it('2.1.1 and 2.1.2: SharePoint incidents are DCC’s, not the MCC’s', () => {
    expect(raiseOutcome('2.1.2')?.explanation).toContain('managed by the DCC');
  });

  it('2.6.5: the analyst chooses between the two owners MEHRS names', () => {
    const outcome = raiseOutcome('2.6.5');
    expect(outcome?.kind === 'incident' && outcome.owners).toEqual(['s1sp', 'dco']);
  });

  it('2.5.2: a communication to Interested Parties, never an Incident', () => {
    expect(raiseOutcome('2.5.2')?.kind).toBe('communication');
  });

  it('2.5.8: a Service Request on the Requesting Party for GroupID CB, nothing otherwise', () => {
    const cb = raiseOutcome('2.5.8', 'CB');
    expect(cb?.kind).toBe('service-request');
    expect(cb?.kind === 'service-request' && cb.owners).toEqual(['rp']);
    expect(raiseOutcome('2.5.8')?.kind).toBeNull();
  });

  it.each(['2.2.1', '2.3.1', '2.3.2', '2.4.5', '2.5.3', '2.6.2', '2.6.3', '2.6.4'])(
    '%s: handled without an Incident, so nothing is recorded',
    (section) => {
      const outcome = raiseOutcome(section);
      expect(outcome?.kind).toBeNull();
      expect(outcome?.explanation).toMatch(/raises no Incident/);
    },
  );
});

describe('Backlog order on resolution', () => {
  const items = [
    { id: 1, priority: false, receivedAt: 300 },
    { id: 2, priority: true, receivedAt: 200 },
    { id: 3, priority: false, receivedAt: 100 },
    { id: 4, priority: true, receivedAt: null },
  ];
  it('MEHRS 2.4.3, 2.5.1: in order of receipt', () => {
    expect(orderBacklog(items, 'receipt').map((i) => i.id)).toEqual([3, 2, 1, 4]);
  });
  it('MEHRS 2.4.1: priority-flagged installations first, then in order of receipt', () => {
    expect(orderBacklog(items, 'priority-first').map((i) => i.id)).toEqual([2, 4, 3, 1]);
  });
});
