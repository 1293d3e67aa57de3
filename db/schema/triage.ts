import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { TriageOutcomeItem } from '@/lib/rules/triage';
import { users } from './auth';
import { triageDecision } from './enums';
import { installations } from './installations';

/**
 * One submission of a decision (one installation or many), keyed by the id the form carried: a submission that
 * arrives twice finds its row and reports the first outcome again, so it has effect once.
 */
export const triageBatches = pgTable('triage_batches', {
  id: uuid().primaryKey(),
  decidedAt: timestamp({ withTimezone: true }).notNull(),
  decidedByUserId: text().references(() => users.id, { onDelete: 'set null' }),
  decision: triageDecision().notNull(),
  requested: integer().notNull(),
  /** Per installation: done / skipped because already decided / refused because not eligible, with why. */
  outcome: jsonb().$type<TriageOutcomeItem[]>().notNull(),
});

/**
 * The MCC's decisions on failed dormant installations (MEHRS section 4). Append-only history (a trigger refuses
 * UPDATE): a decision is superseded by a later row that names it, never edited.
 */
export const triageDecisions = pgTable(
  'triage_decisions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    installationId: bigint({ mode: 'number' })
      .notNull()
      .references(() => installations.id, { onDelete: 'cascade' }),
    decidedAt: timestamp({ withTimezone: true }).notNull(),
    decidedByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    decision: triageDecision().notNull(),
    rescheduledWeek: date({ mode: 'string' }),
    /** The analyst's note, or the advice's reasons when the analyst followed it. Internal to the MCC. */
    reason: text().notNull(),
    /** The attempt decided on. Null only on rows loaded without it (the demo seed): those are current while no
     * later change to the installation has happened (decided_at >= installations.last_changed_at). */
    attempt: smallint(),
    /** The failure decided on, as it stood (MEHRS 4.1: the Responsible Supplier(s) are told the failed step). */
    failureCode: varchar({ length: 16 }),
    failedStep: varchar({ length: 24 }),
    /** What the rules advised at the time; a different decision is an overrule and must give overruleReason. */
    advice: triageDecision('advice'),
    overruleReason: text(),
    /** The decision this one replaces: at most one successor per decision, so two analysts cannot both win. */
    supersedesId: integer().references((): AnyPgColumn => triageDecisions.id),
    batchId: uuid().references(() => triageBatches.id),
    /** Await SMSO action: what is awaited. */
    awaitedSmsoAction: text(),
    /** Liaise with the Active supplier (MEHRS 4.2): who was contacted, when, and the answer. */
    contactedParty: text(),
    contactedAt: timestamp({ withTimezone: true }),
    supplierAnswer: text(),
    /** Whether the Responsible Supplier(s) may read `reason`; otherwise they see only the outcome and week. */
    supplierVisible: boolean().notNull().default(false),
  },
  (t) => [
    index('triage_decisions_installation_idx').on(t.installationId, t.decidedAt),
    uniqueIndex('triage_decisions_supersedes_key').on(t.supersedesId),
    // One first decision per attempt: of two analysts deciding the same failure at once, one wins.
    uniqueIndex('triage_decisions_first_key')
      .on(t.installationId, t.attempt)
      .where(sql`supersedes_id IS NULL AND attempt IS NOT NULL`),
    uniqueIndex('triage_decisions_batch_key').on(t.batchId, t.installationId),
    // The demand page's planned volume counts reschedules into the coming weeks (lib/data/demand.ts).
    index('triage_decisions_rescheduled_week_idx')
      .on(t.rescheduledWeek)
      .where(sql`${t.decision} = 'reschedule'`),
  ],
);

export type TriageDecisionRecord = typeof triageDecisions.$inferSelect;
