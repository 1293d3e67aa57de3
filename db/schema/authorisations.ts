import { bigint, date, index, integer, pgEnum, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { installations } from './installations';
import { parties } from './parties';

export const maValidationStatus = pgEnum('ma_validation_status', ['accepted', 'rejected']);
/** MRR S1MIG-006: Completion Status is only Success or Failure (seed 003). */
export const maCompletionStatus = pgEnum('ma_completion_status', ['success', 'failure']);

/** A Migration Authorisation and its MA Validation and Completion Responses (MEHRS 2.3). */
export const migrationAuthorisations = pgTable(
  'migration_authorisations',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    installationId: bigint({ mode: 'number' }).references(() => installations.id, { onDelete: 'cascade' }),
    /** The Authorising Party: a supplier, or the DCC for dormant meters. */
    authorisingPartyId: integer()
      .notNull()
      .references(() => parties.id),
    mpan: varchar({ length: 13 }),
    mprn: varchar({ length: 10 }),
    migrationWeek: date({ mode: 'string' }).notNull(),
    migrateOn: date({ mode: 'string' }).notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    validationStatus: maValidationStatus().notNull(),
    /** Every failing MA0xx code, in the document's order (MEHRS 2.3.2). */
    validationCodes: text().array().notNull().default([]),
    completionStatus: maCompletionStatus(),
    /** One Completion Reason Code per row (S1MIG-006). */
    completionCode: varchar({ length: 16 }),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('migration_authorisations_party_week_idx').on(t.authorisingPartyId, t.migrationWeek),
    index('migration_authorisations_installation_idx').on(t.installationId),
  ],
);

export type MigrationAuthorisation = typeof migrationAuthorisations.$inferSelect;
