import { pgEnum } from 'drizzle-orm/pg-core';
import { ROLES } from '@/lib/auth/permissions';
import { INCIDENT_ACTIONS, NOTE_VISIBILITIES, RECORD_KINDS } from '@/lib/rules/incident-workflow';
import { TRIAGE_DECISIONS } from '@/lib/rules/triage';
import {
  GROUP_IDS,
  INCIDENT_STATUSES,
  INSTALLATION_STATUSES,
  INSTALLATION_TYPES,
  METER_STATES,
  PARTY_ROLES,
  STAGE_IDS,
} from '@/lib/rules/types';

// Enum values come from the rules module so the database, the rules and the UI share one vocabulary.
export const partyRole = pgEnum('party_role', PARTY_ROLES);
export const groupId = pgEnum('group_id', GROUP_IDS);
export const stage = pgEnum('stage', STAGE_IDS);
export const installationStatus = pgEnum('installation_status', INSTALLATION_STATUSES);
export const installationType = pgEnum('installation_type', INSTALLATION_TYPES);
export const meterState = pgEnum('meter_state', METER_STATES);
export const incidentStatus = pgEnum('incident_status', INCIDENT_STATUSES);
export const userRole = pgEnum('user_role', ROLES);
export const incidentKind = pgEnum('incident_kind', RECORD_KINDS);
export const incidentAction = pgEnum('incident_action', INCIDENT_ACTIONS);
export const noteVisibility = pgEnum('note_visibility', NOTE_VISIBILITIES);
export const triageDecision = pgEnum('triage_decision', TRIAGE_DECISIONS);
