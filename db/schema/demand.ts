import { date, integer, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { parties } from './parties';

/**
 * Per supplier per Migration Week: what it forecast, what DCC committed to migrate, and the
 * authorisations it sent (MEHRS 2.2.1, Report 8 / S1MIG-008).
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
    authorisationsReceived: integer().notNull(),
    authorisationsValid: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.supplierId, t.migrationWeek] })],
);

export type WeeklyDemand = typeof weeklyDemand.$inferSelect;
