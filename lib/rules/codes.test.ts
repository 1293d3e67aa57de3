import { describe, expect, it } from 'vitest';
import {
  describeCode,
  ERROR_CODES,
  errorCode,
  HANDOVER_REQUEST_NAME,
  isErrorCode,
  isFailedStepNumber,
  isHandoverRequest,
  isReasonCode,
  REASON_CODES,
  raisesIncident,
  reasonCode,
  tmadStepReference,
} from './codes';

// MEHRS v1.2 Appendix A.1 Table A.1, typed out from the seed (MA106 joined across its line break).
const TABLE_A1: readonly (readonly [string, string])[] = [
  ['MA001', 'Required meter type not registered at MPAN'],
  ['MA002', 'Required meter type not registered at MPRN'],
  ['MA003', 'Migration Week date provided is not a Monday.'],
  ['MA004', 'The Migration Week has already ended.'],
  ['MA005', 'The Migrate On date is not within the specified Migration Week'],
  ['MA006', 'The Migrate On date is on or earlier than today.'],
  ['MA007', 'Supplier is not the current Active Supplier for MPAN.'],
  ['MA008', 'Supplier is not the current Active Supplier for MPRN.'],
  [
    'MA009',
    'Both the MPAN and MPRN need to be provided where the requesting supplier is operating both the MPAN and the MPRN at the installation.',
  ],
  ['MA010', 'Supplier has not provided the SupplierCertificateIDs for the ESME.'],
  ['MA011', 'Supplier has not provided the SupplierCertificateIDs for the GPF and GSME.'],
  ['MA012', 'DCC authorisation received for an installation which has an Active meter.'],
  [
    'MA013',
    'Migration Authorisation received from DCC does not specify the MPAN or the MPRN for a dual fuel installation.',
  ],
  ['MA014', 'A Migration Authorisation received from DCC does not specify an ESME Supplier Id.'],
  [
    'MA015',
    'A Migration Authorisation received from DCC for a dual fuel installation does not specify an GSME Supplier Id.',
  ],
  ['MA016', 'A certificate serial number has been provided without the corresponding issuer name.'],
  ['MA017', 'The installation is currently blocked from being migrated.'],
  [
    'MA018',
    'If ESME and GSME have same responsible Supplier (Sec Party) then the authorisation should be submitted as 1 MA.',
  ],
  ['MA101', 'Authorisation Expired'],
  ['MA102', 'Required meter type no longer registered at MPAN'],
  ['MA103', 'Required meter type no longer registered at MPRN'],
  ['MA104', 'Supplier is no longer the operating supplier for MPAN.'],
  ['MA105', 'Supplier is no longer the operating supplier for MPRN.'],
  [
    'MA106',
    'Where the meter is part of an split site then no MA has been received for the other Active meter.',
  ],
  [
    'MA107',
    'DCC authorisation received for an installation which now has an Active meter. i.e. an MPxN for which a MAD file was accepted from the DCC now has an Active supplier in Instant Energy due to a cos gain.',
  ],
  [
    'MA108',
    'For a dual fuel site where both MPAN and MPRN are dormant, the MA from the DCC does not include the MPRN.',
  ],
  ['MA109', 'Device does not have CPL entry'],
  ['MA110', 'The installation does not have an entry on the Eligible Product Combinations List'],
  ['MA111', 'The installation configuration does not meet the SMETS1 pre-migration requirements.'],
  ['MA112', 'There has been no WAN comms with the installation in the last 7 days'],
  ['MA113', 'Failure MVF Received.'],
  ['MA114', 'Installation is currently being updated / configured by SMSO.'],
  ['MA115', 'Failure SCF Received'],
  ['MA116', 'No MVF received within processing day'],
  ['MA117', 'The installation is currently blocked from being migrated.'],
  ['MA118', 'Vodafone CSP move failed.'],
  ['MA119', 'Configuration of hub on migration failed (Honeywell Only)'],
  ['MA120', 'The APN account switch attempts have failed and the installation cannot be migrated.'],
  ['MA121', 'The SMSO could not communicate with the Installation after the rollback was attempted.'],
  ['MA999', 'Other Failure'],
];

// Seed 000 4.3.2 (MEHRS v3.0 conclusions): the MOC Secure, GroupID DA codes.
const SECURE_CODES: readonly (readonly [string, string])[] = [
  [
    'MA521',
    'Mandated and non-mandated event configurations as per conditions in the S1SR that takes place in the second pre migration configuration check in the MOC Secure migration process.',
  ],
  [
    'MA523',
    'An error during the pre migration configuration checks where the device is not contactable over the WAN.',
  ],
];

describe('REASON_CODES: MEHRS Appendix A.1 and seed 000', () => {
  it('holds exactly the Table A.1 codes in document order, then MA521 and MA523 (MA999 last)', () => {
    const expected = [...TABLE_A1.slice(0, -1), ...SECURE_CODES, TABLE_A1[TABLE_A1.length - 1]].map(
      (r) => r?.[0],
    );
    expect(REASON_CODES.map((c) => c.code)).toEqual(expected);
  });

  it.each(TABLE_A1)('MEHRS A.1: %s has the description printed in Table A.1', (code, description) => {
    expect(reasonCode(code)?.description).toBe(description);
  });

  it.each(SECURE_CODES)('seed 000 4.3.2: %s is a MOC Secure pre-migration code', (code, description) => {
    const entry = reasonCode(code);
    expect(entry?.description).toBe(description);
    expect(entry?.phase).toBe('secure-pre-migration');
    expect(entry?.stage).toBe('sim-cutover');
    expect(entry?.source).toBe('MEHRS v3.0 conclusions (seed 000) 4.3.2');
  });

  it('puts MA0xx in the initial phase, MA1xx in-flight, MA5xx secure pre-migration and MA999 other', () => {
    for (const entry of REASON_CODES) {
      const expected = entry.code.startsWith('MA0')
        ? 'initial'
        : entry.code.startsWith('MA1')
          ? 'in-flight'
          : entry.code.startsWith('MA5')
            ? 'secure-pre-migration'
            : 'other';
      expect([entry.code, entry.phase]).toEqual([entry.code, expected]);
    }
  });

  it('MEHRS 2.3.2: MA012–MA015 and MA017 are dormant-only with no supplier action and no Report 10', () => {
    for (const code of ['MA012', 'MA013', 'MA014', 'MA015', 'MA017']) {
      const entry = reasonCode(code);
      expect(entry?.dormantOnly).toBe(true);
      expect(entry?.supplierAction).toBeNull();
      expect(entry?.reports).toEqual(['S1MIG-006']);
    }
  });

  it('MA107 and MA108 concern DCC (dormant) authorisations; MA108 leaves the supplier nothing to do', () => {
    expect(reasonCode('MA107')?.dormantOnly).toBe(true);
    expect(reasonCode('MA107')?.supplierAction).toMatch(/new Active Supplier/);
    expect(reasonCode('MA108')?.dormantOnly).toBe(true);
    expect(reasonCode('MA108')?.supplierAction).toBeNull();
  });

  it('every other code tells the supplier what to do', () => {
    const dormantOnlyCodes = REASON_CODES.filter((c) => c.dormantOnly).map((c) => c.code);
    expect(dormantOnlyCodes).toEqual(['MA012', 'MA013', 'MA014', 'MA015', 'MA017', 'MA107', 'MA108']);
    for (const entry of REASON_CODES) {
      if (entry.dormantOnly) continue;
      expect(entry.supplierAction, entry.code).toMatch(/\w.*\.$/);
    }
  });

  it('MEHRS 2.3.2 / A.1: validation codes go to Reports 6 and 10, later codes to Report 6 only', () => {
    expect(reasonCode('MA001')?.reports).toEqual(['S1MIG-006', 'S1MIG-010']);
    expect(reasonCode('MA018')?.reports).toEqual(['S1MIG-006', 'S1MIG-010']);
    expect(reasonCode('MA101')?.reports).toEqual(['S1MIG-006']);
    expect(reasonCode('MA121')?.reports).toEqual(['S1MIG-006']);
    expect(reasonCode('MA521')?.reports).toEqual(['S1MIG-006']);
    expect(reasonCode('MA999')?.reports).toEqual(['S1MIG-006', 'S1MIG-010']);
    for (const entry of REASON_CODES.filter((c) => c.phase === 'in-flight')) {
      expect(entry.reports, entry.code).toEqual(['S1MIG-006']);
    }
  });

  const STAGE_OF: readonly (readonly [string, string | null, string])[] = [
    ['MA001', 'authorisation', '2.3.2'],
    ['MA017', 'authorisation', '2.3.2'],
    ['MA101', 'common-file', '2.4.1'],
    // D2: installation-level failures are not the 2.4.1 RP outage; section 2 has no scenario for them.
    ['MA104', 'common-file', 'A.1'],
    ['MA106', 'common-file', 'MAM v4'],
    ['MA111', 'sim-cutover', '2.5.3'],
    ['MA112', 'sim-cutover', '2.5.3'],
    ['MA113', 'common-file', '2.4.5'],
    ['MA114', 'sim-cutover', '2.5.3'],
    ['MA115', 'device-validation', '2.6.3'],
    ['MA116', 'common-file', '2.4.3'],
    ['MA117', 'common-file', 'A.1'],
    ['MA118', 'sim-cutover', '2.5.3'],
    ['MA119', 'sim-cutover', '2.5.3'],
    ['MA120', 'sim-cutover', '2.5.2'],
    ['MA121', 'device-validation', '2.6.5'],
    ['MA523', 'sim-cutover', '2.5.3'],
    ['MA999', null, 'A.1'],
  ];
  it.each(STAGE_OF)('%s occurs at stage %s (MEHRS %s)', (code, stage, section) => {
    expect(reasonCode(code)?.stage).toBe(stage);
    expect(reasonCode(code)?.section).toBe(section);
  });

  it('every initial code is found at authorisation', () => {
    const initial = REASON_CODES.filter((c) => c.phase === 'initial');
    expect(initial).toHaveLength(18);
    expect(new Set(initial.map((c) => c.stage))).toEqual(new Set(['authorisation']));
  });

  it('seed 000 4.3.2: the same check at two times is linked both ways', () => {
    const pairs = [
      ['MA007', 'MA104'],
      ['MA008', 'MA105'],
      ['MA017', 'MA117'],
      ['MA111', 'MA521'],
      ['MA112', 'MA523'],
    ] as const;
    for (const [a, b] of pairs) {
      expect(reasonCode(a)?.counterpart).toBe(b);
      expect(reasonCode(b)?.counterpart).toBe(a);
    }
    for (const entry of REASON_CODES) {
      if (entry.counterpart === null) continue;
      expect(reasonCode(entry.counterpart)?.counterpart, entry.code).toBe(entry.code);
    }
  });

  it('looks codes up ignoring case and spaces, but the type guard is exact', () => {
    expect(reasonCode(' ma120 ')?.code).toBe('MA120');
    expect(reasonCode('MA000')).toBeUndefined();
    expect(reasonCode('MA19')).toBeUndefined();
    expect(isReasonCode('MA120')).toBe(true);
    expect(isReasonCode('ma120')).toBe(false);
    expect(isReasonCode('E48')).toBe(false);
  });
});

// MEHRS 2.6.2, 2.6.6, 2.7.5 (TMAD Tables 8.7-1/8.7-3 as quoted) and 2.7.7 (S1SP versions).
const ERROR_TABLE: readonly (readonly [string, string, string, string, string | null])[] = [
  ['12.9.1.ET01', 'Device connectivity failure and timeouts', 'device-connectivity', '2.6.2', null],
  ['12.9.5.DP01', 'Commission Device (CHF) failure', 'chf-commissioning', '2.6.6', null],
  [
    'E48',
    'Commissioning Party is not allowed to use such Service Requests',
    'dsp-response',
    '2.7.5',
    'Commissioning Party should resubmit Commissioning Request (including Service Reference and Service Reference Variants) in line with Table 8.7-2 of the TMAD',
  ],
  [
    'C2',
    'Wrong Remote Party Role for Commissioning Request',
    'dsp-response',
    '2.7.5',
    'Commissioning Party should sign the Commissioning Request using a key which is associated with their SMKI Certificate with the role commissioningPartyXmlSigning',
  ],
  [
    'E100',
    'Commissioning Party identifier mismatch in Commissioning Request',
    'dsp-response',
    '2.7.5',
    'Commissioning Party should resubmit the Service Request with the same Business Originator ID and Entity Identifier',
  ],
  [
    'C4',
    'Target is not a SMETS1 Device',
    'dsp-response',
    '2.7.5',
    'Commissioning Party should resubmit the Commissioning Request and ensure the Business Target ID is a SMETS1 Device or a CAD',
  ],
  [
    'C5',
    'Other Device is not a SMETS1 Device',
    'dsp-response',
    '2.7.5',
    'Commissioning Party should resubmit the Commissioning Request and ensure the Business Target ID is a SMETS1 Device',
  ],
  [
    'C062199',
    'Remote Party Role in Certificates different than in request',
    'dsp-response',
    '2.7.5',
    'Commissioning Party should resubmit Commissioning Request so that the Remote Party Role is the same as that in the Certificate.',
  ],
  [
    'C062197',
    'Not all identifiers are for the same Party',
    'dsp-response',
    '2.7.5',
    'Commissioning Party should resubmit the Commissioning Request so that the Entity Identifiers are consistent.',
  ],
  [
    'C062196',
    'Asserted Supplier is not the Supplier',
    'dsp-response',
    '2.7.5',
    'Commissioning Party should resubmit the Commissioning Request identifying the correct Supplier.',
  ],
  [
    'C062195',
    'Asserted Network Operator is not the Network Operator',
    'dsp-response',
    '2.7.5',
    'Commissioning Party should resubmit the Commissioning Request identifying the correct Network Operator.',
  ],
  [
    'S1VE48',
    'Commissioning Party is not allowed to use such Service Requests',
    's1sp-alert',
    '2.7.7',
    'Commissioning Party should resubmit Commissioning Request (including Service Reference and Service Reference Variants) in line with Table 8.7-2 of the TMAD',
  ],
  [
    'S1C2',
    'Wrong Remote Party Role for Commissioning Request',
    's1sp-alert',
    '2.7.7',
    'Commissioning Party should sign the Commissioning Request using a key which is associated with their SMKI Certificate with the role commissioningPartyXmlSigning',
  ],
  [
    'S1VE100',
    'Commissioning Party identifier mismatch in Commissioning Request',
    's1sp-alert',
    '2.7.7',
    'Commissioning Party should resubmit the Service Request with the same Business Originator ID and Entity Identifier',
  ],
  [
    'S1C4',
    'Target is not a SMETS1 Device',
    's1sp-alert',
    '2.7.7',
    'Commissioning Party should resubmit the Commissioning Request and ensure the Business Target ID is a SMETS1 Device or a CAD',
  ],
  [
    'S1C5',
    'Other Device is not a SMETS1 Device',
    's1sp-alert',
    '2.7.7',
    'Commissioning Party should resubmit the Commissioning Request and ensure the Business Target ID is a SMETS1 Device',
  ],
  [
    'S1C062199',
    'Remote Party Role in Certificates different than in request',
    's1sp-alert',
    '2.7.7',
    'Commissioning Party should resubmit Commissioning Request so that the Remote Party Role is the same as that in the Certificate.',
  ],
  [
    'S1C062198',
    'Cannot future date Commissioning Requests',
    's1sp-alert',
    '2.7.7',
    'Commissioning Party should resubmit an On Demand Commissioning Request.',
  ],
  [
    'S1C062197',
    'Not all identifiers are for the same Party',
    's1sp-alert',
    '2.7.7',
    'Commissioning Party should resubmit the Commissioning Request so that the Entity Identifiers are consistent.',
  ],
  [
    'S1C062196',
    'Asserted Supplier is not the Supplier',
    's1sp-alert',
    '2.7.7',
    'Commissioning Party should resubmit the Commissioning Request identifying the correct Supplier.',
  ],
];

describe('ERROR_CODES: MEHRS 2.6.2, 2.6.6, 2.7.5, 2.7.7', () => {
  it('holds exactly the codes the document prints, in order', () => {
    expect(ERROR_CODES.map((c) => c.code)).toEqual(ERROR_TABLE.map((r) => r[0]));
  });

  it.each(ERROR_TABLE)('MEHRS: %s means "%s"', (code, meaning, source, section, suggestedAction) => {
    const entry = errorCode(code);
    expect(entry?.meaning).toBe(meaning);
    expect(entry?.source).toBe(source);
    expect(entry?.section).toBe(section);
    expect(entry?.suggestedAction).toBe(suggestedAction);
  });

  it('MEHRS 2.7.5 prints no C062198 and 2.7.7 prints no S1C062195', () => {
    expect(errorCode('C062198')).toBeUndefined();
    expect(errorCode('S1C062195')).toBeUndefined();
  });

  it('puts connectivity and CHF codes at device validation, DSP/S1SP codes at commissioning', () => {
    expect(errorCode('12.9.1.ET01')?.stage).toBe('device-validation');
    expect(errorCode('12.9.5.DP01')?.stage).toBe('device-validation');
    for (const entry of ERROR_CODES.filter((c) => c.source === 'dsp-response' || c.source === 's1sp-alert')) {
      expect(entry.stage, entry.code).toBe('commissioning');
    }
  });

  it('quotes the validation checks as printed, including the seed’s own typos', () => {
    expect(errorCode('E48')?.check).toMatch(/in Table 8\.7 2 of the TMAD\.$/);
    expect(errorCode('S1VE48')?.check).toMatch(/in Table 8\.7\.2 of the TMAD\.$/);
    expect(errorCode('S1C4')?.check).toContain('the Devices is, according to the SMI');
    expect(errorCode('S1C062198')?.check).toBe('Confirm that ExecutionDateTime is not present');
    expect(errorCode('C062196')?.check).not.toContain('<ul');
  });

  // The seed's S1SP copy of the table differs only by typos: "Devices is", " ,", "8.7.2", no final full stop.
  const normaliseCheck = (check: string | undefined) =>
    check
      ?.replace('Devices is', 'Device is')
      .replace(' ,', ',')
      .replace(/8\.7[. ]2/, '8.7-2')
      .replace(/\.$/, '');

  it('pairs each S1SP alert with the DSP code for the same check', () => {
    const pairs = [
      ['S1VE48', 'E48'],
      ['S1C2', 'C2'],
      ['S1VE100', 'E100'],
      ['S1C4', 'C4'],
      ['S1C5', 'C5'],
      ['S1C062199', 'C062199'],
      ['S1C062197', 'C062197'],
      ['S1C062196', 'C062196'],
    ] as const;
    for (const [alert, response] of pairs) {
      expect(errorCode(alert)?.counterpart).toBe(response);
      expect(errorCode(response)?.counterpart).toBe(alert);
      expect(normaliseCheck(errorCode(alert)?.check)).toBe(normaliseCheck(errorCode(response)?.check));
    }
  });

  it('ties the Table 8.7-3 codes to the Handover request and the Table 8.7-1 codes to none', () => {
    for (const entry of ERROR_CODES) {
      expect(entry.requestName, entry.code).toBe(
        entry.table === 'TMAD Table 8.7-3' ? HANDOVER_REQUEST_NAME : null,
      );
    }
  });

  it('looks error codes up ignoring case and spaces; the type guard is exact', () => {
    expect(errorCode(' s1ve48 ')?.code).toBe('S1VE48');
    expect(errorCode('12.9.1.et01')?.code).toBe('12.9.1.ET01');
    expect(errorCode('E49')).toBeUndefined();
    expect(isErrorCode('C2')).toBe(true);
    expect(isErrorCode('c2')).toBe(false);
  });
});

describe('raisesIncident: MEHRS 2.6.2, 2.6.6, 2.7.5, 2.7.7', () => {
  const CASES: readonly (readonly [string, string | undefined, boolean])[] = [
    // 2.7.5: any DSP error raises an Incident…
    ['E48', undefined, true],
    ['C2', 'Commission Device', true],
    ['E100', undefined, true],
    ['C4', 'Join Service', true],
    ['C5', undefined, true],
    // …except in relation to a 'Request Handover Of DCC Controlled Device'.
    ['E48', 'Request Handover Of DCC Controlled Device', false],
    ['C4', '  request handover of DCC  controlled device ', false],
    ['C062199', undefined, false],
    ['C062195', 'Commission Device', false],
    // 2.7.7: the same for S1SP Alerts.
    ['S1VE48', undefined, true],
    ['S1C5', 'Commission Device', true],
    ['S1C2', 'Request Handover Of DCC Controlled Device', false],
    ['S1C062198', undefined, false],
    // 2.6.2: retries, no Incident; 2.6.6: "An Incident will be raised".
    ['12.9.1.ET01', undefined, false],
    ['12.9.5.DP01', undefined, true],
    // Reason codes and unknown codes raise nothing by themselves.
    ['MA115', undefined, false],
    ['XYZ', undefined, false],
  ];
  it.each(CASES)('%s on request %s → %s', (code, requestName, expected) => {
    expect(raisesIncident(code, requestName)).toBe(expected);
  });

  it('recognises the Handover request name only', () => {
    expect(isHandoverRequest(HANDOVER_REQUEST_NAME)).toBe(true);
    expect(isHandoverRequest('Request Handover Of DCC Controlled')).toBe(false);
    expect(isHandoverRequest(undefined)).toBe(false);
    expect(isHandoverRequest(null)).toBe(false);
  });
});

describe('isFailedStepNumber: TMAD step references as MEHRS writes them', () => {
  it.each([
    '5.12.(c)', // MEHRS 2.5.5
    '5.15 (a)', // MEHRS 2.5.10
    '5.15(a)',
    '12.9.1',
    '5.10',
    '6.3',
    '5.25',
    '8.7.3',
    '12.9.5.1',
    '5.12.(c)(ii)',
    '5.12(iv)',
    ' 5.24 ',
  ])('accepts %j', (s) => {
    expect(isFailedStepNumber(s)).toBe(true);
  });

  it.each([
    '',
    '5',
    '5.',
    '.5',
    '5..10',
    '5.10.',
    '05.10',
    '5.1000',
    '12.9.1.ET01',
    'MA101',
    'E48',
    '5.12.(C)',
    '5.12.(cc)',
    '5.12.()',
    '5.12.(c',
    '5.12.(1)',
    '5.15a',
    'Table 5.10',
    '5.12.(c) ; drop',
    '1.2.3.4.5.6.7',
  ])('rejects %j', (s) => {
    expect(isFailedStepNumber(s)).toBe(false);
  });
});

describe('tmadStepReference: the most specific TMAD reference MEHRS names', () => {
  it.each([
    ['5.12.(c)', '5.12.(c)', 'sim-cutover'],
    ['5.12(c)', '5.12.(c)', 'sim-cutover'],
    ['5.12.(a)', '5.12', 'sim-cutover'],
    ['5.10.4', '5.10', 'common-file'],
    ['5.15 (a)', '5.15', 'sim-cutover'],
    ['5.16', '5.16', 'device-validation'],
    ['12.9.1', '12.9.1', 'device-validation'],
    ['12.9.3', '12.9', 'device-validation'],
    ['6.3.2', '6.3', 'commissioning'],
  ])('%s → TMAD %s (%s)', (step, ref, stage) => {
    expect(tmadStepReference(step)?.ref).toBe(ref);
    expect(tmadStepReference(step)?.stage).toBe(stage);
  });

  it('does not match across a segment boundary or for unknown steps', () => {
    expect(tmadStepReference('5.100')).toBeUndefined();
    expect(tmadStepReference('7.1')).toBeUndefined();
    expect(tmadStepReference('junk')).toBeUndefined();
  });
});

describe('describeCode', () => {
  it('describes a reason code', () => {
    expect(describeCode(' ma120')).toEqual({
      code: 'MA120',
      kind: 'reason',
      description: 'The APN account switch attempts have failed and the installation cannot be migrated.',
      supplierAction: 'Schedule the failed installation into a subsequent Migration Week.',
      stage: 'sim-cutover',
    });
  });

  it('describes a dormant-only reason code with no supplier action', () => {
    expect(describeCode('MA014')).toMatchObject({
      kind: 'reason',
      supplierAction: null,
      stage: 'authorisation',
    });
  });

  it('describes an error code', () => {
    expect(describeCode('12.9.1.ET01')).toEqual({
      code: '12.9.1.ET01',
      kind: 'error',
      description: 'Device connectivity failure and timeouts',
      supplierAction:
        'Either liaise with the SMSO to review the failure, fix it and add the installation to a Migration Authorisation for a subsequent week, or replace the installation with SMETS2+ in due course.',
      stage: 'device-validation',
    });
    expect(describeCode('S1C062198')).toMatchObject({
      kind: 'error',
      description: 'Cannot future date Commissioning Requests',
      stage: 'commissioning',
    });
  });

  it('describes a FailedStepNumber the MEHRS names', () => {
    expect(describeCode('5.12.(c)')).toEqual({
      code: '5.12.(c)',
      kind: 'failed-step',
      description: 'TMAD step 5.12.(c): The 7 days communication check (MEHRS 2.5.3)',
      supplierAction:
        'Liaise with the SMSO to restore WAN communications, then add the installation to a Migration Authorisation for a subsequent Migration Week.',
      stage: 'sim-cutover',
    });
  });

  it('describes a FailedStepNumber the MEHRS does not name', () => {
    expect(describeCode('7.4.(b)')).toEqual({
      code: '7.4.(b)',
      kind: 'failed-step',
      description: 'TMAD step 7.4.(b) (see the TMAD for this step)',
      supplierAction: null,
      stage: null,
    });
  });

  it('describes anything else as unknown', () => {
    expect(describeCode(' MA000 ')).toEqual({
      code: 'MA000',
      kind: 'unknown',
      description: 'Unknown code',
      supplierAction: null,
      stage: null,
    });
  });

  it('gives every catalogued code its own kind', () => {
    for (const c of REASON_CODES) expect(describeCode(c.code).kind, c.code).toBe('reason');
    for (const c of ERROR_CODES) expect(describeCode(c.code).kind, c.code).toBe('error');
  });
});

describe('D20: a FailedStepNumber with several possible scenarios names them all', () => {
  it.each([
    ['5.18', /2\.5\.7, 2\.5\.10/],
    ['5.24', /2\.5\.1, 2\.5\.2, 2\.5\.4/],
    ['6.3.2', /2\.7\.5, 2\.7\.7, 2\.7\.3/],
  ])('%s', (step, pattern) => {
    expect(describeCode(step).description).toMatch(pattern);
  });

  it('5.12.(c), the failed 7-day check, is MEHRS 2.5.3 (b)', () => {
    expect(describeCode('5.12.(c)').description).toMatch(/\(MEHRS 2\.5\.3\)$/);
  });
});

describe('MEHRS 2.7.5 / 2.7.7: Handover errors raise no incident and never suggest SMETS2+', () => {
  const handover = ERROR_CODES.filter((c) => c.requestName !== null);
  it.each(handover.map((c) => c.code))('%s', (code) => {
    expect(handover.length).toBeGreaterThan(6);
    expect(describeCode(code).supplierAction).not.toMatch(/SMETS2/);
    expect(raisesIncident(code)).toBe(false);
  });
});
