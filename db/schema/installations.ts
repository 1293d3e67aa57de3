import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { groupId, installationStatus, installationType, meterState, stage, triageDecision } from './enums';
import { parties } from './parties';

/**
 * One SMETS1 Installation: a Communications Hub with an ESME and/or a GSME (docs/domain.md).
 * The columns describe its current attempt; `installation_events` keeps everything that happened.
 */
export const installations = pgTable(
  'installations',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    mpan: varchar({ length: 13 }),
    mprn: varchar({ length: 10 }),
    groupId: groupId().notNull(),
    smsoPartyId: integer()
      .notNull()
      .references(() => parties.id),
    electricitySupplierId: integer().references(() => parties.id),
    gasSupplierId: integer().references(() => parties.id),
    /** Null when the installation has no such meter. */
    electricityState: meterState(),
    gasState: meterState(),
    installationType: installationType().notNull(),
    splitSupply: boolean().notNull().default(false),
    toBeCommissionedByDcc: boolean().notNull().default(false),
    priority: boolean().notNull().default(false),
    migrationWeek: date({ mode: 'string' }),
    migrateOn: date({ mode: 'string' }),
    stage: stage().notNull(),
    status: installationStatus().notNull(),
    attemptCount: smallint().notNull().default(0),
    /** Reason code (MAxxx), error code (12.9.1.ET01) or DSP/S1SP response code of the last failure. */
    lastCode: varchar({ length: 16 }),
    /** TMAD FailedStepNumber of the last failure (Report 2). */
    lastFailedStep: varchar({ length: 24 }),
    lastChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * The decision that currently holds a failed Dormant Meter installation out of the triage queue (MEHRS 4), null
     * when none: derived from triage_decisions by triggers (migration triage_rollups_sql), so the queue's state is a
     * column its rollup can count.
     */
    currentTriageDecision: triageDecision(),
  },
  (t) => [
    uniqueIndex('installations_mpan_key').on(t.mpan),
    uniqueIndex('installations_mprn_key').on(t.mprn),
    // Supplier scoping with keyset order: a supplier's page is an index range scan on either column.
    index('installations_electricity_supplier_idx').on(t.electricitySupplierId, t.id),
    index('installations_gas_supplier_idx').on(t.gasSupplierId, t.id),
    index('installations_status_stage_idx').on(t.status, t.stage, t.id),
    index('installations_last_changed_idx').on(t.lastChangedAt, t.id),
    // The list sorts by coalesce(week, NO_WEEK): the index must be on the same expression to serve it.
    index('installations_migration_week_idx').on(sql`coalesce(${t.migrationWeek}, '1970-01-01'::date)`, t.id),
    // The list's filters that move with its sort orders (a failure, a stage, a code belong to some weeks and some
    // moments): each leads an index per sort, so a filtered page is a range scan, not a walk past every
    // non-matching row (docs/decisions/0019-list-filter-sort-indexes.md).
    index('installations_status_changed_idx').on(t.status, t.lastChangedAt, t.id),
    index('installations_status_week_idx').on(
      t.status,
      sql`coalesce(${t.migrationWeek}, '1970-01-01'::date)`,
      t.id,
    ),
    index('installations_stage_changed_idx').on(t.stage, t.lastChangedAt, t.id),
    index('installations_stage_week_idx').on(
      t.stage,
      sql`coalesce(${t.migrationWeek}, '1970-01-01'::date)`,
      t.id,
    ),
    index('installations_code_changed_idx')
      .on(t.lastCode, t.lastChangedAt, t.id)
      .where(sql`${t.lastCode} IS NOT NULL`),
    index('installations_code_week_idx')
      .on(t.lastCode, sql`coalesce(${t.migrationWeek}, '1970-01-01'::date)`, t.id)
      .where(sql`${t.lastCode} IS NOT NULL`),
    // The list's other orders (lib/data/installations.ts SORTS), each an index on the same expression so a page
    // is an index range scan at 10M rows. The default puts failures first, the longest-waiting first.
    index('installations_attention_idx').on(
      sql`(${t.status} NOT IN ('failed', 'rolled-back'))`,
      t.lastChangedAt,
      t.id,
    ),
    index('installations_last_code_idx').on(sql`coalesce(${t.lastCode}, '')`, t.id),
    index('installations_stage_idx').on(t.stage, t.id),
    index('installations_attempts_idx').on(t.attemptCount, t.id),
    // The dormant triage queue (MEHRS 4): failed installations with a Dormant Meter, oldest failure first.
    index('installations_triage_queue_idx')
      .on(t.lastChangedAt, t.id)
      .where(sql`status IN ('failed', 'rolled-back') AND installation_type <> 'active-only'`),
    check('installations_has_meter', sql`${t.mpan} IS NOT NULL OR ${t.mprn} IS NOT NULL`),
  ],
);

/**
 * Append-only history: every attempt and stage transition, with time, outcome and code.
 * Nothing here is ever updated, so the timeline can always be rebuilt.
 */
export const installationEvents = pgTable(
  'installation_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    installationId: bigint({ mode: 'number' })
      .notNull()
      .references(() => installations.id, { onDelete: 'cascade' }),
    attempt: smallint().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    stage: stage().notNull(),
    status: installationStatus().notNull(),
    code: varchar({ length: 16 }),
    failedStep: varchar({ length: 24 }),
    /** MEHRS section of the scenario the event falls under, e.g. '2.6.2'. */
    scenario: varchar({ length: 8 }),
    note: text(),
  },
  (t) => [
    index('installation_events_installation_idx').on(t.installationId, t.occurredAt, t.id),
    // "Failed during week W": outcomes by when they happened (lib/data/installation-filters.ts).
    index('installation_events_outcome_idx')
      .on(t.occurredAt, t.installationId)
      .where(sql`${t.status} <> 'in-progress'`),
  ],
);

export type Installation = typeof installations.$inferSelect;
export type InstallationEvent = typeof installationEvents.$inferSelect;
