import { describe, expect, it } from 'vitest';
import type { TriageDecision } from './triage';
import { type TriageDecisionFact, triageStateFor } from './triage-state';

const decision = (decidedAt: string, d: TriageDecision = 'reschedule'): TriageDecisionFact => ({
  decidedAt,
  decision: d,
  rescheduledWeek: '2026-04-06',
  reason: 'r',
});

describe('triageStateFor: the decision about the latest failure (MEHRS section 4)', () => {
  it('MEHRS 4: Active-only installations are never triaged', () => {
    expect(
      triageStateFor({
        type: 'active-only',
        status: 'failed',
        latestFailureAt: '2026-03-01T00:00:00Z',
        decisions: [],
      }).kind,
    ).toBe('not-applicable');
  });

  it('MEHRS 4.1: a failure after the last decision awaits triage, and the older decision is only "earlier"', () => {
    const s = triageStateFor({
      type: 'dormant-dormant',
      status: 'failed',
      latestFailureAt: '2026-03-10T00:00:00Z',
      decisions: [decision('2026-03-02T00:00:00Z')],
    });
    expect(s.kind).toBe('awaiting');
    expect(s.kind === 'awaiting' && s.earlier?.decidedAt).toBe('2026-03-02T00:00:00Z');
  });

  it('MEHRS 4.2: a decision after the latest failure is the state', () => {
    const s = triageStateFor({
      type: 'active-dormant',
      status: 'failed',
      latestFailureAt: '2026-03-10T00:00:00Z',
      decisions: [decision('2026-03-12T00:00:00Z', 'exclude'), decision('2026-03-02T00:00:00Z')],
    });
    expect(s.kind === 'decided' && s.decision.decision).toBe('exclude');
  });

  it('a dormant installation that never failed needs no triage', () => {
    expect(
      triageStateFor({ type: 'dormant-dormant', status: 'in-progress', latestFailureAt: null, decisions: [] })
        .kind,
    ).toBe('not-needed');
  });

  it('a failure with no decision at all awaits triage', () => {
    const s = triageStateFor({
      type: 'dormant-dormant',
      status: 'rolled-back',
      latestFailureAt: '2026-03-10T00:00:00Z',
      decisions: [],
    });
    expect(s).toEqual({ kind: 'awaiting', earlier: null });
  });
});
