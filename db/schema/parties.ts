import { integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { partyRole } from './enums';

/** Every organisation in the migration: suppliers (SEC parties) and the DCC service providers (docs/domain.md). */
export const parties = pgTable(
  'parties',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    slug: text().notNull(),
    name: text().notNull(),
    role: partyRole().notNull(),
    /** The SEC Party ID; suppliers only. */
    secPartyId: text(),
  },
  (t) => [
    uniqueIndex('parties_slug_key').on(t.slug),
    uniqueIndex('parties_sec_party_id_key').on(t.secPartyId),
  ],
);

export type Party = typeof parties.$inferSelect;
