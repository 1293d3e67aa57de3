/**
 * The incident desk's rules: which record a MEHRS section 2 scenario creates (an Incident, a communication, a
 * Service Request, or none), who manages and owns it, how its status may move, and the order a backlog is
 * processed in once it is resolved. Pure: no I/O, no clock.
 */
import { INCIDENT_TARGET_DEFAULTS, type IncidentTargetConfig } from './config';
import { type IncidentClock, type IncidentKind, incidentClock } from './incident-targets';
import { type BacklogOrder, type Scenario, scenario as scenarioOf } from './scenarios';
import type { GroupId, IncidentCategory, IncidentStatus, PartyRole } from './types';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, PARTY_ROLE_LABELS } from './types';

/**
 * What the desk records. An Incident (MEHRS 2.1, 2.4–2.7); an SMSO/CSP communication (MEHRS 2.5.2: "not an
 * Incident", the MCC passes it to every Interested Party); a Service Request the MCC raises on the Requesting Party
 * (MEHRS 2.5.8, GroupID CB).
 */
export const RECORD_KINDS = ['incident', 'communication', 'service-request'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  incident: 'Incident',
  communication: 'SMSO/CSP communication',
  'service-request': 'Service Request',
};

/** Notes are internal to the MCC unless marked for the suppliers who are Interested Parties. */
export const NOTE_VISIBILITIES = ['internal', 'supplier'] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

/** What one entry of the append-only history records. */
export const INCIDENT_ACTIONS = ['raised', 'status', 'assigned', 'category', 'note'] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

/** Stored status identifiers never change (types.ts); these are the words the desk shows. */
export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  open: 'New',
  assigned: 'Assigned',
  'in-progress': 'In progress',
  paused: 'On hold',
  resolved: 'Resolved',
  closed: 'Closed',
};

/** Statuses of work still to do (the queue's default view). */
export const OPEN_STATUSES: readonly IncidentStatus[] = ['open', 'assigned', 'in-progress', 'paused'];

/**
 * The status flow new → assigned → in progress → on hold → resolved → closed, with resume from hold and re-open
 * after resolution. MEHRS gives no workflow: this one is the MCC's (an assumption, docs/decisions/0010-incident-desk.md).
 */
const TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  open: ['assigned', 'in-progress', 'paused', 'resolved'],
  assigned: ['in-progress', 'paused', 'resolved'],
  'in-progress': ['paused', 'resolved'],
  paused: ['in-progress', 'resolved'],
  resolved: ['closed', 'in-progress'],
  closed: ['in-progress'],
};

export function nextStatuses(from: IncidentStatus): readonly IncidentStatus[] {
  return TRANSITIONS[from];
}

export function canMoveTo(from: IncidentStatus, to: IncidentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The verb a button shows for a move: "Resume" from hold, "Re-open" after resolution. */
export function transitionLabel(from: IncidentStatus, to: IncidentStatus): string {
  if (from === 'paused' && to === 'in-progress') return 'Resume';
  if ((from === 'resolved' || from === 'closed') && to === 'in-progress') return 'Re-open';
  if (to === 'paused') return 'Put on hold';
  return `Mark ${INCIDENT_STATUS_LABELS[to].toLowerCase()}`;
}

export function isIncidentStatus(value: string): value is IncidentStatus {
  return (INCIDENT_STATUSES as readonly string[]).includes(value);
}

export function isIncidentCategory(value: number): value is IncidentCategory {
  return (INCIDENT_CATEGORIES as readonly number[]).includes(value);
}

/** Which ITRT table a record is measured against; null when it has none (a communication is not an Incident). */
export function targetKindOf(kind: RecordKind, section: string): IncidentKind | null {
  if (kind === 'communication') return null;
  return scenarioOf(section)?.resolutionTarget === 'standard-itrt' ? 'standard' : 'migration';
}

/** One stored history row: every row carries the status and category in force after it. */
export interface StoredIncidentEvent {
  readonly at: Date;
  readonly status: IncidentStatus;
  readonly category: IncidentCategory;
}

/**
 * The resolution clock rebuilt from the whole history (MEHRS 2.x ITRT): every row is a status event, and a row
 * whose category differs from the previous one is also a category event, so a pause, a re-categorisation or a
 * re-open never loses or invents time. Null for a record with no ITRT.
 */
export function clockFromHistory(
  kind: RecordKind,
  section: string,
  history: readonly StoredIncidentEvent[],
  now: Date,
  config: IncidentTargetConfig = INCIDENT_TARGET_DEFAULTS,
): IncidentClock | null {
  const targetKind = targetKindOf(kind, section);
  if (!targetKind || history.length === 0) return null;
  const events: Parameters<typeof incidentClock>[0][number][] = [];
  let category: IncidentCategory | null = null;
  for (const h of history) {
    if (h.category !== category) {
      events.push({ type: 'category', category: h.category, at: h.at });
      category = h.category;
    }
    events.push({ type: 'status', status: h.status, at: h.at });
  }
  return incidentClock(events, now, config, targetKind);
}

/** What raising a record for a scenario (and GroupID) means, as the form explains it. */
export type RaiseOutcome =
  | {
      readonly kind: RecordKind;
      readonly scenario: Scenario;
      /** Parties that may own it: more than one only where MEHRS names two (2.6.5), and the analyst chooses. */
      readonly owners: readonly PartyRole[];
      /** Parties that may raise it; empty when MEHRS names none (2.6.6): the owner then raised it. */
      readonly raisedBy: readonly PartyRole[];
      readonly onResolution: string | null;
      readonly backlogOrder: BacklogOrder | null;
      readonly explanation: string;
    }
  | { readonly kind: null; readonly scenario: Scenario; readonly explanation: string };

/**
 * The record a scenario creates. A communication is recorded only for MEHRS 2.5.2 (the SMSO/CSP cannot migrate
 * any installation); 2.3.1's telephone call and email to the supplier, and every scenario MEHRS handles through
 * reason codes and reports, create none.
 */
export function raiseOutcome(section: string, groupId: GroupId | null = null): RaiseOutcome | null {
  const s = scenarioOf(section);
  if (!s) return null;
  const variant = groupId ? s.variants?.find((v) => v.groupId === groupId) : undefined;
  const handling = variant?.handling ?? s.handling;
  const raisedBy = variant?.raisedBy ?? s.raisedBy;
  const onResolution = variant?.onResolution ?? s.onResolution;
  if (handling === 'incident') {
    const owners = variant?.owner ? [variant.owner] : s.owners;
    return {
      kind: 'incident',
      scenario: s,
      owners,
      raisedBy,
      onResolution,
      backlogOrder: s.backlogOrder,
      explanation: `MEHRS ${s.section}: an Incident, managed by the ${PARTY_ROLE_LABELS[s.managedBy ?? 'mcc']} and assigned to ${owners.map((o) => PARTY_ROLE_LABELS[o]).join(' or ')}.`,
    };
  }
  if (handling === 'service-request' && variant?.owner) {
    return {
      kind: 'service-request',
      scenario: s,
      owners: [variant.owner],
      raisedBy,
      onResolution,
      backlogOrder: null,
      explanation: `MEHRS ${s.section} (GroupID ${variant.groupId}): not an Incident; the Migration Control Centre raises a Service Request on the ${PARTY_ROLE_LABELS[variant.owner]}.`,
    };
  }
  if (handling === 'communication' && raisedBy.includes('smso')) {
    return {
      kind: 'communication',
      scenario: s,
      owners: ['smso'],
      raisedBy,
      onResolution,
      backlogOrder: null,
      explanation: `MEHRS ${s.section}: not an Incident. The SMSO sends a communication to the Migration Control Centre, which passes it to every Interested Party.`,
    };
  }
  const how =
    handling === 'communication'
      ? 'the Migration Control Centre telephones and emails the supplier'
      : 'the failure is reported with reason codes and supplier-facing reports';
  return {
    kind: null,
    scenario: s,
    explanation: `MEHRS ${s.section}${groupId ? ` (GroupID ${groupId})` : ''} raises no Incident: ${how}. Nothing is recorded here.`,
  };
}

/** What the backlog order needs of an installation. */
export interface BacklogItem {
  readonly id: number;
  readonly priority: boolean;
  /** When its Migration Authorisation was received (ms since the epoch); null when unknown. */
  readonly receivedAt: number | null;
}

/**
 * The order the backlog is processed in once the incident is resolved: "in order of receipt" (e.g. MEHRS 2.4.3,
 * 2.5.1) or priority-flagged installations first, then in order of receipt (MEHRS 2.4.1). Unknown receipt times go
 * last; ties keep the installation id order.
 */
export function orderBacklog<T extends BacklogItem>(items: readonly T[], order: BacklogOrder): T[] {
  return [...items].sort((a, b) => {
    if (order === 'priority-first' && a.priority !== b.priority) return a.priority ? -1 : 1;
    const ra = a.receivedAt ?? Number.POSITIVE_INFINITY;
    const rb = b.receivedAt ?? Number.POSITIVE_INFINITY;
    if (ra !== rb) return ra < rb ? -1 : 1;
    return a.id - b.id;
  });
}
