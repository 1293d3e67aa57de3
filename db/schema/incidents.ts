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
import { users } from './auth';
import { groupId, incidentStatus } from './enums';
import { installations } from './installations';
import { parties } from './parties';

/** A migration incident, managed by the MCC and owned by the party MEHRS section 2 assigns it to. */
export const incidents = pgTable(
  'incidents',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    reference: varchar({ length: 16 }).notNull(),
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
    category: smallint().notNull(),
    status: incidentStatus().notNull(),
    raisedAt: timestamp({ withTimezone: true }).notNull(),
    resolvedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('incidents_reference_key').on(t.reference),
    index('incidents_owner_status_idx').on(t.ownerPartyId, t.status),
  ],
);

/** Status and category history: the incident clock is rebuilt from it (paused time is never lost). */
export const incidentEvents = pgTable(
  'incident_events',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    incidentId: integer()
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull(),
    status: incidentStatus().notNull(),
    category: smallint().notNull(),
    byUserId: text().references(() => users.id, { onDelete: 'set null' }),
    note: text(),
  },
  (t) => [index('incident_events_incident_idx').on(t.incidentId, t.at)],
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
  },
  (t) => [index('incident_notes_incident_idx').on(t.incidentId, t.at)],
);

export type Incident = typeof incidents.$inferSelect;
