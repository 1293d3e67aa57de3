/**
 * Every code an installation can fail with, and what it means.
 *
 * Sources (seeds/README.md):
 * - MEHRS v1.2 (seed 002): Appendix A.1 Table A.1 (reason codes), sections 2.3.2, 2.6.2, 2.6.6, 2.7.5, 2.7.7.
 * - MEHRS v3.0 conclusions (seed 000) section 4.3.2: the MOC Secure (GroupID DA) codes MA521 and MA523.
 *
 * Descriptions and meanings are the documents' text, verbatim (MA106's, broken across two lines in the seed,
 * is joined with a single space). Supplier actions are plain-English readings of the cited section.
 */
import type { ReportId, StageId } from './types';

export const REASON_CODE_PHASES = ['initial', 'in-flight', 'secure-pre-migration', 'other'] as const;
/**
 * When a reason code is found (seed 000 section 4.3.2: MA0xx and MA1xx can be "the same check at a different time").
 * - initial: MA001–MA018, the Requesting Party's checks on receipt of an MA (MEHRS 2.3.2), sent in the MA Validation Response.
 * - in-flight: MA101–MA121, found later and sent in the MA Completion Response (MEHRS 2.4–2.6, Appendix A.1).
 * - secure-pre-migration: MA521/MA523, the second pre-migration configuration check of MOC Secure, GroupID DA (seed 000).
 * - other: MA999.
 */
export type ReasonCodePhase = (typeof REASON_CODE_PHASES)[number];

const MEHRS_V12 = 'MEHRS v1.2 Appendix A.1';
const MEHRS_V30 = 'MEHRS v3.0 conclusions (seed 000) 4.3.2';

/**
 * Reports that confirm a reason code.
 * Appendix A.1 says reason codes "may be included" in Report 6 (S1MIG-006) and Report 10 (S1MIG-010).
 * - Report 10 carries MA *Validation* Responses and is for Active installations only (MEHRS 2.3.2), so it applies
 *   to the initial MA0xx codes found at validation, except the dormant-only ones.
 * - MA1xx/MA5xx codes are found after validation and travel in the MA Completion Response, hence Report 6 only
 *   (MEHRS 2.4.1–2.6.6 all name Report 6; MRR v3.0 conclusions 4.4.2: S1MIG-006 holds failures past MA validation).
 * - MA999 is not tied to a phase and may appear in either response, so both.
 */
const VALIDATION_REPORTS = ['S1MIG-006', 'S1MIG-010'] as const satisfies readonly ReportId[];
const DORMANT_VALIDATION_REPORTS = ['S1MIG-006'] as const satisfies readonly ReportId[];
const COMPLETION_REPORTS = ['S1MIG-006'] as const satisfies readonly ReportId[];

export interface ReasonCodeDef {
  readonly code: string;
  /** Table A.1's description, verbatim (for MA521/MA523: seed 000's wording, see below). */
  readonly description: string;
  readonly phase: ReasonCodePhase;
  /** Stage where the code arises; `null` only for MA999 ("Other Failure"), which can arise anywhere. */
  readonly stage: StageId | null;
  /** Only relevant for Dormant Meter Migrations (the MA comes from the DCC). */
  readonly dormantOnly: boolean;
  /** What the Responsible Supplier should do next; `null` when the document says it has no action. */
  readonly supplierAction: string | null;
  readonly reports: readonly ReportId[];
  /**
   * The MEHRS section the stage and supplier action are read from: 'A.1' where section 2 has no scenario for the
   * code (MA102–MA110, MA117), 'MAM v4' for the split-supply MA106. Where a code can fall under several scenarios
   * this is the first; resolveFailure (resolve.ts) decides for one event.
   */
  readonly section: string;
  /** Other stages the code can be reported at (MA115: the S1SP Required File Set check of 2.5.8 is SIM cutover). */
  readonly alsoAt?: readonly StageId[];
  /** The same check made at another time in the process (seed 000 4.3.2), if any. */
  readonly counterpart: string | null;
  readonly source: string;
}

const RESUBMIT = 'and resubmit the Migration Authorisation for a subsequent Migration Week.';

/** MEHRS 2.3.2: the Requesting Party's checks on receipt of an MA; supplier triages the code and resubmits. */
function initial<C extends string>(
  code: C,
  description: string,
  supplierAction: string,
  counterpart?: string,
) {
  return {
    code,
    description,
    phase: 'initial',
    stage: 'authorisation',
    dormantOnly: false,
    supplierAction,
    reports: VALIDATION_REPORTS,
    section: '2.3.2',
    counterpart: counterpart ?? null,
    source: MEHRS_V12,
  } as const;
}

/** MEHRS 2.3.2: "The checks MA012 - MA015 and MA017 are only relevant for Dormant Meter Migrations and the
 * Responsible Supplier will have no action in relation to these Reason Codes." Report 10 is Active only. */
function dormantInitial<C extends string>(code: C, description: string, counterpart?: string) {
  return {
    code,
    description,
    phase: 'initial',
    stage: 'authorisation',
    dormantOnly: true,
    supplierAction: null,
    reports: DORMANT_VALIDATION_REPORTS,
    section: '2.3.2',
    counterpart: counterpart ?? null,
    source: MEHRS_V12,
  } as const;
}

interface InFlightOptions {
  readonly dormantOnly?: boolean;
  readonly counterpart?: string;
  readonly alsoAt?: readonly StageId[];
}

/** MA1xx: found after MA validation, reported in the MA Completion Response (Appendix A.1, seed 000 4.3.2). */
function inFlight<C extends string, S extends StageId>(
  code: C,
  description: string,
  stage: S,
  section: string,
  supplierAction: string | null,
  options: InFlightOptions = {},
) {
  return {
    code,
    description,
    phase: 'in-flight',
    stage,
    dormantOnly: options.dormantOnly ?? false,
    supplierAction,
    reports: COMPLETION_REPORTS,
    section,
    counterpart: options.counterpart ?? null,
    alsoAt: options.alsoAt ?? [],
    source: MEHRS_V12,
  } as const;
}

/**
 * MEHRS Appendix A.1 Table A.1 plus the MOC Secure codes of seed 000, in the document's order.
 *
 * Stage choices for the in-flight codes (the table itself gives no stage):
 * - MA101–MA110, MA117: re-checks of the MA when the Requesting Party builds the Migration Common File; an MA
 *   that is "no longer valid" is reported in the Completion Response then (MEHRS 2.4.1; seed 000 4.3.2 says
 *   MA1xx codes are the MA0xx checks made later). MA106 is the split-supply check (MAM, seed 004): it needs
 *   both suppliers' MAs for the week, so it too is made when the MCF is built.
 * - MA113 "Failure MVF Received" and MA116 "No MVF received": the MCVF/MVF of MEHRS 2.4.3–2.4.5 → common-file.
 * - MA111, MA112, MA114, MA118, MA119: the reasons the RP/SMSO cannot migrate a specific installation in
 *   MEHRS 2.5.3 (configuration per S1SR, no WAN in 7 days, SMSO/CSP could not configure it) → sim-cutover.
 * - MA120: the GroupID CB SIM swap (APN switch) retries failed (MEHRS 2.5.2, 3.2) → sim-cutover.
 * - MA115 "Failure SCF Received": the S1SP Commissioning File is produced at the end of device validation and
 *   key rotation and carries the failures of MEHRS 2.6.2–2.6.6 → device-validation.
 * - MA121: the SMSO cannot reach the installation after rollback (MEHRS 2.6.5) → device-validation.
 * - MA521/MA523: seed 000 pairs them with MA111/MA112 (the same checks at the second pre-migration
 *   configuration check of MOC Secure) → sim-cutover, like MA111/MA112.
 */
export const REASON_CODES = [
  initial(
    'MA001',
    'Required meter type not registered at MPAN',
    `Check with the SMSO that the required meter type is registered at the MPAN, correct the data ${RESUBMIT}`,
    'MA102',
  ),
  initial(
    'MA002',
    'Required meter type not registered at MPRN',
    `Check with the SMSO that the required meter type is registered at the MPRN, correct the data ${RESUBMIT}`,
    'MA103',
  ),
  initial(
    'MA003',
    'Migration Week date provided is not a Monday.',
    `Give a Migration Week date that is a Monday ${RESUBMIT}`,
  ),
  initial(
    'MA004',
    'The Migration Week has already ended.',
    `Choose a Migration Week that has not ended ${RESUBMIT}`,
  ),
  initial(
    'MA005',
    'The Migrate On date is not within the specified Migration Week',
    `Give a Migrate On date within the Migration Week ${RESUBMIT}`,
  ),
  initial(
    'MA006',
    'The Migrate On date is on or earlier than today.',
    `Give a Migrate On date in the future ${RESUBMIT}`,
  ),
  initial(
    'MA007',
    'Supplier is not the current Active Supplier for MPAN.',
    `Check with the SMSO that you are the Active Supplier for the MPAN, authorise only installations you supply ${RESUBMIT}`,
    'MA104',
  ),
  initial(
    'MA008',
    'Supplier is not the current Active Supplier for MPRN.',
    `Check with the SMSO that you are the Active Supplier for the MPRN, authorise only installations you supply ${RESUBMIT}`,
    'MA105',
  ),
  initial(
    'MA009',
    'Both the MPAN and MPRN need to be provided where the requesting supplier is operating both the MPAN and the MPRN at the installation.',
    `Give both the MPAN and the MPRN where you supply both ${RESUBMIT}`,
  ),
  initial(
    'MA010',
    'Supplier has not provided the SupplierCertificateIDs for the ESME.',
    `Provide the SupplierCertificateIDs for the ESME ${RESUBMIT}`,
  ),
  initial(
    'MA011',
    'Supplier has not provided the SupplierCertificateIDs for the GPF and GSME.',
    `Provide the SupplierCertificateIDs for the GSME and GPF ${RESUBMIT}`,
  ),
  dormantInitial('MA012', 'DCC authorisation received for an installation which has an Active meter.'),
  dormantInitial(
    'MA013',
    'Migration Authorisation received from DCC does not specify the MPAN or the MPRN for a dual fuel installation.',
  ),
  dormantInitial(
    'MA014',
    'A Migration Authorisation received from DCC does not specify an ESME Supplier Id.',
  ),
  dormantInitial(
    'MA015',
    'A Migration Authorisation received from DCC for a dual fuel installation does not specify an GSME Supplier Id.',
  ),
  initial(
    'MA016',
    'A certificate serial number has been provided without the corresponding issuer name.',
    `Provide the issuer name with every certificate serial number ${RESUBMIT}`,
  ),
  dormantInitial('MA017', 'The installation is currently blocked from being migrated.', 'MA117'),
  initial(
    'MA018',
    'If ESME and GSME have same responsible Supplier (Sec Party) then the authorisation should be submitted as 1 MA.',
    'Where you are the Responsible Supplier for both the ESME and the GSME, submit one Migration Authorisation covering both for a subsequent Migration Week.',
  ),
  // An MA that expires before the installation is processed (MEHRS 2.4.1 names it; 2.4.2–2.4.4 and 2.5.x can also
  // hold an installation until its MA lapses): the linked Incident decides the scenario (lib/rules/resolve.ts).
  inFlight(
    'MA101',
    'Authorisation Expired',
    'common-file',
    '2.4.1',
    'Reschedule the migration by adding the installation to a Migration Authorisation for a subsequent Migration Week.',
  ),
  inFlight(
    'MA102',
    'Required meter type no longer registered at MPAN',
    'common-file',
    'A.1',
    'Check the meter registration at the MPAN with the SMSO, correct the data and add the installation to a Migration Authorisation for a subsequent Migration Week.',
    { counterpart: 'MA001' },
  ),
  inFlight(
    'MA103',
    'Required meter type no longer registered at MPRN',
    'common-file',
    'A.1',
    'Check the meter registration at the MPRN with the SMSO, correct the data and add the installation to a Migration Authorisation for a subsequent Migration Week.',
    { counterpart: 'MA002' },
  ),
  // Seed 000 4.3.2: MA104/MA105 mean a change of supplier since the MA; the new supplier must authorise.
  inFlight(
    'MA104',
    'Supplier is no longer the operating supplier for MPAN.',
    'common-file',
    'A.1',
    'The MPAN has changed supplier since your Migration Authorisation: remove it from your authorisations; its new supplier must authorise its migration.',
    { counterpart: 'MA007' },
  ),
  inFlight(
    'MA105',
    'Supplier is no longer the operating supplier for MPRN.',
    'common-file',
    'A.1',
    'The MPRN has changed supplier since your Migration Authorisation: remove it from your authorisations; its new supplier must authorise its migration.',
    { counterpart: 'MA008' },
  ),
  // MAM (seed 004 section 5): split supply migrates in an MCC-designated week; MCC not responsible if one misses it.
  inFlight(
    'MA106',
    'Where the meter is part of an split site then no MA has been received for the other Active meter.',
    'common-file',
    'MAM v4',
    'Include your split-supply meter in a Migration Authorisation for the next Migration Week the Migration Control Centre designates for the installation in its split-supply calendar; both Active Suppliers must authorise that same week.',
  ),
  // Dormant-only by its own text ("DCC authorisation", MAD file from the DCC), though 2.3.2 does not list it.
  // The installation now has an Active Supplier, so MEHRS 4.2 (Active/Dormant) applies: the MCC liaises with it.
  inFlight(
    'MA107',
    'DCC authorisation received for an installation which now has an Active meter. i.e. an MPxN for which a MAD file was accepted from the DCC now has an Active supplier in Instant Energy due to a cos gain.',
    'common-file',
    'A.1',
    'As the new Active Supplier, include the installation in a Migration Authorisation for a subsequent Migration Week when the Migration Control Centre asks you to.',
    { dormantOnly: true },
  ),
  // Dormant-only by its own text (both meters dormant, MA from the DCC): the DCC's own MA is wrong, and the
  // MCC triages Dormant/Dormant failures itself (MEHRS 4.1), so the supplier has no action.
  inFlight(
    'MA108',
    'For a dual fuel site where both MPAN and MPRN are dormant, the MA from the DCC does not include the MPRN.',
    'common-file',
    'A.1',
    null,
    { dormantOnly: true },
  ),
  inFlight(
    'MA109',
    'Device does not have CPL entry',
    'common-file',
    'A.1',
    'Check with the SMSO why the device has no entry on the Certified Products List, and add the installation to a Migration Authorisation for a subsequent Migration Week once it has one.',
  ),
  inFlight(
    'MA110',
    'The installation does not have an entry on the Eligible Product Combinations List',
    'common-file',
    'A.1',
    'Check with the SMSO why the installation has no entry on the Eligible Product Combinations List, and add it to a Migration Authorisation for a subsequent Migration Week once it has one.',
  ),
  // MEHRS 2.5.3 (c).
  inFlight(
    'MA111',
    'The installation configuration does not meet the SMETS1 pre-migration requirements.',
    'sim-cutover',
    '2.5.3',
    'Liaise with the SMSO to configure the installation as the SMETS1 Supporting Requirements require, then add it to a Migration Authorisation for a subsequent Migration Week.',
    { counterpart: 'MA521' },
  ),
  // MEHRS 2.5.3 (b).
  inFlight(
    'MA112',
    'There has been no WAN comms with the installation in the last 7 days',
    'sim-cutover',
    '2.5.3',
    'Liaise with the SMSO to restore WAN communications with the installation, then add it to a Migration Authorisation for a subsequent Migration Week.',
    { counterpart: 'MA523' },
  ),
  // MEHRS 2.4.5: installation-level failure in the Migration Common Validation File.
  inFlight(
    'MA113',
    'Failure MVF Received.',
    'common-file',
    '2.4.5',
    'Review the validation failures (FailedStepNumber and SupportingData) with the SMSO and correct the data (the DCC can help, e.g. by raising Registration Data Incidents), then add the installation to a Migration Authorisation for a subsequent Migration Week.',
  ),
  // MEHRS 2.5.3 (d): the SMSO could not configure the installation.
  inFlight(
    'MA114',
    'Installation is currently being updated / configured by SMSO.',
    'sim-cutover',
    '2.5.3',
    'Liaise with the SMSO and, once its update of the installation is finished, add the installation to a Migration Authorisation for a subsequent Migration Week.',
  ),
  // MEHRS 2.5.8, 2.6.2–2.6.6: the failure is in the S1SP Commissioning File; its FailedStepNumber (Report 2) says
  // which scenario (resolve.ts). 2.5.8 is the S1SP Required File Set check, made at SIM cutover.
  inFlight(
    'MA115',
    'Failure SCF Received',
    'device-validation',
    '2.6.3',
    'Check the FailedStepNumber in Report 2, then either liaise with the SMSO to review and fix the failure and add the installation to a Migration Authorisation for a subsequent Migration Week, or replace the installation with SMETS2+ in due course.',
    { alsoAt: ['sim-cutover'] },
  ),
  // MEHRS 2.4.3: the S1SP could not produce the validation file while the MA was valid.
  inFlight(
    'MA116',
    'No MVF received within processing day',
    'common-file',
    '2.4.3',
    'Schedule the failed installation into a subsequent Migration Week.',
  ),
  // Seed 000 4.3.2: MA117 is MA017 detected after MA validation (all GroupIDs, not just dormant).
  inFlight(
    'MA117',
    'The installation is currently blocked from being migrated.',
    'common-file',
    'A.1',
    'Liaise with the SMSO about why the installation is blocked and, once it is unblocked, add it to a Migration Authorisation for a subsequent Migration Week.',
    { counterpart: 'MA017' },
  ),
  // MEHRS 2.5.3 (d): the CSP could not move the SIM.
  inFlight(
    'MA118',
    'Vodafone CSP move failed.',
    'sim-cutover',
    '2.5.3',
    'Liaise with the SMSO to fix the error and reschedule the migration by adding the installation to a Migration Authorisation for a subsequent Migration Week.',
  ),
  // MEHRS 2.5.3 (d).
  inFlight(
    'MA119',
    'Configuration of hub on migration failed (Honeywell Only)',
    'sim-cutover',
    '2.5.3',
    'Liaise with the SMSO to fix the error and reschedule the migration by adding the installation to a Migration Authorisation for a subsequent Migration Week.',
  ),
  // MEHRS 3.2 and 2.5.2 (GroupID CB): SIM swap retries exhausted.
  inFlight(
    'MA120',
    'The APN account switch attempts have failed and the installation cannot be migrated.',
    'sim-cutover',
    '2.5.2',
    'Schedule the failed installation into a subsequent Migration Week.',
  ),
  // MEHRS 2.6.5: WAN not restored after rollback.
  inFlight(
    'MA121',
    'The SMSO could not communicate with the Installation after the rollback was attempted.',
    'device-validation',
    '2.6.5',
    'Liaise with the SMSO to establish whether the installation needs to be replaced with SMETS2+.',
  ),
  // Seed 000 4.3.2 gives no Table A.1 row for the Secure codes (the v3.0 table is not in the seeds), so the
  // descriptions are its sentences about them, verbatim after "MA521 relates to" / "MA523 identifies" (first
  // letter capitalised).
  {
    code: 'MA521',
    description:
      'Mandated and non-mandated event configurations as per conditions in the S1SR that takes place in the second pre migration configuration check in the MOC Secure migration process.',
    phase: 'secure-pre-migration',
    stage: 'sim-cutover',
    dormantOnly: false,
    supplierAction:
      'Liaise with the SMSO to correct the event configuration as the SMETS1 Supporting Requirements require, then add the installation to a Migration Authorisation for a subsequent Migration Week.',
    reports: COMPLETION_REPORTS,
    section: '2.5.3',
    counterpart: 'MA111',
    source: MEHRS_V30,
  },
  {
    code: 'MA523',
    description:
      'An error during the pre migration configuration checks where the device is not contactable over the WAN.',
    phase: 'secure-pre-migration',
    stage: 'sim-cutover',
    dormantOnly: false,
    supplierAction:
      'Liaise with the SMSO to make the device contactable over the WAN, then add the installation to a Migration Authorisation for a subsequent Migration Week.',
    reports: COMPLETION_REPORTS,
    section: '2.5.3',
    counterpart: 'MA112',
    source: MEHRS_V30,
  },
  // Appendix A.1: "Other Failure" belongs to no one stage.
  {
    code: 'MA999',
    description: 'Other Failure',
    phase: 'other',
    stage: null,
    dormantOnly: false,
    supplierAction:
      'Review the failure (and any FailedStepNumber in Report 2) with the SMSO, fix it where possible and schedule the installation into a subsequent Migration Week.',
    reports: VALIDATION_REPORTS,
    section: 'A.1',
    counterpart: null,
    source: MEHRS_V12,
  },
] as const satisfies readonly ReasonCodeDef[];

export type ReasonCode = (typeof REASON_CODES)[number]['code'];
export type ReasonCodeEntry = ReasonCodeDef & { readonly code: ReasonCode };

const REASON_BY_CODE: ReadonlyMap<string, ReasonCodeEntry> = new Map(
  REASON_CODES.map((entry): [string, ReasonCodeEntry] => [entry.code, entry]),
);

/** Normalises a code as it may arrive from a CSV or a URL: surrounding spaces, lower case. */
function normalise(code: string): string {
  return code.trim().toUpperCase();
}

/** The reason code's entry (case and surrounding spaces ignored), or undefined. */
export function reasonCode(code: string): ReasonCodeEntry | undefined {
  return REASON_BY_CODE.get(normalise(code));
}

/** Exact match only (a type guard must not accept a string that is not literally a ReasonCode). */
export function isReasonCode(code: string): code is ReasonCode {
  return REASON_BY_CODE.has(code);
}

// ---------------------------------------------------------------------------------------------------------
// Error codes: DSP Response Codes, S1SP Alert Codes and the S1SP's own error codes named in MEHRS.
// ---------------------------------------------------------------------------------------------------------

export const ERROR_CODE_SOURCES = [
  'dsp-response',
  's1sp-alert',
  'device-connectivity',
  'chf-commissioning',
] as const;
export type ErrorCodeSource = (typeof ERROR_CODE_SOURCES)[number];

/** The Commissioning Request whose errors raise no Incident (MEHRS 2.7.5, 2.7.7). */
export const HANDOVER_REQUEST_NAME = 'Request Handover Of DCC Controlled Device';

export interface ErrorCodeDef {
  readonly code: string;
  /** The code's name as printed (Response Code Name / S1SP Alert Name), or the section's wording. */
  readonly meaning: string;
  /** The validation check or condition that produces the code, as printed. */
  readonly check: string;
  /** The Commissioning Request a Table 8.7-3 row applies to; null where the check applies to any request. */
  readonly requestName: string | null;
  readonly stage: StageId;
  readonly source: ErrorCodeSource;
  /** MEHRS section. */
  readonly section: string;
  /** TMAD table the row is quoted from, if any. */
  readonly table: string | null;
  /** The document's suggested action (for DSP/S1SP codes it is addressed to the Commissioning Party). */
  readonly suggestedAction: string | null;
  /** What the Responsible Supplier should do, from the section. */
  readonly supplierAction: string;
  /** The same check's code from the other validator (DSP Response Code ↔ S1SP Alert Code). */
  readonly counterpart: string | null;
  readonly note: string | null;
}

/** MEHRS 2.7.5 / 2.7.7: failed installations are in the Commissioning Outcome File (FailedStepNumber, Report 2). */
const COMMISSIONING_SUPPLIER_ACTION =
  'Check the FailedStepNumber in the Commissioning Outcome File and Report 2, and consider replacing the installation with SMETS2+.';

/** MEHRS 2.7.5 / 2.7.7: a 'Request Handover Of DCC Controlled Device' error raises no Incident; the CP resubmits. */
const HANDOVER_SUPPLIER_ACTION =
  'None: no Incident is raised and processing carries on; the Commissioning Party resubmits the request with the correct party.';

const T871 = 'TMAD Table 8.7-1';
const T873 = 'TMAD Table 8.7-3';

/** MEHRS 2.7.5: DSP Response Codes to Commissioning Requests (TMAD Tables 8.7-1 and 8.7-3 as quoted). */
function dsp<C extends string>(
  code: C,
  meaning: string,
  check: string,
  table: typeof T871 | typeof T873,
  suggestedAction: string,
  counterpart: string | null,
) {
  return {
    code,
    meaning,
    check,
    requestName: table === T873 ? HANDOVER_REQUEST_NAME : null,
    stage: 'commissioning',
    source: 'dsp-response',
    section: '2.7.5',
    table,
    suggestedAction,
    supplierAction: table === T873 ? HANDOVER_SUPPLIER_ACTION : COMMISSIONING_SUPPLIER_ACTION,
    counterpart,
    note: null,
  } as const;
}

/** MEHRS 2.7.7: S1SP Alert Codes (the S1SP's subset of TMAD Tables 8.7-1 and 8.7-3 as quoted). */
function s1sp<C extends string>(
  code: C,
  meaning: string,
  check: string,
  table: typeof T871 | typeof T873,
  suggestedAction: string,
  counterpart: string | null,
  note: string | null = null,
) {
  return {
    code,
    meaning,
    check,
    requestName: table === T873 ? HANDOVER_REQUEST_NAME : null,
    stage: 'commissioning',
    source: 's1sp-alert',
    section: '2.7.7',
    table,
    suggestedAction,
    supplierAction: table === T873 ? HANDOVER_SUPPLIER_ACTION : COMMISSIONING_SUPPLIER_ACTION,
    counterpart,
    note,
  } as const;
}

const CHECK_SERVICE_REFERENCE =
  'The combination of values in the Service Reference and Service Reference Variant fields, with their DUIS meanings, is a combination detailed in one of the rows in';
const CHECK_REMOTE_PARTY_ROLE =
  'The Remote Party Role in the Certificate used to verify the Digital Signature on the Commissioning Request is that required by Table 5.5 of the TMAD.';
const CHECK_ORIGINATOR =
  'The Business Originator ID in the RequestID (with their DUIS meanings) has the same value as the Entity Identifier in the Certificate used to verify the Digital Signature on the Commissioning Request.';
const CHECK_CAD_CLARITY =
  'a SMETS1 Device or a CAD. For clarity, CADs are not specified in any version of SMETS, and so cannot have an associated SMETS version, where CAD has its DUIS meaning.';
const CHECK_HANDOVER_ROLE =
  "If RemotePartyRole is 'supplier' in the Commissioning Request, confirm that the Remote Party Role in all Certificates in ReplacementCertificates is 'supplier'. If RemotePartyRole is 'NetworkOperator' in the request, confirm that the Remote Party Role in all Certificates in ReplacementCertificates is 'networkOperator'.";
const CHECK_HANDOVER_SAME_PARTY =
  'Confirm that the Entity Identifiers in all Certificates contained within ReplacementCertificates are identifiers for the same Party.';
// The seed's C062196/C062195 check text carries a stray HTML list tag from its conversion; it is left out here.
const CHECK_HANDOVER_SUPPLIER =
  "If RemotePartyRole is 'Supplier' in the request, confirm that according to: the Registration Data linking MPxN to current Import Supplier or Gas Supplier, as the context requires; the MPxN recorded in the Smart Metering Inventory against; the Device identified by Business Target ID in the request; and the Party identified by the Entity Identifiers in the Certificates, that the Party identified is the current Import Supplier or Gas Supplier for the Device identified.";
const CHECK_HANDOVER_NETWORK_OPERATOR =
  "If RemotePartyRole is 'NetworkOperator' in the request, confirm that according to: the Registration Data linking MPxN to current Electricity Distributor or Gas Transporter, as the context requires; the MPxN recorded in the Smart Metering Inventory against; the Device identified by Business Target ID in the request; and the Party identified by the Entity Identifiers in the Certificates, that the Party identified is the current Electricity Distributor or Gas Transporter for the Device identified.";

const ACTION_SERVICE_REFERENCE =
  'Commissioning Party should resubmit Commissioning Request (including Service Reference and Service Reference Variants) in line with Table 8.7-2 of the TMAD';
const ACTION_REMOTE_PARTY_ROLE =
  'Commissioning Party should sign the Commissioning Request using a key which is associated with their SMKI Certificate with the role commissioningPartyXmlSigning';
const ACTION_ORIGINATOR =
  'Commissioning Party should resubmit the Service Request with the same Business Originator ID and Entity Identifier';
const ACTION_TARGET =
  'Commissioning Party should resubmit the Commissioning Request and ensure the Business Target ID is a SMETS1 Device or a CAD';
const ACTION_OTHER_DEVICE =
  'Commissioning Party should resubmit the Commissioning Request and ensure the Business Target ID is a SMETS1 Device';
const ACTION_HANDOVER_ROLE =
  'Commissioning Party should resubmit Commissioning Request so that the Remote Party Role is the same as that in the Certificate.';
const ACTION_HANDOVER_SAME_PARTY =
  'Commissioning Party should resubmit the Commissioning Request so that the Entity Identifiers are consistent.';
const ACTION_HANDOVER_SUPPLIER =
  'Commissioning Party should resubmit the Commissioning Request identifying the correct Supplier.';

/**
 * Error codes named in MEHRS v1.2, in the document's order.
 * Exactly the codes printed: the DSP's Table 8.7-3 in 2.7.5 has C062199, C062197, C062196 and C062195 (no
 * C062198); the S1SP's Table 8.7-3 in 2.7.7 has S1C062199, S1C062198, S1C062197 and S1C062196 (no S1C062195;
 * the seed's table is cut off in the S1C062196 row, whose name and action are completed from C062196).
 */
export const ERROR_CODES = [
  {
    code: '12.9.1.ET01',
    meaning: 'Device connectivity failure and timeouts',
    check:
      'the S1SP fails to communicate with the Communications Hub, in advance of the checks for the specified Group IDs, as detailed in the Group Specific Requirements of the TMAD',
    requestName: null,
    stage: 'device-validation',
    source: 'device-connectivity',
    section: '2.6.2',
    table: null,
    // MEHRS 2.6.2 / 3.1: on timeout the SIM goes back to the SMSO and WAN testing is marked failed; no Incident.
    suggestedAction: null,
    supplierAction:
      'Either liaise with the SMSO to review the failure, fix it and add the installation to a Migration Authorisation for a subsequent week, or replace the installation with SMETS2+ in due course.',
    counterpart: null,
    note: 'Included in the S1SP Commissioning File once the retry period of MEHRS 3.1 has run out (24 hours in v1.2, up to 48 hours in v3.0).',
  },
  {
    code: '12.9.5.DP01',
    meaning: 'Commission Device (CHF) failure',
    check:
      'the S1SP fails to add the Communications Hub Function (CHF) details to the Smart Metering Inventory (SMI) and set the SMI Status to ‘Commissioned’',
    requestName: null,
    stage: 'device-validation',
    source: 'chf-commissioning',
    section: '2.6.6',
    table: null,
    suggestedAction: null,
    supplierAction:
      'If the Incident cannot be resolved the installation is rolled back; if the SMSO then cannot resume service with it, liaise with the SMSO to establish whether it needs to be replaced with SMETS2+.',
    counterpart: null,
    note: 'An Incident is raised and assigned to the S1SP; if it cannot be resolved, Installation Rollback is carried out (MEHRS 2.6.6).',
  },
  dsp(
    'E48',
    'Commissioning Party is not allowed to use such Service Requests',
    `${CHECK_SERVICE_REFERENCE} Table 8.7 2 of the TMAD.`,
    T871,
    ACTION_SERVICE_REFERENCE,
    'S1VE48',
  ),
  dsp(
    'C2',
    'Wrong Remote Party Role for Commissioning Request',
    CHECK_REMOTE_PARTY_ROLE,
    T871,
    ACTION_REMOTE_PARTY_ROLE,
    'S1C2',
  ),
  dsp(
    'E100',
    'Commissioning Party identifier mismatch in Commissioning Request',
    CHECK_ORIGINATOR,
    T871,
    ACTION_ORIGINATOR,
    'S1VE100',
  ),
  dsp(
    'C4',
    'Target is not a SMETS1 Device',
    `Where Business Target ID in the RequestID (with their DUIS meanings) refers to a Device, the Device is, according to the SMI, ${CHECK_CAD_CLARITY}`,
    T871,
    ACTION_TARGET,
    'S1C4',
  ),
  dsp(
    'C5',
    'Other Device is not a SMETS1 Device',
    "Where the Body part of a Commissioning Request, which is not a 'Device Pre-notification', contains a Device ID (with their DUIS meanings), that Device ID is for a SMETS1 Device according to the Smart Metering Inventory.",
    T871,
    ACTION_OTHER_DEVICE,
    'S1C5',
  ),
  dsp(
    'C062199',
    'Remote Party Role in Certificates different than in request',
    CHECK_HANDOVER_ROLE,
    T873,
    ACTION_HANDOVER_ROLE,
    'S1C062199',
  ),
  dsp(
    'C062197',
    'Not all identifiers are for the same Party',
    CHECK_HANDOVER_SAME_PARTY,
    T873,
    ACTION_HANDOVER_SAME_PARTY,
    'S1C062197',
  ),
  dsp(
    'C062196',
    'Asserted Supplier is not the Supplier',
    CHECK_HANDOVER_SUPPLIER,
    T873,
    ACTION_HANDOVER_SUPPLIER,
    'S1C062196',
  ),
  dsp(
    'C062195',
    'Asserted Network Operator is not the Network Operator',
    CHECK_HANDOVER_NETWORK_OPERATOR,
    T873,
    'Commissioning Party should resubmit the Commissioning Request identifying the correct Network Operator.',
    null,
  ),
  s1sp(
    'S1VE48',
    'Commissioning Party is not allowed to use such Service Requests',
    `${CHECK_SERVICE_REFERENCE} Table 8.7.2 of the TMAD.`,
    T871,
    ACTION_SERVICE_REFERENCE,
    'E48',
  ),
  s1sp(
    'S1C2',
    'Wrong Remote Party Role for Commissioning Request',
    CHECK_REMOTE_PARTY_ROLE,
    T871,
    ACTION_REMOTE_PARTY_ROLE,
    'C2',
  ),
  s1sp(
    'S1VE100',
    'Commissioning Party identifier mismatch in Commissioning Request',
    CHECK_ORIGINATOR,
    T871,
    ACTION_ORIGINATOR,
    'E100',
  ),
  s1sp(
    'S1C4',
    'Target is not a SMETS1 Device',
    `Where Business Target ID in the RequestID (with their DUIS meanings) refers to a Device, the Devices is, according to the SMI, ${CHECK_CAD_CLARITY}`,
    T871,
    ACTION_TARGET,
    'C4',
  ),
  s1sp(
    'S1C5',
    'Other Device is not a SMETS1 Device',
    "Where the Body part of a Commissioning Request, which is not a 'Device Pre-notification', contains a Device ID (with their DUIS meanings) , that Device ID is for a SMETS1 Device according to the Smart Metering Inventory",
    T871,
    ACTION_OTHER_DEVICE,
    'C5',
  ),
  s1sp(
    'S1C062199',
    'Remote Party Role in Certificates different than in request',
    CHECK_HANDOVER_ROLE,
    T873,
    ACTION_HANDOVER_ROLE,
    'C062199',
  ),
  s1sp(
    'S1C062198',
    'Cannot future date Commissioning Requests',
    'Confirm that ExecutionDateTime is not present',
    T873,
    'Commissioning Party should resubmit an On Demand Commissioning Request.',
    null,
  ),
  s1sp(
    'S1C062197',
    'Not all identifiers are for the same Party',
    CHECK_HANDOVER_SAME_PARTY,
    T873,
    ACTION_HANDOVER_SAME_PARTY,
    'C062197',
  ),
  s1sp(
    'S1C062196',
    'Asserted Supplier is not the Supplier',
    CHECK_HANDOVER_SUPPLIER,
    T873,
    ACTION_HANDOVER_SUPPLIER,
    'C062196',
    'The seed cuts this row off ("Asserted Supplier is not the", "Commissioning Party should resubmit the"); the name, check and action are completed from the DSP row for C062196.',
  ),
] as const satisfies readonly ErrorCodeDef[];

export type ErrorCode = (typeof ERROR_CODES)[number]['code'];
export type ErrorCodeEntry = ErrorCodeDef & { readonly code: ErrorCode };

const ERROR_BY_CODE: ReadonlyMap<string, ErrorCodeEntry> = new Map(
  ERROR_CODES.map((entry): [string, ErrorCodeEntry] => [entry.code, entry]),
);

/** The error code's entry (case and surrounding spaces ignored), or undefined. */
export function errorCode(code: string): ErrorCodeEntry | undefined {
  return ERROR_BY_CODE.get(normalise(code));
}

export function isErrorCode(code: string): code is ErrorCode {
  return ERROR_BY_CODE.has(code);
}

/** True when the name is the 'Request Handover Of DCC Controlled Device' Commissioning Request (spacing/case-blind). */
export function isHandoverRequest(requestName: string | null | undefined): boolean {
  if (requestName == null) return false;
  return requestName.trim().replace(/\s+/g, ' ').toLowerCase() === HANDOVER_REQUEST_NAME.toLowerCase();
}

/**
 * Whether receiving this code makes the Commissioning Party (or S1SP) raise an Incident.
 * - DSP Response Codes (MEHRS 2.7.5) and S1SP Alert Codes (2.7.7): yes, and the CP stops processing that
 *   installation; except in relation to a 'Request Handover Of DCC Controlled Device', where no Incident is raised
 *   and the CP carries on. The Table 8.7-3 codes only exist for that request, so they never raise one.
 * - 12.9.1.ET01: no, connectivity failures are handled by retries (2.6.2, 3.1).
 * - 12.9.5.DP01: yes, "An Incident will be raised when a CHF has not successfully been Commissioned" (2.6.6).
 * - Reason codes and unknown codes: no (reason codes never raise an Incident by themselves).
 */
export function raisesIncident(code: string, requestName?: string): boolean {
  const entry = errorCode(code);
  if (!entry) return false;
  switch (entry.source) {
    case 'device-connectivity':
      return false;
    case 'chf-commissioning':
      return true;
    case 'dsp-response':
    case 's1sp-alert':
      return !isHandoverRequest(entry.requestName ?? requestName);
  }
}

// ---------------------------------------------------------------------------------------------------------
// FailedStepNumbers: TMAD step references (the TMAD tables themselves are not in the seeds).
// ---------------------------------------------------------------------------------------------------------

/**
 * A FailedStepNumber as MEHRS writes TMAD references: dot-separated numbers ("5.10", "6.3", "12.9.1"), optionally
 * followed by a parenthesised letter and/or lower-case roman numeral, attached directly, after a dot or after one
 * space, as the seed prints them ("5.12.(c)" in MEHRS 2.5.5, "5.15 (a)" in 2.5.10).
 * At least two numeric segments (a bare "5" names a TMAD section, not a step), at most six; no leading zeros.
 */
export const FAILED_STEP_PATTERN =
  /^(?:0|[1-9]\d{0,2})(?:\.(?:0|[1-9]\d{0,2})){1,5}(?:(?:\.| )?\((?:[a-z]|[ivx]{1,5})\)){0,2}$/;

export function isFailedStepNumber(s: string): boolean {
  return FAILED_STEP_PATTERN.test(s.trim());
}

export interface TmadStepReference {
  /** Numeric TMAD reference, optionally with its lettered sub-clause, written as MEHRS writes it. */
  readonly ref: string;
  readonly description: string;
  readonly stage: StageId;
  /** MEHRS section that names it. */
  readonly section: string;
  /**
   * Every scenario a failure at this step can belong to, where there is more than one (D20): the linked Incident
   * or the rejecting party decides (resolveFailure in resolve.ts).
   */
  readonly sections?: readonly string[];
  readonly supplierAction: string;
}

const RESCHEDULE = 'Schedule the failed installation into a subsequent Migration Week.';
const FIX_WITH_SMSO_OR_REPLACE =
  'Either liaise with the SMSO to review the failure, fix it and add the installation to a Migration Authorisation for a subsequent week, or replace the installation with SMETS2+ in due course.';

/**
 * The TMAD clauses and tables that MEHRS v1.2 names for installation-level failures, so a FailedStepNumber
 * can be given a meaning by its longest matching prefix. Table 5.9 (whole-file checks) is left out: those
 * failures stop the whole file and raise an Incident rather than failing an installation with a step number.
 * The 12.9.x entries are inferred from the error codes 12.9.1.ET01 (2.6.2) and 12.9.5.DP01 (2.6.6).
 */
export const TMAD_STEP_REFERENCES = [
  {
    ref: '5.10',
    description: 'S1SP SMETS1 Installation level checks of the Migration Common File (TMAD Table 5.10)',
    stage: 'common-file',
    section: '2.4.5',
    supplierAction:
      'Review the validation failure with the SMSO and correct the data, then add the installation to a Migration Authorisation for a subsequent week.',
  },
  {
    ref: '5.12',
    description: "Requesting Party's checks before migrating an installation (TMAD Clause 5.12)",
    stage: 'sim-cutover',
    section: '2.5.3',
    supplierAction:
      'Liaise with the SMSO to fix the error, then add the installation to a Migration Authorisation for a subsequent Migration Week.',
  },
  {
    // A failed 7-day check is MEHRS 2.5.3 (b); 2.5.5–2.5.10 name the check only to waive it for GroupID CB.
    ref: '5.12.(c)',
    description: 'The 7 days communication check',
    stage: 'sim-cutover',
    section: '2.5.3',
    supplierAction:
      'Liaise with the SMSO to restore WAN communications, then add the installation to a Migration Authorisation for a subsequent Migration Week.',
  },
  {
    ref: '5.15',
    description: 'DCO checks of the Migration Group Encrypted File (TMAD Clause 5.15)',
    stage: 'sim-cutover',
    section: '2.5.10',
    supplierAction: RESCHEDULE,
  },
  {
    ref: '5.16',
    description:
      'DCO discards an authenticated Migration Group Encrypted File unused after 48 hours (TMAD Clause 5.16)',
    stage: 'device-validation',
    section: '2.6.4',
    supplierAction: RESCHEDULE,
  },
  {
    ref: '5.18',
    description:
      'DCO Required File Set not received within 24 hours of the Migration Common Validation File (TMAD Clause 5.18)',
    stage: 'sim-cutover',
    section: '2.5.7',
    sections: ['2.5.7', '2.5.10'],
    supplierAction: RESCHEDULE,
  },
  {
    ref: '5.23',
    description: 'S1SP checks of the Migration Group Encrypted File (TMAD Clause 5.23)',
    stage: 'sim-cutover',
    section: '2.5.9',
    supplierAction: RESCHEDULE,
  },
  {
    ref: '5.24',
    description:
      'S1SP Required File Set not received within 24 hours of the Migration Common Validation File (TMAD Clause 5.24)',
    stage: 'sim-cutover',
    section: '2.5.1',
    sections: ['2.5.1', '2.5.2', '2.5.4', '2.5.5', '2.5.6', '2.5.7', '2.5.9'],
    supplierAction: RESCHEDULE,
  },
  {
    ref: '5.25',
    description: 'S1SP Required File Set SMETS1 Installation level checks (TMAD Table 5.25)',
    stage: 'sim-cutover',
    section: '2.5.8',
    supplierAction: RESCHEDULE,
  },
  {
    ref: '6.3',
    description: 'Commissioning phase step (TMAD Table 6.3)',
    stage: 'commissioning',
    section: '2.7.5',
    sections: ['2.7.5', '2.7.7', '2.7.3'],
    supplierAction: 'Consider replacing the installation with SMETS2+.',
  },
  {
    ref: '12.9',
    description: 'S1SP / DCO Commissioning of SMETS1 Installation step',
    stage: 'device-validation',
    section: '2.6.3',
    supplierAction: FIX_WITH_SMSO_OR_REPLACE,
  },
  {
    ref: '12.9.1',
    description: 'Device connectivity: the S1SP could not communicate with the Communications Hub',
    stage: 'device-validation',
    section: '2.6.2',
    supplierAction: FIX_WITH_SMSO_OR_REPLACE,
  },
  {
    ref: '12.9.5',
    description: 'Commission Device (CHF): add the CHF to the Smart Metering Inventory as Commissioned',
    stage: 'device-validation',
    section: '2.6.6',
    supplierAction:
      'If the SMSO cannot resume service with the installation after rollback, liaise with it to establish whether it needs to be replaced with SMETS2+.',
  },
] as const satisfies readonly TmadStepReference[];

/** Canonical form for prefix matching: no spaces, a dot before each parenthesised part ("5.15 (a)" → "5.15.(a)"). */
function canonicalStep(s: string): string {
  return s
    .trim()
    .replace(/\s+/g, '')
    .replace(/(\d)\(/g, '$1.(');
}

/** The most specific TMAD reference MEHRS names that covers this FailedStepNumber, or undefined. */
export function tmadStepReference(step: string): TmadStepReference | undefined {
  if (!isFailedStepNumber(step)) return undefined;
  const canonical = canonicalStep(step);
  let best: TmadStepReference | undefined;
  for (const entry of TMAD_STEP_REFERENCES) {
    const ref = canonicalStep(entry.ref);
    if (
      (canonical === ref || canonical.startsWith(`${ref}.`)) &&
      (!best || ref.length > canonicalStep(best.ref).length)
    ) {
      best = entry;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------
// One call for the UI.
// ---------------------------------------------------------------------------------------------------------

export const CODE_KINDS = ['reason', 'error', 'failed-step', 'unknown'] as const;
export type CodeKind = (typeof CODE_KINDS)[number];

export interface CodeDescription {
  /** The code as given, trimmed. */
  readonly code: string;
  readonly kind: CodeKind;
  readonly description: string;
  readonly supplierAction: string | null;
  readonly stage: StageId | null;
}

function stepSections(ref: TmadStepReference): string {
  const all = ref.sections ?? [ref.section];
  return all.length === 1
    ? `MEHRS ${all[0]}`
    : `MEHRS ${all.join(', ')}: the incident or the rejecting party decides which`;
}

/** Any code's meaning: a reason code, an error code, a TMAD FailedStepNumber, or unknown. */
export function describeCode(code: string): CodeDescription {
  const trimmed = code.trim();
  const reason = reasonCode(trimmed);
  if (reason) {
    return {
      code: reason.code,
      kind: 'reason',
      description: reason.description,
      supplierAction: reason.supplierAction,
      stage: reason.stage,
    };
  }
  const error = errorCode(trimmed);
  if (error) {
    return {
      code: error.code,
      kind: 'error',
      description: error.meaning,
      supplierAction: error.supplierAction,
      stage: error.stage,
    };
  }
  if (isFailedStepNumber(trimmed)) {
    const ref = tmadStepReference(trimmed);
    return {
      code: trimmed,
      kind: 'failed-step',
      description: ref
        ? `TMAD step ${trimmed}: ${ref.description} (${stepSections(ref)})`
        : `TMAD step ${trimmed} (see the TMAD for this step)`,
      supplierAction: ref ? ref.supplierAction : null,
      stage: ref ? ref.stage : null,
    };
  }
  return { code: trimmed, kind: 'unknown', description: 'Unknown code', supplierAction: null, stage: null };
}
