import { bigint, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { installations } from './installations';

/**
 * The Migration Control Centre's split-supply calendar (MAM, MEHRS v5.0 conclusions): "the Migration Control Centre
 * will co-ordinate the migration by designating a week in which the active suppliers submit a Migration Authorisation
 * including any 'split supply' devices" and "will publish a calendar on a regular basis".
 *
 * Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE): a designation is never changed, only superseded by a
 * newer one for the same installation, which names the one it replaces and, when that one was published, a reason.
 * The current designation of an installation is its newest row; what the suppliers see is its newest published row.
 */
export const splitSupplyDesignations = pgTable(
  'split_supply_designations',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    installationId: bigint({ mode: 'number' })
      .notNull()
      .references(() => installations.id, { onDelete: 'cascade' }),
    /** The designated Migration Week (its Monday). */
    migrationWeek: date({ mode: 'string' }).notNull(),
    designatedAt: timestamp({ withTimezone: true }).notNull(),
    /** The user's id as text, like the audit log: history outlives the account (no foreign key to update). */
    designatedByUserId: text(),
    /** The designation this one replaces, if any. */
    supersedesId: bigint({ mode: 'number' }),
    /** Why a published designation was superseded (required then; optional for a draft). */
    reason: text(),
  },
  (t) => [
    index('split_supply_designations_installation_idx').on(t.installationId, t.id),
    index('split_supply_designations_week_idx').on(t.migrationWeek),
  ],
);

/** One publication of the calendar: every draft designation at that moment becomes visible to both suppliers. */
export const splitSupplyPublications = pgTable('split_supply_publications', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  publishedAt: timestamp({ withTimezone: true }).notNull(),
  publishedByUserId: text(),
  designationCount: integer().notNull(),
});

/** Which designations each publication published: a designation is published once it appears here. */
export const splitSupplyPublicationItems = pgTable(
  'split_supply_publication_items',
  {
    publicationId: integer()
      .notNull()
      .references(() => splitSupplyPublications.id, { onDelete: 'cascade' }),
    designationId: bigint({ mode: 'number' })
      .notNull()
      .references(() => splitSupplyDesignations.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.designationId, t.publicationId] }),
    index('split_supply_publication_items_publication_idx').on(t.publicationId),
  ],
);

export type SplitSupplyDesignation = typeof splitSupplyDesignations.$inferSelect;
