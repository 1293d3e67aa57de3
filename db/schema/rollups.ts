import { bigint, date, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
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
