import { bigint, date, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { maValidationStatus } from './authorisations';
import { parties } from './parties';

/**
 * Per supplier per Migration Week: what it forecast and what DCC committed to migrate (MEHRS 2.2.1, Report 8 /
 * S1MIG-008). The authorisations received are never stored here: they are counted from the Migration
 * Authorisations themselves, through `authorisation_rollups` (docs/decisions/0008-demand-one-truth.md).
 */
export const weeklyDemand = pgTable(
  'weekly_demand',
  {
    supplierId: integer()
      .notNull()
      .references(() => parties.id),
    migrationWeek: date({ mode: 'string' }).notNull(),
    forecast: integer().notNull(),
    committed: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.supplierId, t.migrationWeek] })],
);

export type WeeklyDemand = typeof weeklyDemand.$inferSelect;

/**
 * DCC's capacity to migrate in a Migration Week, all parties together (the Migration Scaling Methodology sets it;
 * the seeds give no number, so the demo's values are generated, db/seed/generate.ts).
 */
export const migrationCapacity = pgTable('migration_capacity', {
  migrationWeek: date({ mode: 'string' }).primaryKey(),
  capacity: integer().notNull(),
});

/** Rollup `code` value of the row that counts every MA of the key, whatever its codes (must match the SQL). */
export const AUTHORISATION_ROLLUP_ALL_CODES = '';

/**
 * Migration Authorisations counted per (Authorising Party, Migration Week, validation status, code), kept exact by a
 * trigger on `migration_authorisations` in the same transaction as every change (as the installation rollups,
 * docs/decisions/0003-rollups.md). The row with code '' counts each MA once; a row with a code counts the MAs whose
 * MA Validation Response carries that code (an MA failing two checks counts under both, MEHRS 2.3.2).
 */
export const authorisationRollups = pgTable(
  'authorisation_rollups',
  {
    authorisingPartyId: integer().notNull(),
    migrationWeek: date({ mode: 'string' }).notNull(),
    validationStatus: maValidationStatus().notNull(),
    code: text().notNull(),
    count: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('authorisation_rollups_key').on(
      t.authorisingPartyId,
      t.migrationWeek,
      t.validationStatus,
      t.code,
    ),
  ],
);
