import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRIAGE_DEFAULTS } from './config';
import { dormantTriageAdvice, isTriageable, type TriageInstallation } from './triage';
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
        'Migration has been attempted once (the limit is 5).',
        'Both meters are dormant, so the Migration Control Centre will include the installation in the Migration ' +
          'Week beginning Monday 2026-04-06 or a later one itself (MEHRS 4.1). The Responsible Supplier(s) are told ' +
          'of the failure and the failed step.',
      ],
    });
  });

  it('4.2 Active/Dormant: the MCC liaises with the Active Meter supplier', () => {
    const advice = dormantTriageAdvice(ad, 2, NOW);
    expect(advice.decision).toBe('liaise-with-active-supplier');
    expect(advice.earliestWeek).toBe('2026-04-06');
    expect(advice.reasons).toEqual([
      'The last attempt failed with MA999 (Other Failure).',
      'Migration has been attempted 2 times (the limit is 5).',
      'The installation has an Active meter, so the Migration Control Centre will liaise with its supplier, who must ' +
        'include the installation in a Migration Authorisation for the Migration Week beginning Monday 2026-04-06 ' +
        'or later (MEHRS 4.2).',
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

  it('MA121 → exclude: replace with SMETS2+ (MEHRS 2.6.5), whatever the attempts or SMSO', () => {
    const advice = dormantTriageAdvice({ ...dd, lastFailureCode: 'MA121', smsoActionPending: true }, 1, NOW);
    expect(advice.decision).toBe('exclude');
    expect(advice.earliestWeek).toBeUndefined();
    expect(advice.reasons[0]).toBe(
      'The last attempt failed with MA121 (The SMSO could not communicate with the Installation after the rollback was attempted).',
    );
    expect(advice.reasons[1]).toContain('SMETS2+');
  });

  it.each([5, 6, 12])('%i attempts → exclude (threshold 5)', (attempts) => {
    const advice = dormantTriageAdvice(
      { ...ad, lastFailureCode: 'MA112', smsoActionPending: true },
      attempts,
      NOW,
    );
    expect(advice.decision).toBe('exclude');
    expect(advice.reasons[0]).toBe(
      `Migration has been attempted ${attempts} times, which reaches the limit of 5: the installation should not ` +
        'be scheduled again, and replacing it with a SMETS2+ meter should be considered.',
    );
  });

  it('4 attempts is still rescheduled; the threshold is configuration', () => {
    expect(dormantTriageAdvice(dd, 4, NOW).decision).toBe('reschedule');
    expect(dormantTriageAdvice(dd, 3, NOW, { ...TRIAGE_DEFAULTS, maxAttempts: 3 }).decision).toBe('exclude');
  });

  it.each(['MA107', 'MA012'])('%s (a meter became Active) → liaise with the Active supplier', (code) => {
    const advice = dormantTriageAdvice({ ...dd, lastFailureCode: code }, 1, NOW);
    expect(advice.decision).toBe('liaise-with-active-supplier');
    expect(advice.reasons[1]).toContain('now has an Active supplier');
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
});
