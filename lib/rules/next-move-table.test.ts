import { describe, expect, it } from 'vitest';
import {
  buildNextMoveTable,
  kindFromTable,
  nextMoveKindOf,
  type OwnFailureFacts,
  stepClassOf,
} from './next-move-table';
import { NEXT_MOVE_TABLE } from './next-move-table.generated';
import { NEXT_MOVE_KINDS } from './next-moves';
import { resolveFailure } from './resolve';

const facts = (over: Partial<OwnFailureFacts>): OwnFailureFacts => ({
  code: 'MA111',
  failedStep: null,
  installationType: 'active-only',
  groupId: 'AA',
  meters: ['active', 'active'],
  toBeCommissionedByDcc: false,
  ...over,
});

describe('the next move decision table', () => {
  it('is up to date with resolve.ts (run `npm run rules:next-move-table` when this fails)', () => {
    expect(buildNextMoveTable()).toEqual(NEXT_MOVE_TABLE);
  }, 60_000);

  it.each([
    ['MEHRS 2.5.3: an Active-only failure is its supplier to reschedule', {}, 'supplier-reschedule'],
    [
      'MEHRS 4.1: a Dormant/Dormant failure is the MCC to triage',
      { installationType: 'dormant-dormant', meters: ['dormant', 'dormant'] },
      'mcc-triage-4.1',
    ],
    [
      'MEHRS 4.2: an Active/Dormant failure is the MCC to triage with the supplier',
      { installationType: 'active-dormant', meters: ['active', 'dormant'] },
      'mcc-triage-4.2',
    ],
    [
      'MEHRS 2.3.2: MA001 on the Active meter is the supplier MA',
      { code: 'MA001', installationType: 'active-dormant', meters: ['active', 'dormant'] },
      'supplier-resubmit-ma',
    ],
    [
      'MEHRS 2.3.2: MA001 on the Dormant meter is the DCC MA',
      { code: 'MA001', installationType: 'active-dormant', meters: ['dormant', 'active'] },
      'mcc-dcc-ma',
    ],
    [
      'MEHRS 2.5.8: FSN 5.25 for GroupID CB is a Service Request on the RP',
      { code: 'MA115', failedStep: '5.25', groupId: 'CB' },
      'mcc-service-request',
    ],
    [
      'MEHRS v3.0 4.4: FSN 5.25 for GroupID DA is the RP new MCF',
      { code: 'MA115', failedStep: '5.25', groupId: 'DA' },
      'rp-new-mcf',
    ],
    ['MEHRS 2.6.6: CHF not commissioned is the S1SP incident', { code: '12.9.5.DP01' }, 's1sp-chf-incident'],
    [
      'MEHRS 2.7.5: a handover error where the CP commissions is the CP to resubmit',
      { code: 'C062195', toBeCommissionedByDcc: true },
      'cp-resubmit-request',
    ],
    [
      'MEHRS 1.3: a handover error where the supplier commissions is out of scope',
      { code: 'C062195' },
      'supplier-duis',
    ],
    ['MAM v4: MA106 is the split-supply week', { code: 'MA106' }, 'supplier-split-supply-week'],
  ] as const)('%s', (_, over, kind) => {
    const f = facts(over as Partial<OwnFailureFacts>);
    expect(nextMoveKindOf(f)).toBe(kind);
    expect(kindFromTable(NEXT_MOVE_TABLE, { ...f, meters: f.meters, step: stepClassOf(f.failedStep) })).toBe(
      kind,
    );
  });

  it.each([
    [null, 'none'],
    ['  ', 'none'],
    ['12.9.5.dp01', '12.9.5.DP01'],
    ['5.12 (c)', '5.12.(c)'],
    ['5.12.3', '5.12'],
    ['5.25', '5.25'],
    ['7.1', 'other'],
    ['not a step', 'other'],
  ])('reads the FailedStepNumber %s as %s', (step, cls) => {
    expect(stepClassOf(step)).toBe(cls);
  });

  it('gives each move kind the owner resolveFailure gives it, for either reader', () => {
    for (const reader of [{ kind: 'mcc' }, { kind: 'supplier', fuels: ['electricity'] }] as const) {
      const r = resolveFailure({ code: 'MA001' }, { groupId: 'AA', installationType: 'active-only', reader });
      expect(r.nextMove.owner).toBe(NEXT_MOVE_KINDS[r.nextMove.kind].owner);
      expect(r.nextMove.summary).toBe(NEXT_MOVE_KINDS[r.nextMove.kind].summary);
    }
  });
});
