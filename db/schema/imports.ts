import { bigint, customType, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { installations } from './installations';
import { fileImports } from './operations';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** The bytes of every submitted file, gzipped: a rejected file is kept with its report (docs/file-formats.md). */
export const fileImportContents = pgTable('file_import_contents', {
  fileImportId: integer()
    .primaryKey()
    .references(() => fileImports.id, { onDelete: 'cascade' }),
  gzip: bytea().notNull(),
});

/**
 * Which Responsible Supplier's Commissioning Outcome File reported each installation's attempt (MRR v3.0 4.7:
 * a split-supply installation arrives in two files, one per supplier), so a replayed row is reported, not applied.
 */
export const commissioningOutcomeReceipts = pgTable(
  'commissioning_outcome_receipts',
  {
    installationId: bigint({ mode: 'number' })
      .notNull()
      .references(() => installations.id, { onDelete: 'cascade' }),
    attempt: smallint().notNull(),
    partySignifier: text().notNull(),
    fileImportId: integer()
      .notNull()
      .references(() => fileImports.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.attempt, t.partySignifier] })],
);
