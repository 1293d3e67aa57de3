/**
 * The domain's core vocabularies, shared by the rules, the schema, the seed generator and the UI.
 * Values are stable identifiers (they are stored in the database and published in CSVs): never rename one.
 */

/** SMSO families / migration cohorts named in the seeds: AA, BA, CB early cohorts; DA MOC Secure (seed 000); EA FOC (seed 004). */
export const GROUP_IDS = ['AA', 'BA', 'CB', 'DA', 'EA'] as const;
export type GroupId = (typeof GROUP_IDS)[number];

/** The parties of docs/domain.md "Parties". `supplier` is any Responsible/Active Supplier (a SEC party). */
export const PARTY_ROLES = [
  'supplier',
  'mcc',
  'dcc',
  'rp',
  's1sp',
  'dco',
  'dsp',
  'cp',
  'smso',
  'csp',
] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** Migration stages in order (docs/domain.md); `migrated` is the terminal success stage. */
export const STAGE_IDS = [
  'demand',
  'authorisation',
  'common-file',
  'sim-cutover',
  'device-validation',
  'commissioning',
  'migrated',
] as const;
export type StageId = (typeof STAGE_IDS)[number];

/** Where an installation's current attempt stands. */
export const INSTALLATION_STATUSES = ['in-progress', 'failed', 'migrated', 'rolled-back'] as const;
export type InstallationStatus = (typeof INSTALLATION_STATUSES)[number];

/** Active/Dormant make-up of an installation (MEHRS section 4). */
export const INSTALLATION_TYPES = ['active-only', 'active-dormant', 'dormant-dormant'] as const;
export type InstallationType = (typeof INSTALLATION_TYPES)[number];

/** A meter is Active (has an active supplier) or Dormant (none). */
export const METER_STATES = ['active', 'dormant'] as const;
export type MeterState = (typeof METER_STATES)[number];

/** Migration Reporting Regime reports (seed 003). */
export const REPORT_IDS = [
  'S1MIG-001',
  'S1MIG-002',
  'S1MIG-003',
  'S1MIG-004',
  'S1MIG-005',
  'S1MIG-006',
  'S1MIG-007',
  'S1MIG-008',
  'S1MIG-009',
  'S1MIG-010',
] as const;
export type ReportId = (typeof REPORT_IDS)[number];

/** Incident categories 1 (most severe) to 5, as in the Incident Management Policy. */
export const INCIDENT_CATEGORIES = [1, 2, 3, 4, 5] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

/** Stored identifiers: 'open' is shown as New and 'paused' as On hold (incident-workflow.ts). 'assigned' was added
 * after the others, so it stays last in the database enum; order never carries meaning. */
export const INCIDENT_STATUSES = ['open', 'in-progress', 'paused', 'resolved', 'closed', 'assigned'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** How the documents name each party role. */
export const PARTY_ROLE_LABELS: Record<PartyRole, string> = {
  supplier: 'Responsible Supplier',
  mcc: 'Migration Control Centre',
  dcc: 'DCC',
  rp: 'Requesting Party',
  s1sp: 'SMETS1 Service Provider (S1SP)',
  dco: 'Dual Control Organisation (DCO)',
  dsp: 'Data Service Provider (DSP)',
  cp: 'Commissioning Party',
  smso: 'SMETS1 SMSO',
  csp: 'SMSO Communications Service Provider',
};

/** How an attempt ends (an installation_events status other than in-progress). */
export const OUTCOMES = ['migrated', 'failed', 'rolled-back'] as const;
export type Outcome = (typeof OUTCOMES)[number];
