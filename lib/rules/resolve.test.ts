/**
 * The failure resolver, table-driven per code × context, named by MEHRS section. Every code the product can
 * produce (codes.ts) resolves to exactly one scenario; the expectations follow docs/domain.md "Resolving a failure".
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, REASON_CODES } from './codes';
import {
  type FailureContext,
  type FailureEvent,
  PSEUDO_SCENARIOS,
  type Reader,
  resolveFailure,
} from './resolve';
import { scenario } from './scenarios';
import { INSTALLATION_TYPES, type InstallationType } from './types';

const ACTIVE: FailureContext = {
  groupId: 'AA',
  installationType: 'active-only',
  electricity: 'active',
  gas: 'active',
  splitSupply: false,
  toBeCommissionedByDcc: false,
};
const ACTIVE_DORMANT: FailureContext = {
  ...ACTIVE,
  installationType: 'active-dormant',
  gas: 'dormant',
  toBeCommissionedByDcc: true,
};
const DORMANT: FailureContext = {
  ...ACTIVE,
  installationType: 'dormant-dormant',
  electricity: 'dormant',
  gas: 'dormant',
  toBeCommissionedByDcc: true,
};
const SPLIT: FailureContext = { ...ACTIVE, splitSupply: true, toBeCommissionedByDcc: true };
const CONTEXTS: Record<InstallationType, FailureContext> = {
  'active-only': ACTIVE,
  'active-dormant': ACTIVE_DORMANT,
  'dormant-dormant': DORMANT,
};

interface Row {
  readonly name: string;
  readonly event: FailureEvent;
  readonly ctx: FailureContext;
  readonly section: string;
  readonly incident: 'none' | 'incident' | 'communication' | 'service-request';
  readonly owner: string;
  readonly incidentOwner?: string;
}

const row = (
  name: string,
  event: FailureEvent,
  ctx: FailureContext,
  section: string,
  incident: Row['incident'],
  owner: string,
  incidentOwner?: string,
): Row => ({ name, event, ctx, section, incident, owner, incidentOwner });

const TABLE: readonly Row[] = [
  // MEHRS 2.3.2: the MA's sender decides (D4).
  row(
    '2.3.2 MA003 on a supplier MA: the supplier resubmits',
    { code: 'MA003', submittedBy: 'supplier' },
    ACTIVE,
    '2.3.2',
    'none',
    'supplier',
  ),
  row(
    '2.3.2 MA003 on a DCC MA: no supplier action, the MCC corrects (4.1)',
    { code: 'MA003', submittedBy: 'dcc' },
    DORMANT,
    '2.3.2',
    'none',
    'mcc',
  ),
  row(
    '2.3.2 MA018 on a DCC MA: the MCC',
    { code: 'MA018', submittedBy: 'dcc' },
    ACTIVE_DORMANT,
    '2.3.2',
    'none',
    'mcc',
  ),
  row(
    '2.3.2 MA002 on a dormant MPRN: the DCC sent it',
    { code: 'MA002' },
    ACTIVE_DORMANT,
    '2.3.2',
    'none',
    'mcc',
  ),
  row(
    '2.3.2 MA001 on an active MPAN: the supplier sent it',
    { code: 'MA001' },
    ACTIVE_DORMANT,
    '2.3.2',
    'none',
    'supplier',
  ),
  row('2.3.2 MA013 dormant-only: the MCC', { code: 'MA013' }, DORMANT, '2.3.2', 'none', 'mcc'),
  row(
    '2.3.2 MA012 now has an Active meter (Active/Dormant): 4.2',
    { code: 'MA012' },
    ACTIVE_DORMANT,
    '2.3.2',
    'none',
    'mcc',
  ),
  row(
    '2.3.2 MA012 now Active-only: the supplier authorises',
    { code: 'MA012' },
    ACTIVE,
    '2.3.2',
    'none',
    'supplier',
  ),
  // MA101: the linked Incident decides (2.4.x vs 2.5.x); none → Appendix A.1.
  row(
    '2.4.1 MA101 after an RP MCF outage',
    { code: 'MA101', linkedIncidentScenario: '2.4.1' },
    ACTIVE,
    '2.4.1',
    'incident',
    'supplier',
    'rp',
  ),
  row(
    '2.5.4 MA101 after an MGF/MEF outage',
    { code: 'MA101', linkedIncidentScenario: '2.5.4' },
    DORMANT,
    '2.5.4',
    'incident',
    'mcc',
    'rp',
  ),
  row(
    'A.1 MA101 with no Incident (e.g. 2.2.1 capacity)',
    { code: 'MA101' },
    ACTIVE,
    'A.1',
    'none',
    'supplier',
  ),
  // MA102–MA110, MA117: not 2.4.1 outages (D2).
  row('A.1 MA102 re-check of MA001: supplier', { code: 'MA102' }, ACTIVE, 'A.1', 'none', 'supplier'),
  row('A.1 MA103 on Dormant/Dormant: MCC 4.1', { code: 'MA103' }, DORMANT, 'A.1', 'none', 'mcc'),
  row(
    'A.1 MA104 change of supplier, meter still Active',
    { code: 'MA104' },
    ACTIVE,
    'A.1',
    'none',
    'supplier',
  ),
  row(
    'A.1 MA105 change of supplier, MPRN became Dormant: MCC',
    { code: 'MA105' },
    ACTIVE_DORMANT,
    'A.1',
    'none',
    'mcc',
  ),
  row('MAM MA106 split supply', { code: 'MA106' }, SPLIT, 'MAM-split-supply', 'none', 'supplier'),
  row('A.1 MA107 Active/Dormant: MCC liaises (4.2)', { code: 'MA107' }, ACTIVE_DORMANT, 'A.1', 'none', 'mcc'),
  row('A.1 MA107 now Active-only: supplier', { code: 'MA107' }, ACTIVE, 'A.1', 'none', 'supplier'),
  row('A.1 MA108 DCC MA left out the MPRN: MCC', { code: 'MA108' }, DORMANT, 'A.1', 'none', 'mcc'),
  row('A.1 MA109 CPL', { code: 'MA109' }, ACTIVE, 'A.1', 'none', 'supplier'),
  row('A.1 MA110 EPCL, dormant', { code: 'MA110' }, DORMANT, 'A.1', 'none', 'mcc'),
  row('A.1 MA117 blocked after validation', { code: 'MA117' }, ACTIVE, 'A.1', 'none', 'supplier'),
  row('2.5.3 MA111', { code: 'MA111', failedStepNumber: '5.12' }, ACTIVE, '2.5.3', 'none', 'supplier'),
  row('2.5.3 MA112', { code: 'MA112', failedStepNumber: '5.12.(c)' }, ACTIVE, '2.5.3', 'none', 'supplier'),
  row('2.4.5 MA113', { code: 'MA113', failedStepNumber: '5.10' }, ACTIVE, '2.4.5', 'none', 'supplier'),
  row('2.5.3 MA114', { code: 'MA114' }, ACTIVE_DORMANT, '2.5.3', 'none', 'mcc'),
  // MA115: the FailedStepNumber decides (D1, D11, D18).
  row(
    '2.5.8 MA115 FSN 5.25, GroupID AA',
    { code: 'MA115', failedStepNumber: '5.25' },
    ACTIVE,
    '2.5.8',
    'none',
    'supplier',
  ),
  row(
    '2.5.8 MA115 FSN 5.25, GroupID CB: MCC Service Request on the RP',
    { code: 'MA115', failedStepNumber: '5.25' },
    { ...ACTIVE, groupId: 'CB' },
    '2.5.8',
    'service-request',
    'mcc',
  ),
  row(
    '2.5.8 MA115 FSN 5.25, GroupID DA: RP new MCF',
    { code: 'MA115', failedStepNumber: '5.25' },
    { ...ACTIVE, groupId: 'DA' },
    '2.5.8',
    'none',
    'rp',
  ),
  row(
    '2.6.2 MA115 FSN 12.9.1',
    { code: 'MA115', failedStepNumber: '12.9.1' },
    ACTIVE,
    '2.6.2',
    'none',
    'supplier',
  ),
  row(
    '2.6.3 MA115 FSN 12.9.2 (critical check)',
    { code: 'MA115', failedStepNumber: '12.9.2' },
    ACTIVE,
    '2.6.3',
    'none',
    'supplier',
  ),
  row(
    '2.6.4 MA115 FSN 5.16 (MEF discarded)',
    { code: 'MA115', failedStepNumber: '5.16' },
    DORMANT,
    '2.6.4',
    'none',
    'mcc',
  ),
  row(
    '2.6.6 MA115 FSN 12.9.5 (CHF)',
    { code: 'MA115', failedStepNumber: '12.9.5' },
    ACTIVE,
    '2.6.6',
    'incident',
    's1sp',
    's1sp',
  ),
  row(
    '2.6.5 MA115 with rollback key deletion failed at the DCO',
    { code: 'MA115', rollbackSubCase: 'key-deletion-failed', keyDeletionFailedBy: 'dco' },
    ACTIVE,
    '2.6.5',
    'incident',
    'supplier',
    'dco',
  ),
  row(
    'undetermined MA115 without a FailedStepNumber',
    { code: 'MA115' },
    ACTIVE,
    'undetermined',
    'none',
    'supplier',
  ),
  // MA116: raiser and file decide (D19).
  row(
    '2.4.3 MA116 S1SP outage',
    { code: 'MA116', raisedBy: 's1sp' },
    ACTIVE,
    '2.4.3',
    'incident',
    'supplier',
    's1sp',
  ),
  row(
    '2.4.2 MA116 after an MCF whole-file rejection',
    { code: 'MA116', linkedIncidentScenario: '2.4.2' },
    ACTIVE,
    '2.4.2',
    'incident',
    'supplier',
    'rp',
  ),
  row(
    '2.4.4 MA116 after an MCVF whole-file rejection',
    { code: 'MA116', raisedBy: 'rp' },
    ACTIVE,
    '2.4.4',
    'incident',
    'supplier',
    's1sp',
  ),
  // MA118–MA120: an SMSO/CSP-wide communication decides 2.5.2 vs 2.5.3 (D19).
  row('2.5.3 MA118 one installation', { code: 'MA118' }, ACTIVE, '2.5.3', 'none', 'supplier'),
  row(
    '2.5.2 MA118 CSP cannot migrate any',
    { code: 'MA118', smsoCommunicationOpen: true },
    ACTIVE,
    '2.5.2',
    'communication',
    'supplier',
  ),
  row(
    '2.5.2 MA120 CB SIM swap, communication open',
    { code: 'MA120', smsoCommunicationOpen: true },
    { ...ACTIVE, groupId: 'CB' },
    '2.5.2',
    'communication',
    'supplier',
  ),
  row('2.5.3 MA119 one installation, dormant', { code: 'MA119' }, DORMANT, '2.5.3', 'none', 'mcc'),
  // MA121: 2.6.5 raises an Incident only when key deletion fails (D1).
  row('2.6.5 MA121 WAN not restored: no Incident', { code: 'MA121' }, ACTIVE, '2.6.5', 'none', 'supplier'),
  row(
    '2.6.6 MA121 after an unresolved CHF Incident',
    { code: 'MA121', linkedIncidentScenario: '2.6.6' },
    ACTIVE,
    '2.6.6',
    'incident',
    'supplier',
    's1sp',
  ),
  row('2.5.3 MA521 GroupID DA', { code: 'MA521' }, { ...ACTIVE, groupId: 'DA' }, '2.5.3', 'none', 'supplier'),
  row(
    '2.5.3 MA523 GroupID DA, dormant',
    { code: 'MA523' },
    { ...DORMANT, groupId: 'DA' },
    '2.5.3',
    'none',
    'mcc',
  ),
  row('A.1 MA999 with nothing else', { code: 'MA999' }, ACTIVE, 'A.1', 'none', 'supplier'),
  row(
    '2.6.3 MA999 with a critical-check FailedStepNumber',
    { code: 'MA999', failedStepNumber: '12.9.3' },
    ACTIVE,
    '2.6.3',
    'none',
    'supplier',
  ),
  // Error codes.
  row(
    '2.6.2 12.9.1.ET01: no Incident, retries',
    { code: '12.9.1.ET01', failedStepNumber: '12.9.1' },
    ACTIVE,
    '2.6.2',
    'none',
    'supplier',
  ),
  row(
    '2.6.6 12.9.5.DP01: Incident owned by the S1SP',
    { code: '12.9.5.DP01', failedStepNumber: '12.9.5' },
    DORMANT,
    '2.6.6',
    'incident',
    's1sp',
    's1sp',
  ),
  row(
    '2.7.5 E48 on a dormant installation: Incident CP → CP',
    { code: 'E48', failedStepNumber: '6.3.1' },
    DORMANT,
    '2.7.5',
    'incident',
    'mcc',
    'cp',
  ),
  row(
    '2.7.7 S1C4 on a split supply: Incident CP → S1SP',
    { code: 'S1C4' },
    SPLIT,
    '2.7.7',
    'incident',
    'supplier',
    's1sp',
  ),
  row(
    '1.3 E48 on an Active installation the supplier commissions: out of scope',
    { code: 'E48' },
    ACTIVE,
    'out-of-scope',
    'none',
    'supplier',
  ),
  row(
    '2.7.5 C062196 Handover: no Incident, CP resubmits',
    { code: 'C062196' },
    DORMANT,
    '2.7.5',
    'none',
    'cp',
  ),
  row(
    '2.7.7 S1C062198 Handover: no Incident, CP resubmits',
    { code: 'S1C062198' },
    DORMANT,
    '2.7.7',
    'none',
    'cp',
  ),
  row(
    '2.7.5 E100 on a Handover request by name: no Incident',
    { code: 'E100', requestName: 'Request Handover Of DCC Controlled Device' },
    DORMANT,
    '2.7.5',
    'none',
    'cp',
  ),
  // FailedStepNumbers given without a code.
  row(
    '2.5.9 FSN 5.23',
    { code: null, failedStepNumber: '5.23' },
    ACTIVE,
    '2.5.9',
    'incident',
    'supplier',
    'rp',
  ),
  row(
    '2.5.10 FSN 5.15 (a)',
    { code: null, failedStepNumber: '5.15 (a)' },
    ACTIVE,
    '2.5.10',
    'incident',
    'supplier',
    'rp',
  ),
  row(
    '2.5.10 FSN 5.18 after a DCO rejection (D20)',
    { code: null, failedStepNumber: '5.18', linkedIncidentScenario: '2.5.10' },
    ACTIVE,
    '2.5.10',
    'incident',
    'supplier',
    'rp',
  ),
  row(
    '2.5.6 FSN 5.24 after an MGF whole-file error (D20)',
    { code: null, failedStepNumber: '5.24', linkedIncidentScenario: '2.5.6' },
    ACTIVE,
    '2.5.6',
    'incident',
    'supplier',
    'rp',
  ),
  row(
    'undetermined FSN 5.24 with nothing linked',
    { code: null, failedStepNumber: '5.24' },
    ACTIVE,
    'undetermined',
    'none',
    'supplier',
  ),
  row(
    '2.7.3 FSN 6.3 from the CP check (D20)',
    { code: null, failedStepNumber: '6.3', raisedBy: 'cp' },
    DORMANT,
    '2.7.3',
    'incident',
    'mcc',
    's1sp',
  ),
  row(
    '2.7.7 FSN 6.3 from an S1SP Alert (D20)',
    { code: null, failedStepNumber: '6.3', raisedBy: 's1sp' },
    DORMANT,
    '2.7.7',
    'incident',
    'mcc',
    's1sp',
  ),
];

describe('resolveFailure: one scenario per event (decision table)', () => {
  it('has a row for every reason code and error code', () => {
    const named = new Set(TABLE.map((r) => r.event.code));
    const missing = [...REASON_CODES.map((c) => c.code), ...ERROR_CODES.map((c) => c.code)].filter(
      (c) =>
        !named.has(c) &&
        ![
          'MA004',
          'MA005',
          'MA006',
          'MA007',
          'MA008',
          'MA009',
          'MA010',
          'MA011',
          'MA014',
          'MA015',
          'MA016',
          'MA017',
        ].includes(c) &&
        !c.startsWith('C06') &&
        !c.startsWith('S1'),
    );
    expect(missing.filter((c) => !['C2', 'E100', 'C4', 'C5'].includes(c))).toEqual([]);
  });

  it.each(TABLE)('$name', ({ event, ctx, section, incident, owner, incidentOwner }) => {
    const r = resolveFailure(event, ctx);
    expect(r.section).toBe(section);
    expect(r.incident.kind).toBe(incident);
    expect(r.nextMove.owner).toBe(owner);
    if (incidentOwner) expect(r.incident.kind === 'incident' && r.incident.owner).toBe(incidentOwner);
  });
});

const EVERY_CODE = [...REASON_CODES.map((c) => c.code), ...ERROR_CODES.map((c) => c.code)];
const SUBMITTERS = ['supplier', 'dcc', null] as const;
const GRID = EVERY_CODE.flatMap((code) =>
  INSTALLATION_TYPES.flatMap((type) =>
    SUBMITTERS.flatMap((submittedBy) => [false, true].map((split) => ({ code, type, submittedBy, split }))),
  ),
);

describe('resolveFailure over every code × installation type × sender × split supply', () => {
  it(`covers ${EVERY_CODE.length} codes (${GRID.length} cases)`, () => {
    expect(EVERY_CODE.length).toBeGreaterThan(60);
  });

  it.each(GRID)(
    '$code on $type (sent by $submittedBy, split $split) resolves to exactly one scenario',
    ({ code, type, submittedBy, split }) => {
      const ctx = { ...CONTEXTS[type], splitSupply: split && type === 'active-only' };
      const r = resolveFailure({ code, submittedBy }, ctx);
      const known =
        (PSEUDO_SCENARIOS as readonly string[]).includes(r.section) || scenario(r.section) !== undefined;
      expect(known, r.section).toBe(true);
      expect(r.nextMove.action.length).toBeGreaterThan(20);
      // MEHRS section 4: a post-validation failure on an installation with a Dormant Meter is never the supplier's.
      if (type !== 'active-only' && r.nextMove.owner === 'supplier') {
        expect(r.section).toBe('2.3.2');
      }
      // The owner and the action agree: the MCC's move never tells the reader (the MCC) to wait for a supplier.
      if (r.nextMove.owner === 'mcc') expect(r.nextMove.readerActs).toBe(true);
      // Installation-level failures are not 2.4.1 outages (D2).
      if (
        ['MA102', 'MA103', 'MA104', 'MA105', 'MA106', 'MA107', 'MA108', 'MA109', 'MA110', 'MA117'].includes(
          code,
        )
      ) {
        expect(r.section).not.toBe('2.4.1');
        expect(r.incident.kind).toBe('none');
      }
    },
  );
});

describe('the move is written for its reader (split supply, MAM v4)', () => {
  const gasReader = (authored: boolean | null): Reader => ({
    kind: 'supplier',
    fuels: ['gas'],
    authoredFailingMa: authored,
  });
  const elecReader = (authored: boolean | null): Reader => ({
    kind: 'supplier',
    fuels: ['electricity'],
    authoredFailingMa: authored,
  });

  it('MA106 tells the supplier whose MA arrived that nothing in it needs correcting', () => {
    const r = resolveFailure({ code: 'MA106' }, { ...SPLIT, reader: elecReader(true) });
    expect(r.nextMove.readerActs).toBe(true);
    expect(r.nextMove.action).toMatch(/nothing in your authorisation needs correcting/);
    expect(r.nextMove.action).toMatch(/MPAN/);
    expect(r.nextMove.action).not.toMatch(/MPRN/);
  });

  it('MA106 tells the supplier that missed the week to authorise its own meter', () => {
    const r = resolveFailure({ code: 'MA106' }, { ...SPLIT, reader: gasReader(false) });
    expect(r.nextMove.action).toMatch(/No Migration Authorisation of yours for your MPRN/);
  });

  it.each([true, false, null])(
    'MA106 never tells a supplier to "agree with the other supplier" (authored %s)',
    (authored) => {
      for (const reader of [gasReader(authored), elecReader(authored), { kind: 'mcc' } as const]) {
        const r = resolveFailure({ code: 'MA106' }, { ...SPLIT, reader });
        expect(r.nextMove.action).not.toMatch(/agree/i);
        expect(r.nextMove.action).toMatch(/Migration Control Centre designates/);
      }
    },
  );

  it('MA104 never tells a gas supplier that did not author the MA to remove an MPAN', () => {
    const r = resolveFailure({ code: 'MA104' }, { ...SPLIT, reader: gasReader(false) });
    expect(r.nextMove.action).not.toMatch(/remove|leave it out/i);
    expect(r.nextMove.action).toMatch(/authorise your MPRN/);
  });

  it('MA104 tells a supplier whose MA named the lost MPAN to leave it out', () => {
    const r = resolveFailure({ code: 'MA104' }, { ...SPLIT, reader: gasReader(true) });
    expect(r.nextMove.action).toMatch(/leave it out and authorise your MPRN only/);
  });

  it('MA104 tells the new electricity supplier to authorise', () => {
    const r = resolveFailure({ code: 'MA104' }, { ...SPLIT, reader: elecReader(null) });
    expect(r.nextMove.action).toMatch(/You became the Active Supplier for the MPAN/);
  });

  it('an Active/Dormant failure has one owner for the supplier and the MCC alike (MEHRS 4.2)', () => {
    const forSupplier = resolveFailure({ code: 'MA112' }, { ...ACTIVE_DORMANT, reader: elecReader(null) });
    const forMcc = resolveFailure({ code: 'MA112' }, ACTIVE_DORMANT);
    expect(forSupplier.nextMove.owner).toBe('mcc');
    expect(forMcc.nextMove.owner).toBe('mcc');
    expect(forSupplier.nextMove.readerActs).toBe(false);
    expect(forSupplier.nextMove.action).toMatch(/^The Migration Control Centre triages/);
    expect(forMcc.nextMove.triage).toBe('mehrs-4.2');
  });

  it("a rejected MA of the other split-supply supplier is not the reader's to resubmit (MEHRS 2.3.2)", () => {
    const r = resolveFailure(
      { code: 'MA010', submittedBy: 'supplier' },
      { ...SPLIT, reader: gasReader(false) },
    );
    expect(r.nextMove.readerActs).toBe(false);
    expect(r.nextMove.ownerLabel).toBe('The other Active Supplier');
  });
});

describe('anomalies: facts that contradict the code', () => {
  it.each([
    ['MA521', { ...ACTIVE, groupId: 'AA' as const }, /GroupID DA/],
    ['MA120', ACTIVE, /GroupID CB/],
    ['MA117', { ...ACTIVE, groupId: 'DA' as const }, /AA, BA and CB/],
    ['MA017', ACTIVE, /Dormant Meter Migrations/],
    ['MA106', ACTIVE, /split-supply/],
  ] as const)('%s', (code, ctx, pattern) => {
    expect(resolveFailure({ code }, ctx).anomalies.join(' ')).toMatch(pattern);
  });

  it('a consistent event has none', () => {
    expect(resolveFailure({ code: 'MA521' }, { ...ACTIVE, groupId: 'DA' }).anomalies).toEqual([]);
  });
});
