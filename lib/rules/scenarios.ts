/**
 * The error scenarios of MEHRS v1.2 section 2 (seed 002), one entry per subsection 2.1.1–2.7.7: whether an
 * Incident is raised, by whom, who it is assigned to, what happens on resolution, what the installations suffer,
 * what the supplier is told to do, and which supplier-facing reports carry the outcome.
 * GroupID variants: CB from MEHRS 2.5.2 and 2.5.5–2.5.10; DA from the MEHRS v3.0 conclusions (seed 000) 4.4.
 */
import { ERROR_CODES, type ErrorCode, HANDOVER_REQUEST_NAME, REASON_CODES, type ReasonCode } from './codes';
import type { GroupId, PartyRole, ReportId, StageId } from './types';

export const SCENARIO_HANDLINGS = ['incident', 'communication', 'service-request', 'none'] as const;
/**
 * - incident: an Incident in DCC's Service Management System.
 * - communication: a message, not an Incident (2.3.1 the MCC phones and emails; 2.5.2 the SMSO/MCC notify).
 * - service-request: the MCC raises a Service Request on the Requesting Party (2.5.8, GroupID CB).
 * - none: the failure is reported through the files and reports only.
 */
export type ScenarioHandling = (typeof SCENARIO_HANDLINGS)[number];
export type BacklogOrder = 'receipt' | 'priority-first';
/** Which Incident Target Resolution Time applies: the TMAD's (migration incidents) or the Incident Management
 * Policy's standard one (2.1.x SharePoint incidents). */
export type ResolutionTarget = 'tmad-itrt' | 'standard-itrt';
export type CodeRef = ReasonCode | ErrorCode;

export interface ScenarioVariant {
  readonly groupId: GroupId;
  /** Only when the variant is handled differently from the base scenario. */
  readonly handling?: ScenarioHandling;
  readonly raisedBy?: readonly PartyRole[];
  readonly owner?: PartyRole | null;
  readonly onResolution: string;
  /** The Requesting Party resubmits the affected installations in a new Migration Common File. */
  readonly resubmitInNewMcf: boolean;
  /** The new MCF skips the 7 days communication check of TMAD 5.12.(c); null when the document does not say. */
  readonly sevenDayCheckWaived: boolean | null;
  readonly codes?: readonly CodeRef[];
  readonly note: string;
  readonly source: string;
}

export interface ScenarioDef {
  /** MEHRS v1.2 subsection. */
  readonly section: string;
  /** The document's heading. */
  readonly title: string;
  readonly stage: StageId;
  readonly handling: ScenarioHandling;
  /** Who raises the Incident (or issues the communication / Service Request); empty if none or not stated. */
  readonly raisedBy: readonly PartyRole[];
  /** The party the Incident is assigned to, as the document says; null when there is no Incident. */
  readonly owner: PartyRole | null;
  /** Every party the Incident may be assigned to (differs from [owner] only in 2.6.5). */
  readonly owners: readonly PartyRole[];
  /** Who the document says must resolve the Incident or fix the problem. */
  readonly resolvedBy: readonly PartyRole[];
  /** 'mcc' for migration Incidents and MCC communications; 'dcc' for the SharePoint Incidents of 2.1. */
  readonly managedBy: 'mcc' | 'dcc' | null;
  /** False for 2.1.x ("this Incident will not be classified as an Incident relating to Migration"). */
  readonly migrationIncident: boolean;
  /** Affected Users are notified through the Self-Service Interface as Interested Parties. */
  readonly interestedPartiesNotified: boolean;
  readonly resolutionTarget: ResolutionTarget | null;
  readonly onResolution: string | null;
  readonly processesBacklog: boolean;
  /** The backlog order the document states; null when it states none. */
  readonly backlogOrder: BacklogOrder | null;
  readonly installationEffect: string;
  readonly supplierAction: string | null;
  /** Supplier-facing reports named in the section's "following supplier facing report(s)" paragraph. */
  readonly reports: readonly ReportId[];
  /** Codes the section itself names. */
  readonly codes: readonly CodeRef[];
  /** Appendix A.1 reason codes that, by their description, report this scenario's failures (our reading). */
  readonly relatedCodes: readonly ReasonCode[];
  /** TMAD clauses/tables the section names. */
  readonly tmadRefs: readonly string[];
  /** A Commissioning Request whose errors raise no Incident (2.7.5, 2.7.7). */
  readonly noIncidentForRequest: string | null;
  readonly variants?: readonly ScenarioVariant[];
  readonly note: string | null;
}

// Defaults shared by many entries; every entry still states its own parties and effects.
const MIGRATION_INCIDENT = {
  handling: 'incident',
  managedBy: 'mcc',
  migrationIncident: true,
  interestedPartiesNotified: true,
  resolutionTarget: 'tmad-itrt',
  noIncidentForRequest: null,
} as const;

const NO_INCIDENT = {
  handling: 'none',
  raisedBy: [],
  owner: null,
  owners: [],
  managedBy: null,
  migrationIncident: false,
  interestedPartiesNotified: false,
  resolutionTarget: null,
  onResolution: null,
  processesBacklog: false,
  backlogOrder: null,
  noIncidentForRequest: null,
} as const;

const R6 = ['S1MIG-006'] as const satisfies readonly ReportId[];
const R2_R6 = ['S1MIG-002', 'S1MIG-006'] as const satisfies readonly ReportId[];
const R2 = ['S1MIG-002'] as const satisfies readonly ReportId[];

const RESCHEDULE = 'Schedule the failed installations into a subsequent Migration Week.';
const RESCHEDULE_IF_EXPIRED =
  'If the Migration Authorisation is no longer valid, reschedule the installations in a subsequent Migration Week.';
const FAIL_LATER =
  'Installations not processed while their Migration Authorisation is valid fail at a subsequent step of the Migration.';
const FAIL_LATER_24H_S1SP =
  'Installations fail at a subsequent step if they are not processed while their Migration Authorisation is valid, or if the S1SP does not receive the S1SP Required File Set within 24 hours of the Migration Common Validation File being generated (TMAD Clause 5.24).';
const FIX_WITH_SMSO_OR_REPLACE =
  'Either liaise with the SMSO to review the failures, fix them and add the installations to a Migration Authorisation for a subsequent week, or replace the installations with SMETS2+ in due course.';
const SCF_TO_SUPPLIER =
  "If the ToBeCommissionedByDCC flag is 'False', the S1SP Commissioning File, with the failure details, goes to both the Supplier and the Requesting Party.";

const NEW_MCF_NO_7_DAY_CHECK =
  'resubmits the affected installations in a new Migration Common File without carrying out the 7 days communication check (TMAD check 5.12.(c))';

/** GroupID CB (MEHRS 2.5.6, 2.5.7, 2.5.9, 2.5.10): fix and resubmit the file; if the 24-hour window would be
 * missed, a new MCF without the 7-day check. */
function cbRegenerate(file: string, windowClause: string, section: string): ScenarioVariant {
  return {
    groupId: 'CB',
    onResolution: `The Requesting Party fixes the issue and regenerates and resubmits the ${file}; if resolving the Incident would stop the Required File Set arriving within 24 hours of the Migration Common Validation File (${windowClause}), it ${NEW_MCF_NO_7_DAY_CHECK}.`,
    resubmitInNewMcf: true,
    sevenDayCheckWaived: true,
    note: 'Installations are resubmitted by the Requesting Party, not rescheduled by the supplier.',
    source: `MEHRS ${section}`,
  };
}

/**
 * GroupID DA (MOC Secure), seed 000 4.4: the DA text of MEHRS v2.1 lacked "...the Requesting Party will resubmit
 * the affected SMETS1 Installations in a new Migration Common File..."; DCC agreed and added it. That sentence is
 * the one of the CB variants of 2.5.5–2.5.10, so the DA variant is attached to those sections. Seed 000 does not
 * say whether the 7-day check is waived for DA, hence null.
 */
const DA_NEW_MCF: ScenarioVariant = {
  groupId: 'DA',
  onResolution:
    'While the affected installations are reconfigured, the Requesting Party resubmits them in a new Migration Common File.',
  resubmitInNewMcf: true,
  sevenDayCheckWaived: null,
  note: 'MEHRS v3.0 (seed 000 4.4.2) added the resubmission in a new MCF for GroupID DA; whether the 7-day communication check is skipped is not stated in the seeds.',
  source: 'MEHRS v3.0 conclusions (seed 000) 4.4',
};

const SCENARIO_DATA = [
  // MEHRS 2.1.1
  {
    section: '2.1.1',
    title: 'SharePoint Unavailability',
    // SharePoint carries forecasts and demand requests (stage 1) as well as MAs; placed at the first stage.
    stage: 'demand',
    handling: 'incident',
    raisedBy: ['supplier'],
    owner: 'dcc',
    owners: ['dcc'],
    resolvedBy: ['dcc'],
    managedBy: 'dcc',
    migrationIncident: false,
    interestedPartiesNotified: true,
    resolutionTarget: 'standard-itrt',
    onResolution:
      'The DCC advises impacted parties to resume submitting and receiving files through the DCC SharePoint.',
    processesBacklog: false,
    backlogOrder: null,
    installationEffect:
      'None directly: Indicative Migration Forecasts, Daily Migration Demand requests, Migration Authorisations and responses to Dormant Meter Migration notifications cannot be submitted or received until it is resolved.',
    supplierAction:
      'Raise an Incident and email the Migration Control Centre (migration@smartdcc.co.uk); use any workaround the DCC advises, and resume submitting files through SharePoint once told to.',
    reports: [],
    codes: [],
    relatedCodes: [],
    tmadRefs: [],
    noIncidentForRequest: null,
    note: 'Impacted parties raise it; the DCC resolves it within the standard ITRT of the Incident Management Policy. Not a migration Incident.',
  },
  // MEHRS 2.1.2
  {
    section: '2.1.2',
    title: 'SharePoint Unavailability (DCC)',
    stage: 'demand',
    handling: 'incident',
    raisedBy: ['dcc'],
    owner: 'dcc',
    owners: ['dcc'],
    resolvedBy: ['dcc'],
    managedBy: 'dcc',
    migrationIncident: false,
    interestedPartiesNotified: true,
    resolutionTarget: 'standard-itrt',
    onResolution: 'The DCC submits the files through the DCC SharePoint.',
    processesBacklog: false,
    backlogOrder: null,
    installationEffect:
      'None directly: Migration Demand Commitments, Dormant Meter notifications and Migration Reports are delayed until it is resolved.',
    supplierAction: 'None required; use any workaround the DCC advises.',
    reports: [],
    codes: [],
    relatedCodes: [],
    tmadRefs: [],
    noIncidentForRequest: null,
    note: 'Not a migration Incident; standard ITRT of the Incident Management Policy.',
  },
  // MEHRS 2.2.1
  {
    section: '2.2.1',
    title: 'Demand Commitment not met',
    stage: 'demand',
    ...NO_INCIDENT,
    resolvedBy: [],
    installationEffect:
      'Fewer installations migrate than the Migration Demand Commitment. Causes: (a) fewer MAs than committed; (b) DCC systems cannot cope; (c) MA signature not verified (2.3.1); (d) MA file errors (2.3.2); (e) no Migration Common File generated (2.4.1).',
    supplierAction:
      'Compare the Migration Authorisations you sent against the Migration Demand Commitment in Report 8, which covers the previous four Migration Weeks.',
    reports: ['S1MIG-008'],
    codes: [],
    relatedCodes: [],
    tmadRefs: [],
    note: 'No Incident. The MCC sends Report 8 each week to each Authorising Party.',
  },
  // MEHRS 2.3.1
  {
    section: '2.3.1',
    title: 'Migration Authorisation Signature Error',
    stage: 'authorisation',
    ...NO_INCIDENT,
    handling: 'communication',
    raisedBy: ['mcc'],
    managedBy: 'mcc',
    resolvedBy: ['supplier'],
    onResolution:
      'The supplier regenerates the Migration Authorisation and submits it to the DCC within the Migration Authorisation Mechanism timescales.',
    installationEffect:
      'The Migration Authorisation (Active Meters only) is not passed to the Requesting Party, so its installations are not processed.',
    supplierAction:
      'Check the validity of the Certificate and the signature used to sign the file, regenerate the Migration Authorisation and submit it to the DCC within the Migration Authorisation Mechanism timescales.',
    reports: [],
    codes: [],
    relatedCodes: [],
    tmadRefs: [],
    note: 'No Incident: the MCC contacts the supplier by telephone and email as soon as reasonably practicable.',
  },
  // MEHRS 2.3.2
  {
    section: '2.3.2',
    title: 'Migration Authorisation File Error',
    stage: 'authorisation',
    ...NO_INCIDENT,
    resolvedBy: ['supplier'],
    installationEffect:
      'Installations failing a check are not migrated under that Migration Authorisation; the Reason Code goes in the Migration Authorisation Validation Response.',
    supplierAction:
      'Review/triage the Reason Code and resubmit the Migration Authorisations for a subsequent Migration Week. MA012–MA015 and MA017 are only relevant for Dormant Meter Migrations: no action.',
    // Report 10 only for Active installations (MEHRS 2.3.2).
    reports: ['S1MIG-006', 'S1MIG-010'],
    codes: REASON_CODES.filter((c) => c.phase === 'initial').map((c) => c.code),
    relatedCodes: [],
    tmadRefs: [],
    note: 'Report 10 covers Active installations only.',
  },
  // MEHRS 2.4.1
  {
    section: '2.4.1',
    title: 'Requesting Party unable to generate Migration Common File',
    stage: 'common-file',
    ...MIGRATION_INCIDENT,
    raisedBy: ['rp'],
    owner: 'rp',
    owners: ['rp'],
    resolvedBy: ['rp'],
    onResolution:
      "The Requesting Party processes the backlog of installations not yet in a Migration Common File whose Migration Authorisations are still valid, installations flagged as 'priority' first.",
    processesBacklog: true,
    backlogOrder: 'priority-first',
    installationEffect:
      'Installations whose Migration Authorisation is no longer valid are not migrated; the MA Completion Response says so.',
    supplierAction:
      'Reschedule the migration by adding the installations to a Migration Authorisation for a subsequent Migration Week.',
    reports: R6,
    codes: [],
    relatedCodes: ['MA101'],
    tmadRefs: [],
    note: 'The Requesting Party raises the Incident via the Migration Control Centre.',
  },
  // MEHRS 2.4.2
  {
    section: '2.4.2',
    title: 'Migration Common File whole file validation error',
    stage: 'common-file',
    ...MIGRATION_INCIDENT,
    raisedBy: ['s1sp', 'dco'],
    owner: 'rp',
    owners: ['rp'],
    resolvedBy: ['rp'],
    onResolution:
      'The Requesting Party regenerates and resubmits the Migration Common File to the S1SP and the DCO.',
    processesBacklog: false,
    backlogOrder: null,
    installationEffect: FAIL_LATER,
    supplierAction: RESCHEDULE,
    reports: R6,
    codes: [],
    relatedCodes: ['MA116', 'MA101'],
    tmadRefs: ['Table 5.9'],
    note: null,
  },
  // MEHRS 2.4.3
  {
    section: '2.4.3',
    title: 'S1SP unable to generate Migration Common Validation File',
    stage: 'common-file',
    ...MIGRATION_INCIDENT,
    raisedBy: ['s1sp'],
    owner: 's1sp',
    owners: ['s1sp'],
    resolvedBy: ['s1sp'],
    onResolution:
      'The S1SP generates the Migration Common Validation File and processes the backlog in order of receipt.',
    processesBacklog: true,
    backlogOrder: 'receipt',
    installationEffect: FAIL_LATER,
    supplierAction: RESCHEDULE,
    reports: R6,
    codes: [],
    relatedCodes: ['MA116', 'MA101'],
    tmadRefs: [],
    note: null,
  },
  // MEHRS 2.4.4
  {
    section: '2.4.4',
    title: 'Migration Common Validation File whole file validation error',
    stage: 'common-file',
    ...MIGRATION_INCIDENT,
    raisedBy: ['rp', 'dco'],
    owner: 's1sp',
    owners: ['s1sp'],
    resolvedBy: ['s1sp'],
    onResolution:
      'The Requesting Party regenerates and resubmits a new Migration Common File with the affected installations to the S1SP, if their Migration Authorisations are still valid.',
    processesBacklog: false,
    backlogOrder: null,
    installationEffect: FAIL_LATER,
    supplierAction: RESCHEDULE,
    reports: R6,
    codes: [],
    relatedCodes: ['MA116', 'MA101'],
    tmadRefs: ['Table 5.9'],
    note: null,
  },
  // MEHRS 2.4.5
  {
    section: '2.4.5',
    title: 'Migration Common File SMETS1 Installation Level Validation Error',
    stage: 'common-file',
    ...NO_INCIDENT,
    resolvedBy: ['supplier'],
    installationEffect:
      'The S1SP records the FailedStepNumber and SupportingData against the installation in the Migration Common Validation File, sent to the Requesting Party and the DCO; the failure goes in the next MA Completion Response.',
    supplierAction:
      'Review the validation failures with the SMSO and correct the data (a User-led investigation; the DCC can help, e.g. by raising Registration Data Incidents), then add the installations to a Migration Authorisation for a subsequent week.',
    reports: R6,
    codes: [],
    relatedCodes: ['MA113'],
    tmadRefs: ['Table 5.10'],
    note: null,
  },
  // MEHRS 2.5.1
  {
    section: '2.5.1',
    title: 'Requesting Party unable to trigger Migration of any Installation',
    stage: 'sim-cutover',
    ...MIGRATION_INCIDENT,
    raisedBy: ['rp'],
    owner: 'rp',
    owners: ['rp'],
    resolvedBy: ['rp'],
    onResolution: 'The Requesting Party processes the backlog in order of receipt.',
    processesBacklog: true,
    backlogOrder: 'receipt',
    installationEffect: FAIL_LATER_24H_S1SP,
    supplierAction: RESCHEDULE,
    reports: R6,
    codes: [],
    relatedCodes: ['MA101'],
    tmadRefs: ['Clause 5.24'],
    note: 'The Requesting Party raises the Incident via the Migration Control Centre.',
  },
  // MEHRS 2.5.2
  {
    section: '2.5.2',
    title: 'SMSO/CSP unable to Migrate any Installation',
    stage: 'sim-cutover',
    ...NO_INCIDENT,
    handling: 'communication',
    raisedBy: ['smso'],
    managedBy: 'mcc',
    interestedPartiesNotified: true,
    resolvedBy: ['smso', 'csp'],
    installationEffect: FAIL_LATER_24H_S1SP,
    supplierAction: RESCHEDULE,
    reports: R6,
    codes: [],
    relatedCodes: ['MA118', 'MA119', 'MA120'],
    tmadRefs: ['Clause 5.24'],
    variants: [
      {
        groupId: 'CB',
        onResolution:
          'The Requesting Party retries the SIM configuration as MEHRS 3.2 sets out; if it still cannot configure the SIM, or the S1SP Required File Set would miss the 24-hour window (TMAD Clause 5.24), it reports the failure in the next MA Completion Response (MA120).',
        resubmitInNewMcf: false,
        sevenDayCheckWaived: null,
        codes: ['MA120'],
        note: 'MEHRS 3.2: MA120 once the SIM swap retries have run out.',
        source: 'MEHRS 2.5.2, 3.2',
      },
    ],
    note: 'Not an Incident in the DCC Service Management System (the SMSO–CSP contracts are outside the DCC contractual framework): the SMSO sends a communication to the MCC, which issues one to all Interested Parties.',
  },
  // MEHRS 2.5.3
  {
    section: '2.5.3',
    title: 'Requesting Party unable to Migrate specific Installation(s)',
    stage: 'sim-cutover',
    ...NO_INCIDENT,
    resolvedBy: ['supplier', 'smso'],
    installationEffect:
      'The installation is not migrated because (a) the Migration Common Validation File shows errors for it, (b) WAN communications have not been established within the last 7 days, (c) it is not configured as the SMETS1 Supporting Requirements require, or (d) the SMSO/CSP could not configure it to communicate with the DCC Total System. The failure goes in the next MA Completion Response.',
    supplierAction:
      'Liaise with the SMSO to fix the error and reschedule the migration by adding the installations to a Migration Authorisation for a subsequent Migration Week. Dormant Meters: see MEHRS section 4.',
    reports: R6,
    codes: [],
    relatedCodes: ['MA111', 'MA112', 'MA113', 'MA114', 'MA118', 'MA119', 'MA120', 'MA521', 'MA523'],
    tmadRefs: [],
    note: 'The SMSO may tell the Active Responsible Supplier directly.',
  },
  // MEHRS 2.5.4
  {
    section: '2.5.4',
    title: 'Requesting Party unable to generate Migration Group File/Migration Group Encrypted File',
    stage: 'sim-cutover',
    ...MIGRATION_INCIDENT,
    raisedBy: ['rp'],
    owner: 'rp',
    owners: ['rp'],
    resolvedBy: ['rp'],
    onResolution: 'The Requesting Party processes the backlog in order of receipt.',
    processesBacklog: true,
    backlogOrder: 'receipt',
    installationEffect: FAIL_LATER_24H_S1SP,
    supplierAction: RESCHEDULE,
    reports: R6,
    codes: [],
    relatedCodes: ['MA101'],
    tmadRefs: ['Clause 5.24'],
    note: null,
  },
  // MEHRS 2.5.5
  {
    section: '2.5.5',
    title:
      'Requesting Party unable to generate Migration Group File/Migration Group Encrypted File (post SIM Handover beyond 24 hours)',
    stage: 'sim-cutover',
    ...NO_INCIDENT,
    resolvedBy: ['rp'],
    onResolution:
      'Within 24 hours, the Requesting Party generates and submits the MGF/MEF (the S1SP may still miss the 24-hour window of TMAD Clause 5.24); beyond 24 hours, on instruction from the Migration Control Centre, the installations are reconfigured to communicate with the original SMSO or a new MCF could be regenerated.',
    installationEffect:
      'The installations already communicate with the DCC Total System but have no MGF/MEF; if resolution takes longer than 24 hours they fail (Report 6).',
    supplierAction:
      'Resubmit the affected installations in a Migration Authorisation for a subsequent Migration Week.',
    // "If the resolution time is longer than 24 hours" Report 6 confirms the Reason Code.
    reports: R6,
    codes: [],
    relatedCodes: [],
    tmadRefs: ['Clause 5.24', 'check 5.12.(c)'],
    variants: [
      {
        groupId: 'CB',
        onResolution: `The Requesting Party ${NEW_MCF_NO_7_DAY_CHECK}.`,
        resubmitInNewMcf: true,
        sevenDayCheckWaived: true,
        note: 'Installations are resubmitted by the Requesting Party, not rescheduled by the supplier.',
        source: 'MEHRS 2.5.5',
      },
      DA_NEW_MCF,
    ],
    note: 'No Incident is stated: the Requesting Party investigates and fixes. Report 6 only if resolution takes longer than 24 hours.',
  },
  // MEHRS 2.5.6
  {
    section: '2.5.6',
    title: 'Migration Group File whole file validation error',
    stage: 'sim-cutover',
    ...MIGRATION_INCIDENT,
    raisedBy: ['s1sp'],
    owner: 'rp',
    owners: ['rp'],
    resolvedBy: ['rp'],
    onResolution:
      'The Requesting Party regenerates and resubmits the Migration Group File to the S1SP if the Migration Authorisation is still valid.',
    processesBacklog: false,
    backlogOrder: null,
    installationEffect: FAIL_LATER_24H_S1SP,
    supplierAction: RESCHEDULE_IF_EXPIRED,
    reports: R6,
    codes: [],
    relatedCodes: ['MA101'],
    tmadRefs: ['Table 5.9', 'Clause 5.24'],
    variants: [cbRegenerate('Migration Group File to the S1SP', 'TMAD Clause 5.24', '2.5.6'), DA_NEW_MCF],
    note: null,
  },
  // MEHRS 2.5.7
  {
    section: '2.5.7',
    title: 'Migration Group Encrypted File whole file validation error',
    stage: 'sim-cutover',
    ...MIGRATION_INCIDENT,
    raisedBy: ['s1sp', 'dco'],
    owner: 'rp',
    owners: ['rp'],
    resolvedBy: ['rp'],
    onResolution:
      'The Requesting Party regenerates and resubmits the Migration Group Encrypted File to the S1SP/DCO if the Migration Authorisation is still valid.',
    processesBacklog: false,
    backlogOrder: null,
    installationEffect:
      'Installations fail at a subsequent step if they are not processed while their Migration Authorisation is valid, or if the S1SP/DCO does not receive the S1SP/DCO Required File Set within 24 hours of the Migration Common Validation File being generated (TMAD Clauses 5.24 and 5.18).',
    supplierAction: RESCHEDULE_IF_EXPIRED,
    reports: R6,
    codes: [],
    relatedCodes: ['MA101'],
    tmadRefs: ['Table 5.9', 'Clause 5.24', 'Clause 5.18'],
    variants: [
      cbRegenerate('Migration Group Encrypted File to the S1SP', 'TMAD Clauses 5.24 and 5.18', '2.5.7'),
      DA_NEW_MCF,
    ],
    note: null,
  },
  // MEHRS 2.5.8
  {
    section: '2.5.8',
    title: 'S1SP Required File Set SMETS1 Installation level validation error',
    stage: 'sim-cutover',
    ...NO_INCIDENT,
    resolvedBy: ['rp'],
    installationEffect: `The S1SP stops processing the installation and puts the FailedStepNumber in the S1SP Commissioning File; the failure goes in the next MA Completion Response. ${SCF_TO_SUPPLIER}`,
    supplierAction:
      'Check the FailedStepNumber in Report 2 and the Reason Code in Report 6; the Requesting Party corrects the data and liaises with you if required.',
    reports: R2_R6,
    codes: [],
    relatedCodes: ['MA115'],
    tmadRefs: ['Table 5.25'],
    variants: [
      {
        groupId: 'CB',
        handling: 'service-request',
        raisedBy: ['mcc'],
        owner: 'rp',
        onResolution: `The Requesting Party resolves the Service Request within the TMAD Incident Target Resolution Time, then ${NEW_MCF_NO_7_DAY_CHECK}.`,
        resubmitInNewMcf: true,
        sevenDayCheckWaived: true,
        note: 'The Migration Control Centre raises a Service Request (not an Incident) on the Requesting Party.',
        source: 'MEHRS 2.5.8',
      },
      DA_NEW_MCF,
    ],
    note: null,
  },
  // MEHRS 2.5.9
  {
    section: '2.5.9',
    title: 'Migration Group Encrypted File validation error (S1SP)',
    stage: 'sim-cutover',
    ...MIGRATION_INCIDENT,
    raisedBy: ['s1sp'],
    owner: 'rp',
    owners: ['rp'],
    resolvedBy: ['rp'],
    onResolution:
      'The Requesting Party regenerates and resubmits the Migration Group Encrypted File to the S1SP if the Migration Authorisation is still valid.',
    processesBacklog: false,
    backlogOrder: null,
    installationEffect: FAIL_LATER_24H_S1SP,
    supplierAction: RESCHEDULE_IF_EXPIRED,
    reports: R6,
    codes: [],
    relatedCodes: ['MA101'],
    tmadRefs: ['Clause 5.23', 'Clause 5.24'],
    variants: [
      cbRegenerate('Migration Group Encrypted File to the S1SP', 'TMAD Clause 5.24', '2.5.9'),
      DA_NEW_MCF,
    ],
    note: null,
  },
  // MEHRS 2.5.10
  {
    section: '2.5.10',
    title: 'Migration Group Encrypted File SMETS1 Installation level validation error (DCO)',
    stage: 'sim-cutover',
    ...MIGRATION_INCIDENT,
    raisedBy: ['dco'],
    owner: 'rp',
    owners: ['rp'],
    resolvedBy: ['rp'],
    onResolution:
      'The Requesting Party regenerates and resubmits the Migration Group Encrypted File to the DCO if the Migration Authorisation is still valid.',
    processesBacklog: false,
    backlogOrder: null,
    installationEffect:
      'Installations fail at a subsequent step if they are not processed while their Migration Authorisation is valid, or if the DCO does not receive the DCO Required File Set within 24 hours of the Migration Common Validation File being generated (TMAD Clause 5.18).',
    supplierAction: RESCHEDULE_IF_EXPIRED,
    reports: R6,
    codes: [],
    relatedCodes: ['MA101'],
    tmadRefs: ['Clause 5.15 (a)', 'Clause 5.18'],
    // MEHRS 2.5.10 says the CB regeneration goes "to S1SP", though the base case resubmits to the DCO.
    variants: [
      cbRegenerate('Migration Group Encrypted File to S1SP', 'TMAD Clause 5.18', '2.5.10'),
      DA_NEW_MCF,
    ],
    note: null,
  },
  // MEHRS 2.6.1
  {
    section: '2.6.1',
    title: 'S1SP unable to process any S1SP/DCO Viable Installation',
    stage: 'device-validation',
    ...MIGRATION_INCIDENT,
    raisedBy: ['s1sp', 'dco'],
    owner: 's1sp',
    owners: ['s1sp'],
    resolvedBy: ['s1sp', 'dco'],
    onResolution: 'The S1SP or DCO processes the backlog.',
    processesBacklog: true,
    backlogOrder: null,
    installationEffect: 'S1SP/DCO Viable Installations wait in the backlog until the Incident is resolved.',
    supplierAction: null,
    reports: [],
    codes: [],
    relatedCodes: [],
    tmadRefs: [],
    note: 'Raised by the S1SP or the DCO but assigned to the S1SP; "the S1SP or DCO" resolves it.',
  },
  // MEHRS 2.6.2
  {
    section: '2.6.2',
    title: 'Device connectivity failure and timeouts',
    stage: 'device-validation',
    ...NO_INCIDENT,
    resolvedBy: ['supplier'],
    installationEffect: `After the retries of MEHRS 3.1 time out, the SIM profile is changed back so the SMSO can communicate with the Communications Hub, the S1SP marks WAN testing as failed in the S1SP Migration Audit Files, and Error Code 12.9.1.ET01 goes in the S1SP Commissioning File; the failure goes in the next MA Completion Response. ${SCF_TO_SUPPLIER}`,
    supplierAction: FIX_WITH_SMSO_OR_REPLACE,
    reports: R2_R6,
    codes: ['12.9.1.ET01'],
    relatedCodes: ['MA115'],
    tmadRefs: [],
    note: 'No Incident: the S1SP retries (MEHRS 3.1).',
  },
  // MEHRS 2.6.3
  {
    section: '2.6.3',
    title: 'S1SP / DCO Commissioning of a SMETS1 Installation Failure',
    stage: 'device-validation',
    ...NO_INCIDENT,
    resolvedBy: ['supplier'],
    installationEffect: `Checking stops at the failed 'Critical' check; the SIM profile is changed back so the SMSO can communicate with the Communications Hub and the FailedStepNumber goes in an S1SP Commissioning File; the failure goes in the next MA Completion Response. ${SCF_TO_SUPPLIER}`,
    supplierAction: FIX_WITH_SMSO_OR_REPLACE,
    reports: R2_R6,
    codes: [],
    relatedCodes: ['MA115'],
    tmadRefs: [],
    note: null,
  },
  // MEHRS 2.6.4
  {
    section: '2.6.4',
    title: 'DCO Migration Group Encrypted File Timeout',
    stage: 'device-validation',
    ...NO_INCIDENT,
    resolvedBy: ['supplier'],
    installationEffect: `The DCO discards an authenticated Migration Group Encrypted File the S1SP has not used within 48 hours (TMAD Clause 5.16); the S1SP then puts the FailedStepNumber in the S1SP Commissioning File and the failure goes in the next MA Completion Response. ${SCF_TO_SUPPLIER}`,
    supplierAction: 'Reschedule the installations in a subsequent Migration Week.',
    reports: R2_R6,
    codes: [],
    relatedCodes: ['MA115'],
    tmadRefs: ['Clause 5.16'],
    note: null,
  },
  // MEHRS 2.6.5
  {
    section: '2.6.5',
    title: 'Rollback',
    stage: 'device-validation',
    ...MIGRATION_INCIDENT,
    raisedBy: ['s1sp', 'dco'],
    // "The Incident would be assigned to the S1SP/DCO": to whichever of them could not delete its keys and related
    // information ("the S1SP/DCO (as appropriate) party will raise an Incident"). `owner` is the first named;
    // `owners` holds both.
    owner: 's1sp',
    owners: ['s1sp', 'dco'],
    resolvedBy: ['s1sp', 'dco'],
    onResolution:
      'Where WAN communication to the SMSO was not restored, the S1SP takes reasonable steps to restore it; once restored, or if it cannot be after investigation, the S1SP reports the appropriate Error Code(s) in the S1SP Commissioning File.',
    processesBacklog: false,
    backlogOrder: null,
    installationEffect: `The installation is rolled back to its SMSO; the outcome goes in the next MA Completion Response. ${SCF_TO_SUPPLIER}`,
    supplierAction:
      'Where the SMSO cannot establish WAN communication with the installation, liaise with the SMSO to establish whether it needs to be replaced with SMETS2+.',
    reports: R2_R6,
    codes: [],
    relatedCodes: ['MA115', 'MA121'],
    tmadRefs: [],
    note: 'An Incident only when the DCO or S1SP cannot delete keys/related information, assigned to the S1SP or DCO as appropriate; a failure to restore WAN communication is handled by the S1SP without an Incident.',
  },
  // MEHRS 2.6.6
  {
    section: '2.6.6',
    title: 'Commission Device (CHF) failure',
    stage: 'device-validation',
    ...MIGRATION_INCIDENT,
    // "An Incident will be raised when a CHF has not successfully been Commissioned": the raiser is not named.
    raisedBy: [],
    owner: 's1sp',
    owners: ['s1sp'],
    resolvedBy: ['s1sp'],
    onResolution:
      "The S1SP processes the backlog; if the Incident can't be resolved, 'Installation Rollback' is carried out as the TMAD sets out for the GroupID.",
    processesBacklog: true,
    backlogOrder: null,
    installationEffect: `Error Code 12.9.5.DP01 goes in the S1SP Commissioning File; the outcome goes in the next MA Completion Response. ${SCF_TO_SUPPLIER}`,
    supplierAction:
      'If, despite the rollback, the SMSO cannot resume service with the installation, liaise with the SMSO to establish whether it needs to be replaced with SMETS2+.',
    reports: R2_R6,
    codes: ['12.9.5.DP01'],
    relatedCodes: ['MA115', 'MA121'],
    tmadRefs: [],
    note: 'The document does not say who raises the Incident or that it is "assigned"; it says the S1SP must resolve it, so the S1SP is taken as owner.',
  },
  // MEHRS 2.6.7
  {
    section: '2.6.7',
    title: 'S1SP unable to generate S1SP Commissioning File',
    stage: 'device-validation',
    ...MIGRATION_INCIDENT,
    raisedBy: ['s1sp'],
    owner: 's1sp',
    owners: ['s1sp'],
    resolvedBy: ['s1sp'],
    onResolution:
      'The S1SP takes the necessary actions so that the Device is successfully Commissioned in the SMI.',
    processesBacklog: false,
    backlogOrder: null,
    installationEffect: 'The S1SP Commissioning File is delayed until the Incident is resolved.',
    supplierAction: null,
    reports: [],
    codes: [],
    relatedCodes: [],
    tmadRefs: [],
    note: null,
  },
  // MEHRS 2.7.1
  {
    section: '2.7.1',
    title: 'Commissioning Party unable to process any Installation',
    stage: 'commissioning',
    ...MIGRATION_INCIDENT,
    raisedBy: ['cp'],
    owner: 'cp',
    owners: ['cp'],
    resolvedBy: ['cp'],
    onResolution: 'The Commissioning Party processes the backlog.',
    processesBacklog: true,
    backlogOrder: null,
    installationEffect: 'Installations wait to be Commissioned until the Incident is resolved.',
    supplierAction: null,
    reports: [],
    codes: [],
    relatedCodes: [],
    tmadRefs: [],
    note: null,
  },
  // MEHRS 2.7.2
  {
    section: '2.7.2',
    title: 'S1SP Commissioning File whole file validation error',
    stage: 'commissioning',
    ...MIGRATION_INCIDENT,
    raisedBy: ['cp'],
    owner: 's1sp',
    owners: ['s1sp'],
    resolvedBy: ['s1sp'],
    onResolution:
      'The S1SP regenerates and resubmits the S1SP Commissioning File to the Commissioning Party, which then processes the backlog.',
    processesBacklog: true,
    backlogOrder: null,
    installationEffect: 'The whole S1SP Commissioning File is not processed until the Incident is resolved.',
    supplierAction: null,
    reports: [],
    codes: [],
    relatedCodes: [],
    tmadRefs: ['Table 5.9'],
    note: 'Also raised when the Commissioning Party holds no Migration Common File with the same Migration Header as the S1SP Commissioning File.',
  },
  // MEHRS 2.7.3
  {
    section: '2.7.3',
    title: 'S1SP Commissioning File SMETS1 Installation level validation error',
    stage: 'commissioning',
    ...MIGRATION_INCIDENT,
    raisedBy: ['cp'],
    owner: 's1sp',
    owners: ['s1sp'],
    resolvedBy: ['s1sp'],
    onResolution:
      'The S1SP regenerates and resubmits the S1SP Commissioning File to the Commissioning Party.',
    processesBacklog: false,
    backlogOrder: null,
    installationEffect:
      'An installation marked successful in the S1SP Commissioning File has no corresponding installation in the Migration Common File (TMAD Clause 6.3), so the Commissioning Party stops processing the file.',
    supplierAction: null,
    reports: [],
    codes: [],
    relatedCodes: [],
    tmadRefs: ['Clause 6.3'],
    note: null,
  },
  // MEHRS 2.7.4
  {
    section: '2.7.4',
    title: 'DSP unable to process any Installation',
    stage: 'commissioning',
    ...MIGRATION_INCIDENT,
    raisedBy: ['dcc'],
    owner: 'dsp',
    owners: ['dsp'],
    resolvedBy: ['dsp'],
    onResolution: 'The DSP processes the backlog.',
    processesBacklog: true,
    backlogOrder: null,
    installationEffect: 'Commissioning Requests wait until the Incident is resolved.',
    supplierAction: null,
    reports: [],
    codes: [],
    relatedCodes: [],
    tmadRefs: [],
    note: null,
  },
  // MEHRS 2.7.5
  {
    section: '2.7.5',
    title: 'Commissioning Request SMETS1 Installation level validation error (DSP)',
    stage: 'commissioning',
    ...MIGRATION_INCIDENT,
    raisedBy: ['cp'],
    owner: 'cp',
    owners: ['cp'],
    resolvedBy: ['cp'],
    onResolution: 'The Commissioning Party processes the backlog.',
    processesBacklog: true,
    backlogOrder: null,
    installationEffect:
      "The Commissioning Party stops sending Commissioning Requests for the installation and records the FailedStepNumber (TMAD Table 6.3) in the Commissioning Outcome File, sent to the Requesting Party and the Responsible Supplier. An error on a 'Request Handover Of DCC Controlled Device' raises no Incident and processing carries on.",
    supplierAction:
      'For installations reported as failed in the Commissioning Outcome File, consider replacing them with SMETS2+.',
    reports: R2,
    codes: ERROR_CODES.filter((c) => c.source === 'dsp-response').map((c) => c.code),
    relatedCodes: [],
    tmadRefs: ['Table 8.7-1', 'Table 8.7-3', 'Table 6.3'],
    noIncidentForRequest: HANDOVER_REQUEST_NAME,
    note: null,
  },
  // MEHRS 2.7.6
  {
    section: '2.7.6',
    title: 'S1SP unable to process any Installation',
    stage: 'commissioning',
    ...MIGRATION_INCIDENT,
    raisedBy: ['s1sp'],
    owner: 's1sp',
    owners: ['s1sp'],
    resolvedBy: ['s1sp'],
    onResolution: 'The S1SP processes the backlog.',
    processesBacklog: true,
    backlogOrder: null,
    installationEffect: 'Countersigned Commissioning Requests wait until the Incident is resolved.',
    supplierAction: null,
    reports: [],
    codes: [],
    relatedCodes: [],
    tmadRefs: [],
    note: null,
  },
  // MEHRS 2.7.7
  {
    section: '2.7.7',
    title: 'Commissioning Request SMETS1 Installation level validation error (S1SP)',
    stage: 'commissioning',
    ...MIGRATION_INCIDENT,
    raisedBy: ['cp'],
    owner: 's1sp',
    owners: ['s1sp'],
    resolvedBy: ['s1sp'],
    onResolution: 'The S1SP processes the backlog.',
    processesBacklog: true,
    backlogOrder: null,
    installationEffect:
      "The Commissioning Party stops sending Commissioning Requests to the DSP for the installation and records the FailedStepNumber (TMAD Table 6.3) in the Commissioning Outcome File, sent to the Requesting Party and the Responsible Supplier. An S1SP Alert on a 'Request Handover Of DCC Controlled Device' raises no Incident and processing carries on.",
    supplierAction:
      'For installations reported as failed in the Commissioning Outcome File, consider replacing them with SMETS2+.',
    reports: R2,
    codes: ERROR_CODES.filter((c) => c.source === 's1sp-alert').map((c) => c.code),
    relatedCodes: [],
    tmadRefs: ['Table 8.7-1', 'Table 8.7-3', 'Table 6.3'],
    noIncidentForRequest: HANDOVER_REQUEST_NAME,
    note: 'Raised by the Commissioning Party, assigned to the S1SP.',
  },
] as const satisfies readonly ScenarioDef[];

export type ScenarioSection = (typeof SCENARIO_DATA)[number]['section'];
export type Scenario = ScenarioDef & { readonly section: ScenarioSection };

/** MEHRS v1.2 section 2 scenarios, in document order. */
export const SCENARIOS: readonly Scenario[] = SCENARIO_DATA;

const SCENARIO_BY_SECTION: ReadonlyMap<string, Scenario> = new Map(SCENARIOS.map((s) => [s.section, s]));

/** The scenario of a MEHRS section ("2.5.6", or "MEHRS 2.5.6"), or undefined. */
export function scenario(section: string): Scenario | undefined {
  return SCENARIO_BY_SECTION.get(section.trim().replace(/^MEHRS\s+/i, ''));
}

/** As `scenario`, but throws for an unknown section. */
export function requireScenario(section: string): Scenario {
  const found = scenario(section);
  if (!found) throw new Error(`Unknown MEHRS scenario section: ${section}`);
  return found;
}

export function scenariosForStage(stage: StageId): readonly Scenario[] {
  return SCENARIOS.filter((s) => s.stage === stage);
}

/**
 * The *candidate* scenarios of a code: those that name it, list it as related, or whose variants name it. A failure
 * event falls under exactly one of them: resolveFailure (resolve.ts) decides which, from the event's facts.
 */
export function scenariosForCode(code: string): readonly Scenario[] {
  const c = code.trim().toUpperCase();
  return SCENARIOS.filter(
    (s) =>
      (s.codes as readonly string[]).includes(c) ||
      (s.relatedCodes as readonly string[]).includes(c) ||
      (s.variants ?? []).some((v) => (v.codes as readonly string[] | undefined)?.includes(c)),
  );
}
