/** The rows the generator produces, one interface per table it fills (timestamps in epoch milliseconds). */
import type { TriageDecision } from '@/lib/rules/triage';
import type {
  GroupId,
  IncidentCategory,
  IncidentStatus,
  InstallationStatus,
  InstallationType,
  MeterState,
  StageId,
} from '@/lib/rules/types';
import type { IsoDate } from '@/lib/rules/weeks';

export interface InstallationRow {
  id: number;
  mpan: string | null;
  mprn: string | null;
  groupId: GroupId;
  smsoPartyId: number;
  electricitySupplierId: number | null;
  gasSupplierId: number | null;
  electricityState: MeterState | null;
  gasState: MeterState | null;
  installationType: InstallationType;
  splitSupply: boolean;
  toBeCommissionedByDcc: boolean;
  priority: boolean;
  migrationWeek: IsoDate;
  migrateOn: IsoDate;
  stage: StageId;
  status: InstallationStatus;
  attemptCount: number;
  lastCode: string | null;
  lastFailedStep: string | null;
  lastChangedAt: number;
}

export interface InstallationEventRow {
  id: number;
  installationId: number;
  attempt: number;
  occurredAt: number;
  stage: StageId;
  status: InstallationStatus;
  code: string | null;
  failedStep: string | null;
  scenario: string | null;
  note: string | null;
}

export interface AuthorisationRow {
  id: number;
  installationId: number;
  authorisingPartyId: number;
  mpan: string | null;
  mprn: string | null;
  migrationWeek: IsoDate;
  migrateOn: IsoDate;
  receivedAt: number;
  validationStatus: 'accepted' | 'rejected';
  validationCodes: readonly string[];
  completionStatus: 'success' | 'failure' | null;
  completionCode: string | null;
  completedAt: number | null;
}

export interface TriageDecisionRow {
  id: number;
  installationId: number;
  decidedAt: number;
  decidedByUserId: string;
  decision: TriageDecision;
  rescheduledWeek: IsoDate | null;
  reason: string;
}

export interface InstallationChunk {
  readonly installations: InstallationRow[];
  readonly events: InstallationEventRow[];
  readonly authorisations: AuthorisationRow[];
  readonly triageDecisions: TriageDecisionRow[];
}

export interface WeeklyDemandRow {
  supplierId: number;
  migrationWeek: IsoDate;
  forecast: number;
  committed: number;
}

export interface MigrationCapacityRow {
  migrationWeek: IsoDate;
  capacity: number;
}

interface IncidentRow {
  id: number;
  reference: string;
  scenario: string;
  title: string;
  description: string;
  raisedByPartyId: number;
  ownerPartyId: number;
  groupId: GroupId | null;
  category: IncidentCategory;
  status: IncidentStatus;
  raisedAt: number;
  resolvedAt: number | null;
}

interface IncidentEventRow {
  id: number;
  incidentId: number;
  at: number;
  status: IncidentStatus;
  category: IncidentCategory;
  byUserId: string | null;
  note: string | null;
}

interface IncidentNoteRow {
  id: number;
  incidentId: number;
  at: number;
  authorUserId: string;
  body: string;
}

export interface IncidentBundle {
  readonly incidents: IncidentRow[];
  readonly events: IncidentEventRow[];
  readonly interestedParties: { incidentId: number; partyId: number }[];
  readonly installations: { incidentId: number; installationId: number }[];
  readonly notes: IncidentNoteRow[];
}

/** The demo users the seed creates (ids referenced by triage decisions and incident events). */
export const ANALYST_USER_ID = 'user-analyst';
export const ADMIN_USER_ID = 'user-admin';
export function supplierUserId(slug: string): string {
  return `user-${slug}`;
}
