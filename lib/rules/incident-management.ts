/**
 * Who raises, owns and manages an incident of a MEHRS section 2 scenario, as one sentence the pages can show.
 * Sources: MEHRS v1.2 2.1 (SharePoint incidents are not migration incidents: DCC owns them under the Incident
 * Management Policy), 2.2–2.7 (every migration Incident is managed by the MCC and assigned to the owner the
 * section names), 2.5.2 (an SMSO/CSP communication, not an Incident), 2.5.8 (GroupID CB: a Service Request).
 */
import { scenario } from './scenarios';
import { type GroupId, PARTY_ROLE_LABELS, type PartyRole } from './types';

export const INCIDENT_MANAGEMENT_KINDS = [
  'migration-incident',
  'sharepoint-incident',
  'communication',
  'service-request',
  'no-incident',
] as const;
export type IncidentManagementKind = (typeof INCIDENT_MANAGEMENT_KINDS)[number];

export interface IncidentManagement {
  readonly section: string;
  readonly kind: IncidentManagementKind;
  readonly raisedBy: readonly PartyRole[];
  /** The party the Incident is assigned to (null when there is no Incident). */
  readonly owner: PartyRole | null;
  /** The party that manages it: the MCC for migration incidents, DCC for SharePoint ones. */
  readonly managedBy: PartyRole | null;
  readonly managerLabel: string | null;
  /** Which target applies: the TMAD's ITRT (migration) or the Incident Management Policy's standard ITRT (2.1). */
  readonly target: 'tmad-itrt' | 'standard-itrt' | null;
  readonly summary: string;
}

function names(parties: readonly PartyRole[]): string {
  if (parties.length === 0) return 'the party that finds it (MEHRS does not name one)';
  return parties.map((p) => `the ${PARTY_ROLE_LABELS[p]}`).join(' or ');
}

/**
 * Who raises, owns and manages an incident under `section`. `owner` overrides the scenario's default where the
 * scenario allows two (MEHRS 2.6.5: the S1SP or the DCO, whichever failed to delete keys).
 */
export function incidentManagement(
  section: string,
  options: { readonly groupId?: GroupId | null; readonly owner?: PartyRole | null } = {},
): IncidentManagement {
  const s = scenario(section);
  if (!s) {
    return {
      section,
      kind: 'no-incident',
      raisedBy: [],
      owner: null,
      managedBy: null,
      managerLabel: null,
      target: null,
      summary: `MEHRS ${section} is not a section 2 scenario.`,
    };
  }
  const variant = s.variants?.find((v) => v.groupId === options.groupId);
  const handling = variant?.handling ?? s.handling;
  const raisedBy = variant?.raisedBy ?? s.raisedBy;
  const owner =
    options.owner && s.owners.includes(options.owner) ? options.owner : (variant?.owner ?? s.owner);
  const base = { section: s.section, raisedBy, owner };
  if (handling === 'service-request') {
    return {
      ...base,
      kind: 'service-request',
      managedBy: 'mcc',
      managerLabel: PARTY_ROLE_LABELS.mcc,
      target: 'tmad-itrt',
      summary: `Not an Incident: the Migration Control Centre raises a Service Request on the Requesting Party, which resolves it within the TMAD's target resolution time (MEHRS ${s.section}).`,
    };
  }
  if (handling === 'communication') {
    return {
      ...base,
      owner: null,
      kind: 'communication',
      managedBy: 'mcc',
      managerLabel: PARTY_ROLE_LABELS.mcc,
      target: null,
      summary: `Not an Incident: ${names(raisedBy)} tells the Migration Control Centre, which passes the communication to all Interested Parties (MEHRS ${s.section}).`,
    };
  }
  if (handling === 'none' || !owner) {
    return {
      ...base,
      owner: null,
      kind: 'no-incident',
      managedBy: null,
      managerLabel: null,
      target: null,
      summary: `MEHRS ${s.section} raises no Incident.`,
    };
  }
  if (!s.migrationIncident) {
    return {
      ...base,
      kind: 'sharepoint-incident',
      managedBy: 'dcc',
      managerLabel: PARTY_ROLE_LABELS.dcc,
      target: 'standard-itrt',
      summary: `A SharePoint incident, not a migration incident (MEHRS ${s.section}): raised by ${names(raisedBy)}${raisedBy.includes('supplier') ? ', who also emails the Migration Control Centre' : ''}; owned and managed by DCC, which resolves it within the standard target resolution time of the Incident Management Policy.`,
    };
  }
  return {
    ...base,
    kind: 'migration-incident',
    managedBy: 'mcc',
    managerLabel: PARTY_ROLE_LABELS.mcc,
    target: 'tmad-itrt',
    summary: `A migration incident (MEHRS ${s.section}): raised by ${names(raisedBy)}, assigned to the ${PARTY_ROLE_LABELS[owner]}, which resolves it within the TMAD's target resolution time; managed by the Migration Control Centre, which notifies affected Users as Interested Parties.`,
  };
}
