import {
  bigint,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import type { IncidentCategory } from '@/lib/rules/types';
import { users } from './auth';
import { groupId, incidentAction, incidentKind, incidentStatus, noteVisibility } from './enums';
import { installations } from './installations';
import { parties } from './parties';

/**
 * A record on the incident desk: an Incident owned by the party MEHRS section 2 assigns it to, an SMSO/CSP
 * communication (MEHRS 2.5.2) or a Service Request on the Requesting Party (MEHRS 2.5.8, GroupID CB).
 */
export const incidents = pgTable(
  'incidents',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    reference: varchar({ length: 16 }).notNull(),
    kind: incidentKind().notNull().default('incident'),
    /** MEHRS section of the scenario, e.g. '2.5.6'. */
    scenario: varchar({ length: 8 }).notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    raisedByPartyId: integer()
      .notNull()
      .references(() => parties.id),
    ownerPartyId: integer()
      .notNull()
      .references(() => parties.id),
    /** Set when the scenario has a GroupID variant (e.g. CB in 2.5.5–2.5.10). */
    groupId: groupId(),
    category: smallint().$type<IncidentCategory>().notNull(),
    status: incidentStatus().notNull(),
    raisedAt: timestamp({ withTimezone: true }).notNull(),
    resolvedAt: timestamp({ withTimezone: true }),
    /** The MCC analyst working it. */
    assigneeUserId: text().references(() => users.id, { onDelete: 'set null' }),
    /** Why it is on hold (clock paused); null unless the status is 'paused'. */
    holdReason: text(),
    /** Optimistic concurrency: every update names the version its author saw, and bumps it. */
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('incidents_reference_key').on(t.reference),
    index('incidents_owner_status_idx').on(t.ownerPartyId, t.status),
    index('incidents_kind_status_idx').on(t.kind, t.status),
  ],
);

/**
 * The append-only history (a trigger refuses UPDATE and DELETE): every change, who made it and when. Each row
 * carries the status and category in force after it, so the incident clock is rebuilt from it alone.
 */
export const incidentEvents = pgTable(
  'incident_events',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    incidentId: integer()
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull(),
    action: incidentAction().notNull().default('status'),
    status: incidentStatus().notNull(),
    category: smallint().$type<IncidentCategory>().notNull(),
    byUserId: text().references(() => users.id, { onDelete: 'set null' }),
    note: text(),
    /** The incident version this change produced. */
    version: integer(),
    /** The submitting form's one-time key: a replayed or double-clicked submission finds it and does nothing. */
    requestKey: varchar({ length: 64 }),
  },
  (t) => [
    index('incident_events_incident_idx').on(t.incidentId, t.at),
    uniqueIndex('incident_events_request_key').on(t.requestKey),
  ],
);

/** Users notified through the Self-Service Interface as Interested Parties. */
export const incidentInterestedParties = pgTable(
  'incident_interested_parties',
  {
    incidentId: integer()
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    partyId: integer()
      .notNull()
      .references(() => parties.id),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.partyId] })],
);

export const incidentInstallations = pgTable(
  'incident_installations',
  {
    incidentId: integer()
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    installationId: bigint({ mode: 'number' })
      .notNull()
      .references(() => installations.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.installationId] }),
    index('incident_installations_installation_idx').on(t.installationId),
  ],
);

/**
 * How many installations each incident affects, per scope (0 = the whole migration, else a supplier, as in
 * installation_rollups). Kept by triggers on incident_installations and on a change of supplier (migration
 * incident_affected_counts_sql), so a queue page reads 50 numbers instead of counting thousands of links.
 */
export const incidentAffectedCounts = pgTable(
  'incident_affected_counts',
  {
    incidentId: integer()
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    supplierId: integer().notNull(),
    count: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.supplierId] })],
);

export const incidentNotes = pgTable(
  'incident_notes',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    incidentId: integer()
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull(),
    authorUserId: text().references(() => users.id, { onDelete: 'set null' }),
    body: text().notNull(),
    /** Internal by default; 'supplier' notes are shown to the suppliers that are Interested Parties. */
    visibility: noteVisibility().notNull().default('internal'),
  },
  (t) => [index('incident_notes_incident_idx').on(t.incidentId, t.at)],
);

export type Incident = typeof incidents.$inferSelect;
export type IncidentEventRecord = typeof incidentEvents.$inferSelect;
