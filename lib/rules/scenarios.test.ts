import { describe, expect, it } from 'vitest';
import { describeCode, ERROR_CODES, HANDOVER_REQUEST_NAME, REASON_CODES, raisesIncident } from './codes';
import {
  requireScenario,
  SCENARIOS,
  type ScenarioHandling,
  scenario,
  scenariosForCode,
  scenariosForStage,
} from './scenarios';
import type { PartyRole, ReportId, StageId } from './types';

interface Expected {
  readonly section: string;
  readonly summary: string;
  readonly title: string;
  readonly stage: StageId;
  readonly handling: ScenarioHandling;
  readonly raisedBy: readonly PartyRole[];
  readonly owner: PartyRole | null;
  readonly reports: readonly ReportId[];
  readonly backlogOrder: 'receipt' | 'priority-first' | null;
}

const R6: readonly ReportId[] = ['S1MIG-006'];
const R2R6: readonly ReportId[] = ['S1MIG-002', 'S1MIG-006'];

// MEHRS v1.2 section 2, typed out from the seed: heading, who raises, who the Incident is assigned to, which
// supplier-facing reports carry the outcome, and the backlog order where one is stated.
const EXPECTED: readonly Expected[] = [
  {
    section: '2.1.1',
    summary: 'SharePoint unavailable: the impacted User raises it and the DCC resolves it',
    title: 'SharePoint Unavailability',
    stage: 'demand',
    handling: 'incident',
    raisedBy: ['supplier'],
    owner: 'dcc',
    reports: [],
    backlogOrder: null,
  },
  {
    section: '2.1.2',
    summary: 'SharePoint unavailable (DCC): raised and resolved by the DCC',
    title: 'SharePoint Unavailability (DCC)',
    stage: 'demand',
    handling: 'incident',
    raisedBy: ['dcc'],
    owner: 'dcc',
    reports: [],
    backlogOrder: null,
  },
  {
    section: '2.2.1',
    summary: 'Demand Commitment not met raises no Incident and is reported in Report 8',
    title: 'Demand Commitment not met',
    stage: 'demand',
    handling: 'none',
    raisedBy: [],
    owner: null,
    reports: ['S1MIG-008'],
    backlogOrder: null,
  },
  {
    section: '2.3.1',
    summary: 'MA signature error is a communication from the MCC, not an Incident',
    title: 'Migration Authorisation Signature Error',
    stage: 'authorisation',
    handling: 'communication',
    raisedBy: ['mcc'],
    owner: null,
    reports: [],
    backlogOrder: null,
  },
  {
    section: '2.3.2',
    summary: 'MA file error raises no Incident; reason codes go to Reports 6 and 10',
    title: 'Migration Authorisation File Error',
    stage: 'authorisation',
    handling: 'none',
    raisedBy: [],
    owner: null,
    reports: ['S1MIG-006', 'S1MIG-010'],
    backlogOrder: null,
  },
  {
    section: '2.4.1',
    summary: 'RP unable to generate the MCF is raised by the RP and owned by the RP, priority first',
    title: 'Requesting Party unable to generate Migration Common File',
    stage: 'common-file',
    handling: 'incident',
    raisedBy: ['rp'],
    owner: 'rp',
    reports: R6,
    backlogOrder: 'priority-first',
  },
  {
    section: '2.4.2',
    summary: 'MCF whole file error is raised by the S1SP/DCO and owned by the RP',
    title: 'Migration Common File whole file validation error',
    stage: 'common-file',
    handling: 'incident',
    raisedBy: ['s1sp', 'dco'],
    owner: 'rp',
    reports: R6,
    backlogOrder: null,
  },
  {
    section: '2.4.3',
    summary: 'S1SP unable to generate the MCVF is raised and owned by the S1SP, in order of receipt',
    title: 'S1SP unable to generate Migration Common Validation File',
    stage: 'common-file',
    handling: 'incident',
    raisedBy: ['s1sp'],
    owner: 's1sp',
    reports: R6,
    backlogOrder: 'receipt',
  },
  {
    section: '2.4.4',
    summary: 'MCVF whole file error is raised by the RP/DCO and owned by the S1SP',
    title: 'Migration Common Validation File whole file validation error',
    stage: 'common-file',
    handling: 'incident',
    raisedBy: ['rp', 'dco'],
    owner: 's1sp',
    reports: R6,
    backlogOrder: null,
  },
  {
    section: '2.4.5',
    summary: 'MCF installation-level error raises no Incident',
    title: 'Migration Common File SMETS1 Installation Level Validation Error',
    stage: 'common-file',
    handling: 'none',
    raisedBy: [],
    owner: null,
    reports: R6,
    backlogOrder: null,
  },
  {
    section: '2.5.1',
    summary: 'RP unable to trigger migration is raised and owned by the RP, in order of receipt',
    title: 'Requesting Party unable to trigger Migration of any Installation',
    stage: 'sim-cutover',
    handling: 'incident',
    raisedBy: ['rp'],
    owner: 'rp',
    reports: R6,
    backlogOrder: 'receipt',
  },
  {
    section: '2.5.2',
    summary: 'SMSO/CSP unable to migrate any installation is a communication, not an Incident',
    title: 'SMSO/CSP unable to Migrate any Installation',
    stage: 'sim-cutover',
    handling: 'communication',
    raisedBy: ['smso'],
    owner: null,
    reports: R6,
    backlogOrder: null,
  },
  {
    section: '2.5.3',
    summary: 'RP unable to migrate specific installations raises no Incident',
    title: 'Requesting Party unable to Migrate specific Installation(s)',
    stage: 'sim-cutover',
    handling: 'none',
    raisedBy: [],
    owner: null,
    reports: R6,
    backlogOrder: null,
  },
  {
    section: '2.5.4',
    summary: 'RP unable to generate the MGF/MEF is raised and owned by the RP, in order of receipt',
    title: 'Requesting Party unable to generate Migration Group File/Migration Group Encrypted File',
    stage: 'sim-cutover',
    handling: 'incident',
    raisedBy: ['rp'],
    owner: 'rp',
    reports: R6,
    backlogOrder: 'receipt',
  },
  {
    section: '2.5.5',
    summary: 'MGF/MEF not generated after SIM handover is investigated by the RP without an Incident',
    title:
      'Requesting Party unable to generate Migration Group File/Migration Group Encrypted File (post SIM Handover beyond 24 hours)',
    stage: 'sim-cutover',
    handling: 'none',
    raisedBy: [],
    owner: null,
    reports: R6,
    backlogOrder: null,
  },
  {
    section: '2.5.6',
    summary: 'MGF whole file error is raised by the S1SP and owned by the RP',
    title: 'Migration Group File whole file validation error',
    stage: 'sim-cutover',
    handling: 'incident',
    raisedBy: ['s1sp'],
    owner: 'rp',
    reports: R6,
    backlogOrder: null,
  },
  {
    section: '2.5.7',
    summary: 'MEF whole file error is raised by the S1SP/DCO and owned by the RP',
    title: 'Migration Group Encrypted File whole file validation error',
    stage: 'sim-cutover',
    handling: 'incident',
    raisedBy: ['s1sp', 'dco'],
    owner: 'rp',
    reports: R6,
    backlogOrder: null,
  },
  {
    section: '2.5.8',
    summary: 'Required File Set installation-level error raises no Incident; reported in Reports 2 and 6',
    title: 'S1SP Required File Set SMETS1 Installation level validation error',
    stage: 'sim-cutover',
    handling: 'none',
    raisedBy: [],
    owner: null,
    reports: R2R6,
    backlogOrder: null,
  },
  {
    section: '2.5.9',
    summary: 'MEF validation error at the S1SP is raised by the S1SP and owned by the RP',
    title: 'Migration Group Encrypted File validation error (S1SP)',
    stage: 'sim-cutover',
    handling: 'incident',
    raisedBy: ['s1sp'],
    owner: 'rp',
    reports: R6,
    backlogOrder: null,
  },
  {
    section: '2.5.10',
    summary: 'MEF installation-level error at the DCO is raised by the DCO and owned by the RP',
    title: 'Migration Group Encrypted File SMETS1 Installation level validation error (DCO)',
    stage: 'sim-cutover',
    handling: 'incident',
    raisedBy: ['dco'],
    owner: 'rp',
    reports: R6,
    backlogOrder: null,
  },
  {
    section: '2.6.1',
    summary:
      'S1SP/DCO unable to process any viable installation is raised by the S1SP or DCO and owned by the S1SP',
    title: 'S1SP unable to process any S1SP/DCO Viable Installation',
    stage: 'device-validation',
    handling: 'incident',
    raisedBy: ['s1sp', 'dco'],
    owner: 's1sp',
    reports: [],
    backlogOrder: null,
  },
  {
    section: '2.6.2',
    summary: 'device connectivity failure raises no Incident; 12.9.1.ET01 in Reports 2 and 6',
    title: 'Device connectivity failure and timeouts',
    stage: 'device-validation',
    handling: 'none',
    raisedBy: [],
    owner: null,
    reports: R2R6,
    backlogOrder: null,
  },
  {
    section: '2.6.3',
    summary: 'critical check failure raises no Incident',
    title: 'S1SP / DCO Commissioning of a SMETS1 Installation Failure',
    stage: 'device-validation',
    handling: 'none',
    raisedBy: [],
    owner: null,
    reports: R2R6,
    backlogOrder: null,
  },
  {
    section: '2.6.4',
    summary: 'DCO MEF timeout raises no Incident',
    title: 'DCO Migration Group Encrypted File Timeout',
    stage: 'device-validation',
    handling: 'none',
    raisedBy: [],
    owner: null,
    reports: R2R6,
    backlogOrder: null,
  },
  {
    section: '2.6.5',
    summary: 'rollback key-deletion failure is raised by the S1SP/DCO and assigned to the S1SP/DCO',
    title: 'Rollback',
    stage: 'device-validation',
    handling: 'incident',
    raisedBy: ['s1sp', 'dco'],
    owner: 's1sp',
    reports: R2R6,
    backlogOrder: null,
  },
  {
    section: '2.6.6',
    summary: 'CHF not commissioned raises an Incident resolved by the S1SP',
    title: 'Commission Device (CHF) failure',
    stage: 'device-validation',
    handling: 'incident',
    raisedBy: [],
    owner: 's1sp',
    reports: R2R6,
    backlogOrder: null,
  },
  {
    section: '2.6.7',
    summary: 'S1SP unable to generate the SCF is raised and owned by the S1SP',
    title: 'S1SP unable to generate S1SP Commissioning File',
    stage: 'device-validation',
    handling: 'incident',
    raisedBy: ['s1sp'],
    owner: 's1sp',
    reports: [],
    backlogOrder: null,
  },
  {
    section: '2.7.1',
    summary: 'CP unable to process any installation is raised and owned by the CP',
    title: 'Commissioning Party unable to process any Installation',
    stage: 'commissioning',
    handling: 'incident',
    raisedBy: ['cp'],
    owner: 'cp',
    reports: [],
    backlogOrder: null,
  },
  {
    section: '2.7.2',
    summary: 'SCF whole file error is raised by the CP and owned by the S1SP',
    title: 'S1SP Commissioning File whole file validation error',
    stage: 'commissioning',
    handling: 'incident',
    raisedBy: ['cp'],
    owner: 's1sp',
    reports: [],
    backlogOrder: null,
  },
  {
    section: '2.7.3',
    summary: 'SCF installation-level error is raised by the CP and owned by the S1SP',
    title: 'S1SP Commissioning File SMETS1 Installation level validation error',
    stage: 'commissioning',
    handling: 'incident',
    raisedBy: ['cp'],
    owner: 's1sp',
    reports: [],
    backlogOrder: null,
  },
  {
    section: '2.7.4',
    summary: 'DSP unable to process any installation is raised by the DCC and owned by the DSP',
    title: 'DSP unable to process any Installation',
    stage: 'commissioning',
    handling: 'incident',
    raisedBy: ['dcc'],
    owner: 'dsp',
    reports: [],
    backlogOrder: null,
  },
  {
    section: '2.7.5',
    summary: 'Commissioning Request rejected by the DSP is raised and owned by the CP',
    title: 'Commissioning Request SMETS1 Installation level validation error (DSP)',
    stage: 'commissioning',
    handling: 'incident',
    raisedBy: ['cp'],
    owner: 'cp',
    reports: ['S1MIG-002'],
    backlogOrder: null,
  },
  {
    section: '2.7.6',
    summary: 'S1SP unable to process any countersigned request is raised and owned by the S1SP',
    title: 'S1SP unable to process any Installation',
    stage: 'commissioning',
    handling: 'incident',
    raisedBy: ['s1sp'],
    owner: 's1sp',
    reports: [],
    backlogOrder: null,
  },
  {
    section: '2.7.7',
    summary: 'Commissioning Request rejected by the S1SP is raised by the CP and owned by the S1SP',
    title: 'Commissioning Request SMETS1 Installation level validation error (S1SP)',
    stage: 'commissioning',
    handling: 'incident',
    raisedBy: ['cp'],
    owner: 's1sp',
    reports: ['S1MIG-002'],
    backlogOrder: null,
  },
];

describe('SCENARIOS: MEHRS v1.2 section 2', () => {
  it('has one entry per subsection 2.1.1–2.7.7, in document order', () => {
    expect(SCENARIOS.map((s) => s.section)).toEqual(EXPECTED.map((e) => e.section));
    expect(SCENARIOS).toHaveLength(34);
  });

  for (const e of EXPECTED) {
    it(`MEHRS ${e.section}: ${e.summary}`, () => {
      const s = requireScenario(e.section);
      expect(s.title).toBe(e.title);
      expect(s.stage).toBe(e.stage);
      expect(s.handling).toBe(e.handling);
      expect(s.raisedBy).toEqual(e.raisedBy);
      expect(s.owner).toBe(e.owner);
      expect(s.reports).toEqual(e.reports);
      expect(s.backlogOrder).toBe(e.backlogOrder);
      expect(s.installationEffect.length).toBeGreaterThan(20);
    });
  }

  it('MEHRS 2.1: SharePoint Incidents are managed by the DCC, are not migration Incidents, standard ITRT', () => {
    for (const section of ['2.1.1', '2.1.2']) {
      const s = requireScenario(section);
      expect(s.managedBy).toBe('dcc');
      expect(s.migrationIncident).toBe(false);
      expect(s.resolutionTarget).toBe('standard-itrt');
    }
  });

  it('every migration Incident is managed by the MCC, notifies Interested Parties and uses the TMAD ITRT', () => {
    const incidents = SCENARIOS.filter((s) => s.handling === 'incident' && !s.section.startsWith('2.1.'));
    expect(incidents).toHaveLength(21);
    for (const s of incidents) {
      expect([
        s.section,
        s.managedBy,
        s.migrationIncident,
        s.resolutionTarget,
        s.interestedPartiesNotified,
      ]).toEqual([s.section, 'mcc', true, 'tmad-itrt', true]);
      expect(s.owners, s.section).toContain(s.owner);
    }
  });

  it('scenarios without an Incident have no owner', () => {
    for (const s of SCENARIOS.filter((x) => x.handling !== 'incident')) {
      expect([s.section, s.owner, s.owners, s.migrationIncident]).toEqual([s.section, null, [], false]);
    }
  });

  it('MEHRS 2.6.5: the key-deletion Incident may be assigned to the S1SP or the DCO', () => {
    expect(requireScenario('2.6.5').owners).toEqual(['s1sp', 'dco']);
    for (const s of SCENARIOS.filter((x) => x.section !== '2.6.5')) {
      expect(s.owners, s.section).toEqual(s.owner === null ? [] : [s.owner]);
    }
  });

  it('MEHRS 2.6.1: raised by the S1SP or DCO, assigned to the S1SP, resolved by either; backlog processed', () => {
    const s = requireScenario('2.6.1');
    expect(s.resolvedBy).toEqual(['s1sp', 'dco']);
    expect(s.processesBacklog).toBe(true);
  });

  it('MEHRS 2.5.2: no Incident because the SMSO–CSP contracts are outside the DCC framework', () => {
    const s = requireScenario('2.5.2');
    expect(s.migrationIncident).toBe(false);
    expect(s.managedBy).toBe('mcc');
    expect(s.interestedPartiesNotified).toBe(true);
    expect(s.note).toMatch(/outside the DCC contractual framework/);
  });

  it('MEHRS 2.3.2 names every initial reason code MA001–MA018', () => {
    expect(requireScenario('2.3.2').codes).toEqual(
      REASON_CODES.filter((c) => c.phase === 'initial').map((c) => c.code),
    );
    expect(requireScenario('2.3.2').codes).toHaveLength(18);
  });

  it('MEHRS 2.6.2 names 12.9.1.ET01 and 2.6.6 names 12.9.5.DP01', () => {
    expect(requireScenario('2.6.2').codes).toEqual(['12.9.1.ET01']);
    expect(requireScenario('2.6.6').codes).toEqual(['12.9.5.DP01']);
  });

  it('every code a scenario refers to is a catalogued reason or error code', () => {
    for (const s of SCENARIOS) {
      const refs = [...s.codes, ...s.relatedCodes, ...(s.variants ?? []).flatMap((v) => v.codes ?? [])];
      for (const code of refs)
        expect(['reason', 'error'], `${s.section} ${code}`).toContain(describeCode(code).kind);
    }
  });
});

describe("MEHRS 2.7.5 / 2.7.7: the 'Request Handover Of DCC Controlled Device' exception", () => {
  it('MEHRS 2.7.5: lists the DSP Response Codes and exempts the Handover request', () => {
    const s = requireScenario('2.7.5');
    expect(s.codes).toEqual(['E48', 'C2', 'E100', 'C4', 'C5', 'C062199', 'C062197', 'C062196', 'C062195']);
    expect(s.noIncidentForRequest).toBe(HANDOVER_REQUEST_NAME);
    expect(s.installationEffect).toContain(HANDOVER_REQUEST_NAME);
  });

  it('MEHRS 2.7.7: lists the S1SP Alert Codes and exempts the Handover request', () => {
    const s = requireScenario('2.7.7');
    expect(s.codes).toEqual([
      'S1VE48',
      'S1C2',
      'S1VE100',
      'S1C4',
      'S1C5',
      'S1C062199',
      'S1C062198',
      'S1C062197',
      'S1C062196',
    ]);
    expect(s.noIncidentForRequest).toBe(HANDOVER_REQUEST_NAME);
  });

  it('no other scenario has the exception', () => {
    const withException = SCENARIOS.filter((s) => s.noIncidentForRequest !== null).map((s) => s.section);
    expect(withException).toEqual(['2.7.5', '2.7.7']);
  });

  it('each of their codes raises an Incident except on the Handover request', () => {
    for (const section of ['2.7.5', '2.7.7']) {
      for (const code of requireScenario(section).codes) {
        const handoverOnly = ERROR_CODES.find((c) => c.code === code)?.requestName === HANDOVER_REQUEST_NAME;
        expect(raisesIncident(code, 'Commission Device'), code).toBe(!handoverOnly);
        expect(raisesIncident(code, HANDOVER_REQUEST_NAME), code).toBe(false);
      }
    }
  });
});

describe('GroupID variants: CB (MEHRS 2.5.2, 2.5.5–2.5.10) and DA (seed 000 4.4)', () => {
  const NEW_MCF_SECTIONS = ['2.5.5', '2.5.6', '2.5.7', '2.5.8', '2.5.9', '2.5.10'];

  it('only 2.5.2 and 2.5.5–2.5.10 have variants', () => {
    expect(SCENARIOS.filter((s) => s.variants !== undefined).map((s) => s.section)).toEqual([
      '2.5.2',
      ...NEW_MCF_SECTIONS,
    ]);
  });

  it('MEHRS 2.5.2 / 3.2: GroupID CB retries the SIM swap, then reports MA120', () => {
    const variants = requireScenario('2.5.2').variants ?? [];
    expect(variants.map((v) => v.groupId)).toEqual(['CB']);
    expect(variants[0]?.codes).toEqual(['MA120']);
    expect(variants[0]?.resubmitInNewMcf).toBe(false);
    expect(variants[0]?.onResolution).toContain('MEHRS 3.2');
    expect(scenariosForCode('MA120').map((s) => s.section)).toEqual(['2.5.2', '2.5.3']);
  });

  it.each(NEW_MCF_SECTIONS)(
    'MEHRS %s: GroupID CB resubmits in a new MCF without the 7-day check',
    (section) => {
      const cb = requireScenario(section).variants?.find((v) => v.groupId === 'CB');
      expect(cb?.resubmitInNewMcf).toBe(true);
      expect(cb?.sevenDayCheckWaived).toBe(true);
      expect(cb?.onResolution).toContain(
        'without carrying out the 7 days communication check (TMAD check 5.12.(c))',
      );
      expect(cb?.source).toBe(`MEHRS ${section}`);
    },
  );

  it('MEHRS 2.5.8: for GroupID CB the MCC raises a Service Request on the RP', () => {
    const cb = requireScenario('2.5.8').variants?.find((v) => v.groupId === 'CB');
    expect(cb?.handling).toBe('service-request');
    expect(cb?.raisedBy).toEqual(['mcc']);
    expect(cb?.owner).toBe('rp');
    expect(requireScenario('2.5.8').handling).toBe('none');
  });

  it.each(NEW_MCF_SECTIONS)(
    'seed 000 4.4: in MEHRS %s GroupID DA is resubmitted by the RP in a new MCF',
    (section) => {
      const da = requireScenario(section).variants?.find((v) => v.groupId === 'DA');
      expect(da?.resubmitInNewMcf).toBe(true);
      expect(da?.sevenDayCheckWaived).toBeNull();
      expect(da?.onResolution).toContain('new Migration Common File');
      expect(da?.source).toBe('MEHRS v3.0 conclusions (seed 000) 4.4');
    },
  );
});

describe('lookups', () => {
  it('scenario() finds a section, with or without the "MEHRS" prefix, and returns undefined otherwise', () => {
    expect(scenario('2.5.6')?.title).toBe('Migration Group File whole file validation error');
    expect(scenario(' MEHRS 2.7.4 ')?.owner).toBe('dsp');
    expect(scenario('2.8.1')).toBeUndefined();
    expect(scenario('2.5')).toBeUndefined();
  });

  it('requireScenario() throws for an unknown section', () => {
    expect(() => requireScenario('9.9.9')).toThrow('Unknown MEHRS scenario section: 9.9.9');
  });

  it('scenariosForStage() returns a stage’s sections in order', () => {
    expect(scenariosForStage('sim-cutover').map((s) => s.section)).toEqual([
      '2.5.1',
      '2.5.2',
      '2.5.3',
      '2.5.4',
      '2.5.5',
      '2.5.6',
      '2.5.7',
      '2.5.8',
      '2.5.9',
      '2.5.10',
    ]);
    expect(scenariosForStage('authorisation').map((s) => s.section)).toEqual(['2.3.1', '2.3.2']);
    expect(scenariosForStage('migrated')).toEqual([]);
  });

  it('scenariosForCode() finds the scenarios naming or relating to a code', () => {
    expect(scenariosForCode('12.9.1.ET01').map((s) => s.section)).toEqual(['2.6.2']);
    expect(scenariosForCode('ma121').map((s) => s.section)).toEqual(['2.6.5', '2.6.6']);
    expect(scenariosForCode('S1C062198').map((s) => s.section)).toEqual(['2.7.7']);
    expect(scenariosForCode('MA003').map((s) => s.section)).toEqual(['2.3.2']);
    expect(scenariosForCode('NOPE')).toEqual([]);
  });
});

describe('D19: candidate scenarios include every section that can end in the code', () => {
  it.each([
    ['MA101', ['2.4.1', '2.4.2', '2.4.3', '2.4.4', '2.5.1', '2.5.4', '2.5.6', '2.5.7', '2.5.9', '2.5.10']],
    ['MA116', ['2.4.2', '2.4.3', '2.4.4']],
    ['MA118', ['2.5.2', '2.5.3']],
    ['MA119', ['2.5.2', '2.5.3']],
    ['MA113', ['2.4.5', '2.5.3']],
    ['MA115', ['2.5.8', '2.6.2', '2.6.3', '2.6.4', '2.6.5', '2.6.6']],
  ])('%s → %j', (code, sections) => {
    expect(scenariosForCode(code).map((s) => s.section)).toEqual(sections);
  });
});
