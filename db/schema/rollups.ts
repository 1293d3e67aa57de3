import { bigint, date, integer, pgTable, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { groupId, installationStatus, installationType, stage } from './enums';

/** Rollup key values standing for "none", so the unique key has no nulls (must match 0001_triggers.sql). */
export const ROLLUP_NO_WEEK = '1970-01-01';
export const ROLLUP_NO_CODE = '';
/** The "all weeks" rows: every installation counts here too, so an unfiltered overview reads few rows. */
export const ROLLUP_ALL_WEEKS = '9999-12-31';

/**
 * Installation counts per (scope, stage, status, GroupID, type, Migration Week, last code), kept exact by a
 * trigger on `installations` in the same transaction as every change (docs/decisions/0003-rollups.md).
 * `supplierId` 0 is the whole migration (each installation once); otherwise each installation counts once
 * for every distinct Responsible Supplier it has.
 */
export const installationRollups = pgTable(
  'installation_rollups',
  {
    supplierId: integer().notNull(),
    stage: stage().notNull(),
    status: installationStatus().notNull(),
    groupId: groupId().notNull(),
    installationType: installationType().notNull(),
    /** ROLLUP_NO_WEEK when the installation has no Migration Week yet. */
    migrationWeek: date({ mode: 'string' }).notNull(),
    /** ROLLUP_NO_CODE when there is no code. */
    lastCode: text().notNull(),
    count: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    // Scope then week first: an overview reads one scope's "all weeks" rows, or one week range, not the scope's
    // every row (the difference between constant cost and cost that grows with the weeks of history).
    uniqueIndex('installation_rollups_key').on(
      t.supplierId,
      t.migrationWeek,
      t.stage,
      t.status,
      t.groupId,
      t.installationType,
      t.lastCode,
    ),
  ],
);

/**
 * Outcomes that happened in each Migration Week (the week containing the outcome, London time): every attempt's end
 * (migrated, failed, rolled back) counted once, as Report 6 counts MA completions, whatever the installation's state
 * now. Kept exact by triggers on `installation_events` and `installations` in the same transaction as every change
 * (db/migrations, outcome_rollups_sql; docs/decisions/0003-rollups.md). Scope as in `installation_rollups`: 0 is the
 * whole migration, otherwise each Responsible Supplier the installation has now.
 */
export const installationOutcomeRollups = pgTable(
  'installation_outcome_rollups',
  {
    supplierId: integer().notNull(),
    /** The Monday of the Migration Week the outcome happened in. */
    outcomeWeek: date({ mode: 'string' }).notNull(),
    outcome: installationStatus().notNull(),
    stage: stage().notNull(),
    groupId: groupId().notNull(),
    installationType: installationType().notNull(),
    /** The failure's code; ROLLUP_NO_CODE for a migration. */
    code: text().notNull(),
    count: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('installation_outcome_rollups_key').on(
      t.supplierId,
      t.outcomeWeek,
      t.outcome,
      t.stage,
      t.groupId,
      t.installationType,
      t.code,
    ),
  ],
);

/**
 * The dormant triage queue counted by what its filters and the rules' advice read (MEHRS 4), per scope as in
 * installation_rollups: failed installations with a Dormant Meter by their current decision (`state`, '' when
 * undecided), and installations currently rescheduled by triage by the week they went into (`migrationWeek`,
 * ROLLUP_NO_WEEK on every other row). Kept by a trigger on installations (migration triage_rollups_sql).
 */
export const triageRollups = pgTable(
  'triage_rollups',
  {
    supplierId: integer().notNull(),
    state: text().notNull(),
    installationType: installationType().notNull(),
    lastCode: text().notNull(),
    lastFailedStep: text().notNull(),
    attemptCount: smallint().notNull(),
    groupId: groupId().notNull(),
    smsoPartyId: integer().notNull(),
    migrationWeek: date({ mode: 'string' }).notNull(),
    count: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('triage_rollups_key').on(
      t.supplierId,
      t.state,
      t.migrationWeek,
      t.installationType,
      t.lastCode,
      t.lastFailedStep,
      t.attemptCount,
      t.groupId,
      t.smsoPartyId,
    ),
  ],
);
