import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRIAGE_DEFAULTS } from './config';
import {
  dormantTriageAdvice,
  earliestTriageWeek,
  isTriageable,
  rescheduleWeekProblem,
  type TriageInstallation,
} from './triage';
import { isValidMigrationWeek, migrationWeekStart } from './weeks';

// 00:30 BST on Monday 30 March 2026 (still Sunday in UTC): the current Migration Week is 2026-03-30.
const NOW = new Date('2026-03-29T23:30:00Z');
const dd: TriageInstallation = {
  installationType: 'dormant-dormant',
  lastFailureCode: 'MA999',
  smsoActionPending: false,
};
const ad: TriageInstallation = { ...dd, installationType: 'active-dormant' };

describe('MEHRS 4 dormant triage', () => {
  it('4.1 Dormant/Dormant: the MCC reschedules it itself, from the week after now', () => {
    const advice = dormantTriageAdvice(dd, 1, NOW);
    expect(advice).toEqual({
      decision: 'reschedule',
      earliestWeek: '2026-04-06',
      reasons: [
        'The last attempt failed with MA999 (Other Failure).',
        'Migration has been attempted once (exclusion is considered from 5, an MCC assumption).',
        'Both meters are dormant, so the Migration Control Centre will include the installation in the Migration ' +
          'Week beginning Monday 2026-04-06 or a later one itself (MEHRS 4.1).',
        'The Responsible Supplier(s) are told of the failure and the failed step.',
      ],
    });
  });

  it('4.2 Active/Dormant: the MCC liaises with the Active Meter supplier, and the suppliers are told the failed step', () => {
    const advice = dormantTriageAdvice({ ...ad, lastFailedStep: '5.25' }, 2, NOW);
    expect(advice.decision).toBe('liaise-with-active-supplier');
    expect(advice.earliestWeek).toBe('2026-04-06');
    expect(advice.reasons).toEqual([
      'The last attempt failed with MA999 (Other Failure) at FailedStepNumber 5.25.',
      'Migration has been attempted 2 times (exclusion is considered from 5, an MCC assumption).',
      'The installation has an Active meter, so the Migration Control Centre will liaise with its supplier, who must ' +
        'include the installation in a Migration Authorisation for the Migration Week beginning Monday 2026-04-06 ' +
        'or later (MEHRS 4.2).',
      'The Responsible Supplier(s) are told of the failure and the failed step (FailedStepNumber 5.25).',
    ]);
  });

  it.each([
    ['MA111', 'dormant-dormant'],
    ['MA112', 'active-dormant'],
    ['12.9.1.ET01', 'dormant-dormant'],
    ['ma523', 'dormant-dormant'], // case-insensitive
  ] as const)('%s with an SMSO action pending (%s) → await-smso', (code, installationType) => {
    const advice = dormantTriageAdvice(
      { installationType, lastFailureCode: code, smsoActionPending: true },
      2,
      NOW,
    );
    expect(advice.decision).toBe('await-smso');
    expect(advice.earliestWeek).toBe('2026-04-06');
    expect(advice.reasons[1]).toContain('This failure needs the SMSO to act, and an SMSO action is pending');
  });

  it('an SMSO-fix code with no SMSO action pending is rescheduled, with a warning', () => {
    const advice = dormantTriageAdvice({ ...dd, lastFailureCode: 'MA112' }, 2, NOW);
    expect(advice.decision).toBe('reschedule');
    expect(advice.reasons[0]).toBe(
      'The last attempt failed with MA112 (There has been no WAN comms with the installation in the last 7 days).',
    );
    expect(advice.reasons[2]).toBe(
      'This failure usually needs the SMSO to act, and no SMSO action is recorded: ask the SMSO to investigate ' +
        'before the next attempt, or the same failure is likely to recur.',
    );
    expect(dormantTriageAdvice({ ...ad, lastFailureCode: '12.9.1.ET01' }, 1, NOW).decision).toBe(
      'liaise-with-active-supplier',
    );
  });

  it('a pending SMSO action holds back any failure (MA114)', () => {
    const advice = dormantTriageAdvice({ ...dd, smsoActionPending: true }, 1, NOW);
    expect(advice.decision).toBe('await-smso');
    expect(advice.reasons[1]).toContain('(MA114)');
  });

  // Every branch of the weighing, one row each: [MEHRS section, type, code, failed step, SMSO pending, attempts, advice].
  it.each([
    [
      '4.2 A.1 MA107 a meter became Active',
      'dormant-dormant',
      'MA107',
      null,
      false,
      1,
      'liaise-with-active-supplier',
    ],
    [
      '4.2 A.1 MA012 a meter became Active',
      'active-dormant',
      'MA012',
      null,
      true,
      7,
      'liaise-with-active-supplier',
    ],
    ['4.1 DCC-side MA101', 'dormant-dormant', 'MA101', null, false, 9, 'reschedule'],
    ['4.2 DCC-side MA116', 'active-dormant', 'MA116', null, false, 5, 'liaise-with-active-supplier'],
    ['4.1 DCC-side window FSN 5.24', 'dormant-dormant', 'MA115', '5.24', false, 6, 'reschedule'],
    ['4.1 DCC-side with SMSO pending', 'dormant-dormant', 'MA101', null, true, 1, 'await-smso'],
    ['4 SMSO pending holds any failure', 'dormant-dormant', 'MA999', null, true, 8, 'await-smso'],
    ['2.6.5 MA121 early: ask the SMSO', 'dormant-dormant', 'MA121', null, false, 1, 'await-smso'],
    ['2.6.5 MA121 at the threshold: exclude', 'dormant-dormant', 'MA121', null, false, 5, 'exclude'],
    ['4 threshold, SMSO-fixable failure', 'active-dormant', 'MA112', null, false, 5, 'await-smso'],
    [
      '4 threshold, FSN 12.9.1.ET01 (SMSO-fixable)',
      'dormant-dormant',
      'MA115',
      '12.9.1.ET01',
      false,
      6,
      'await-smso',
    ],
    ['4 threshold, installation-side failure', 'dormant-dormant', 'MA999', null, false, 5, 'exclude'],
    ['4.1 below the threshold', 'dormant-dormant', 'MA999', null, false, 4, 'reschedule'],
    ['4.2 below the threshold', 'active-dormant', 'E48', null, false, 4, 'liaise-with-active-supplier'],
  ] as const)('MEHRS %s', (_name, installationType, code, step, pending, attempts, decision) => {
    const advice = dormantTriageAdvice(
      { installationType, lastFailureCode: code, lastFailedStep: step, smsoActionPending: pending },
      attempts,
      NOW,
    );
    expect(advice.decision).toBe(decision);
    expect(advice.earliestWeek === undefined).toBe(decision === 'exclude');
  });

  it('MEHRS 4 (D8): the attempts threshold is named configuration, weighed after the failure reason', () => {
    expect(dormantTriageAdvice(dd, 3, NOW, { ...TRIAGE_DEFAULTS, exclusionReviewAttempts: 3 }).decision).toBe(
      'exclude',
    );
    // The counterexample: a 5th failure that is MA101 (the MA lapsed during a MEHRS 2.4.1 RP outage) is no reason to
    // give up on the installation.
    const advice = dormantTriageAdvice(
      { ...dd, lastFailureCode: 'MA101', lastMigrationWeek: '2026-03-23' },
      5,
      new Date('2026-03-25T10:00:00Z'),
    );
    expect(advice.decision).toBe('reschedule');
    expect(advice.earliestWeek).toBe('2026-03-30');
    expect(advice.reasons[1]).toBe(
      'The failure was on the DCC side, not at the installation, so this attempt does not count against it.',
    );
    expect(advice.reasons.join(' ')).not.toContain('SMETS2+');
  });

  it('MEHRS 4.2 / A.1 MA107 (D9): a meter that became Active is liaised, not excluded, at any attempt', () => {
    const advice = dormantTriageAdvice({ ...ad, lastFailureCode: 'MA107' }, 5, NOW);
    expect(advice.decision).toBe('liaise-with-active-supplier');
    expect(advice.reasons[1]).toContain('now has an Active supplier');
  });

  it('MEHRS 2.3.2 / A.1 MA107 (D9): a now Active-only installation leaves section 4 for its supplier', () => {
    expect(isTriageable('active-only')).toBe(false);
    expect(() =>
      dormantTriageAdvice({ ...dd, installationType: 'active-only', lastFailureCode: 'MA107' }, 5, NOW),
    ).toThrow(/MEHRS 2\.3\.2/);
  });

  it('MEHRS 2.6.5 / A.1 MA121 (D10): the SMSO is asked first; SMETS2+ replacement only with the attempts', () => {
    const first = dormantTriageAdvice({ ...dd, lastFailureCode: 'MA121' }, 1, NOW);
    expect(first.decision).toBe('await-smso');
    expect(first.earliestWeek).toBe('2026-04-06');
    expect(first.reasons[1]).toContain('ask the SMSO whether it can restore communications (MEHRS 2.6.5)');
    const pending = dormantTriageAdvice({ ...dd, lastFailureCode: 'MA121', smsoActionPending: true }, 6, NOW);
    expect(pending.decision).toBe('await-smso');
    const late = dormantTriageAdvice({ ...dd, lastFailureCode: 'MA121' }, 5, NOW);
    expect(late.decision).toBe('exclude');
    expect(late.reasons[2]).toContain('SMETS2+');
  });

  it('MEHRS 2.6.2 / A.1 MA115 (D11): the FailedStepNumber is kept and weighed', () => {
    const advice = dormantTriageAdvice(
      { ...dd, lastFailureCode: 'MA115', lastFailedStep: '12.9.1.ET01' },
      4,
      NOW,
    );
    expect(advice.decision).toBe('reschedule');
    expect(advice.reasons[0]).toBe(
      'The last attempt failed with MA115 (Failure SCF Received) at FailedStepNumber 12.9.1.ET01.',
    );
    expect(advice.reasons).toContain(
      'This failure usually needs the SMSO to act, and no SMSO action is recorded: ask the SMSO to investigate ' +
        'before the next attempt, or the same failure is likely to recur.',
    );
    expect(advice.reasons.at(-1)).toBe(
      'The Responsible Supplier(s) are told of the failure and the failed step (FailedStepNumber 12.9.1.ET01).',
    );
  });

  it.each(['MA107', 'MA012'])('A.1 %s (a meter became Active) → liaise with the Active supplier', (code) => {
    const advice = dormantTriageAdvice({ ...dd, lastFailureCode: code }, 1, NOW);
    expect(advice.decision).toBe('liaise-with-active-supplier');
    expect(advice.reasons[1]).toContain('now has an Active supplier');
  });

  it('MEHRS 4.1 rescheduling weeks: only Mondays from the earliest eligible week', () => {
    expect(earliestTriageWeek(NOW)).toBe('2026-04-06');
    expect(rescheduleWeekProblem('2026-04-06', '2026-04-06')).toBeNull();
    expect(rescheduleWeekProblem('2026-04-13', '2026-04-06')).toBeNull();
    expect(rescheduleWeekProblem('2026-03-30', '2026-04-06')).toBe(
      'the Migration Week beginning Monday 2026-03-30 is before the earliest eligible week, 2026-04-06.',
    );
    expect(rescheduleWeekProblem('2026-04-07', '2026-04-06')).toBe(
      '2026-04-07 is not a Migration Week (a Monday).',
    );
  });

  it('the earliest week is after the last attempted week when that is later', () => {
    expect(dormantTriageAdvice({ ...dd, lastMigrationWeek: '2026-04-13' }, 1, NOW).earliestWeek).toBe(
      '2026-04-20',
    );
    expect(dormantTriageAdvice({ ...dd, lastMigrationWeek: '2026-03-23' }, 1, NOW).earliestWeek).toBe(
      '2026-04-06',
    );
  });

  it('describes unknown and missing failure codes', () => {
    expect(dormantTriageAdvice({ ...dd, lastFailureCode: 'XYZ' }, 1, NOW).reasons[0]).toBe(
      'The last attempt failed with XYZ.',
    );
    expect(dormantTriageAdvice({ ...dd, lastFailureCode: null }, 1, NOW).reasons[0]).toBe(
      'No failure reason was recorded for the last attempt.',
    );
  });

  it('Active-only installations are not triaged', () => {
    expect(isTriageable('active-only')).toBe(false);
    expect(isTriageable('active-dormant')).toBe(true);
    expect(isTriageable('dormant-dormant')).toBe(true);
    expect(() => dormantTriageAdvice({ ...dd, installationType: 'active-only' }, 1, NOW)).toThrow(RangeError);
  });

  it('rejects impossible inputs', () => {
    expect(() => dormantTriageAdvice(dd, 0, NOW)).toThrow(RangeError);
    expect(() => dormantTriageAdvice(dd, 1.5, NOW)).toThrow(RangeError);
    expect(() => dormantTriageAdvice(dd, 1, new Date(Number.NaN))).toThrow(RangeError);
    expect(() => dormantTriageAdvice({ ...dd, lastMigrationWeek: '2026-04-01' }, 1, NOW)).toThrow(RangeError);
  });

  it('property: the earliest week is a Monday strictly after now, and exclude has none', () => {
    const codes = fc.constantFrom(null, 'MA112', 'MA121', 'MA107', 'MA999', '12.9.1.ET01', 'E48');
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2025-01-01T00:00:00Z'),
          max: new Date('2030-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom('active-dormant' as const, 'dormant-dormant' as const),
        codes,
        fc.boolean(),
        fc.integer({ min: 1, max: 8 }),
        (now, installationType, lastFailureCode, smsoActionPending, attempts) => {
          const advice = dormantTriageAdvice(
            { installationType, lastFailureCode, smsoActionPending },
            attempts,
            now,
          );
          if (advice.decision === 'exclude') {
            expect(advice.earliestWeek).toBeUndefined();
          } else {
            const week = advice.earliestWeek ?? '';
            expect(isValidMigrationWeek(week)).toBe(true);
            // Monday 00:00 London is after now.
            expect(migrationWeekStart(week).getTime()).toBeGreaterThan(now.getTime());
          }
          expect(advice.reasons.length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('property: the decision depends on the attempts only through the threshold (so a queue counts by groups)', () => {
    const codes = fc.constantFrom(
      null,
      'MA101',
      'MA112',
      'MA115',
      'MA121',
      'MA107',
      'MA999',
      '12.9.1.ET01',
      'E48',
    );
    fc.assert(
      fc.property(
        fc.constantFrom('active-dormant' as const, 'dormant-dormant' as const),
        codes,
        fc.constantFrom(null, '5.24', '12.9.1.ET01', '5.25'),
        fc.boolean(),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        (installationType, lastFailureCode, lastFailedStep, smsoActionPending, a, b) => {
          const t = TRIAGE_DEFAULTS.exclusionReviewAttempts;
          fc.pre(a >= t === b >= t);
          const input = { installationType, lastFailureCode, lastFailedStep, smsoActionPending };
          expect(dormantTriageAdvice(input, a, NOW).decision).toBe(
            dormantTriageAdvice(input, b, NOW).decision,
          );
        },
      ),
    );
  });
});
