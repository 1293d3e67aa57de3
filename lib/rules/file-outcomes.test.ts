import { describe, expect, it } from 'vitest';
import { type AttemptState, decideOutcome, type OutcomeReport, outcomeScenario } from './file-outcomes';

const at = (
  stage: AttemptState['stage'],
  status: AttemptState['status'] = 'in-progress',
  lastCode: string | null = null,
): AttemptState => ({
  stage,
  status,
  migrationWeek: '2026-11-23',
  lastCode,
});
const report = (over: Partial<OutcomeReport>): OutcomeReport => ({
  migrationWeek: '2026-11-23',
  stage: 'commissioning',
  status: 'in-progress',
  code: null,
  failedStep: null,
  ...over,
});

describe('decideOutcome: what an outcome file row does to the current attempt', () => {
  it.each([
    [
      'MEHRS 2.6: an SCF success moves device validation on to commissioning',
      at('device-validation'),
      report({}),
      [['commissioning', 'in-progress']],
    ],
    [
      'MEHRS 2.6.2: a connectivity failure enters the stage, then fails there',
      at('sim-cutover'),
      report({ stage: 'device-validation', status: 'failed', code: '12.9.1.ET01' }),
      [
        ['device-validation', 'in-progress'],
        ['device-validation', 'failed'],
      ],
    ],
    [
      'MEHRS 2.6.5: a rollback at the current stage is one step',
      at('device-validation'),
      report({ stage: 'device-validation', status: 'rolled-back', code: '12.9.5.DP01' }),
      [['device-validation', 'rolled-back']],
    ],
    [
      'S1MIG-006: a Completion Response success migrates from commissioning',
      at('commissioning'),
      report({ stage: 'migrated', status: 'migrated', final: true }),
      [['migrated', 'migrated']],
    ],
    [
      'S1MIG-006 / seed 000 4.3.2: a final failure is recorded at its code’s earlier stage',
      at('device-validation'),
      report({ stage: 'sim-cutover', status: 'failed', code: 'MA120', final: true }),
      [['sim-cutover', 'failed']],
    ],
    [
      'MRR v3.0 4.7: a second supplier’s COF confirms the commissioning stage',
      at('commissioning'),
      report({ confirmsStage: true }),
      [['commissioning', 'in-progress']],
    ],
  ] as const)('%s', (_name, state, r, steps) => {
    const decision = decideOutcome(state, r);
    expect(decision.apply).toBe(true);
    if (decision.apply) expect(decision.steps.map((s) => [s.stage, s.status])).toEqual(steps);
  });

  it.each([
    ['no attempt under way (still in Demand)', at('demand'), report({}), 'out-of-order'],
    [
      'a row for another Migration Week',
      { ...at('device-validation'), migrationWeek: '2026-11-30' },
      report({}),
      'out-of-order',
    ],
    [
      'already past the row’s stage',
      at('commissioning'),
      report({ stage: 'device-validation', status: 'failed', code: '12.9.1.ET01' }),
      'out-of-order',
    ],
    [
      'the same failure again',
      at('device-validation', 'failed', '12.9.1.ET01'),
      report({ stage: 'device-validation', status: 'failed', code: '12.9.1.ET01' }),
      'replay',
    ],
    [
      'a different outcome for an ended attempt',
      at('device-validation', 'failed', '12.9.1.ET01'),
      report({}),
      'out-of-order',
    ],
    [
      'migrated again',
      at('migrated', 'migrated'),
      report({ stage: 'migrated', status: 'migrated', final: true }),
      'replay',
    ],
    ['the same stage reached again', at('commissioning'), report({}), 'replay'],
  ] as const)('reports, and does not apply: %s', (_name, state, r, reason) => {
    const decision = decideOutcome(state, r);
    expect(decision).toMatchObject({ apply: false, reason });
  });
});

describe('outcomeScenario', () => {
  it.each([
    ['12.9.1.ET01', null, '2.6.2'],
    ['12.9.5.DP01', null, '2.6.6'],
    ['E48', null, '2.7.5'],
    ['S1VE48', null, '2.7.7'],
    [null, '5.16', '2.6.4'],
    ['MA999', null, null],
  ])('%s / %s falls under MEHRS %s', (code, step, section) => {
    expect(outcomeScenario(code, step)).toBe(section);
  });
});
