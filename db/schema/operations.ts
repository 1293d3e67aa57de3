import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { installations } from './installations';

export const triageDecision = pgEnum('triage_decision', [
  'reschedule',
  'await-smso',
  'liaise-with-active-supplier',
  'exclude',
]);

/** The MCC's decisions on failed dormant installations (MEHRS section 4). */
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
    reason: text().notNull(),
  },
  (t) => [
    index('triage_decisions_installation_idx').on(t.installationId, t.decidedAt),
    // The demand page's planned volume counts reschedules into the coming weeks (lib/data/demand.ts).
    index('triage_decisions_rescheduled_week_idx')
      .on(t.rescheduledWeek)
      .where(sql`${t.decision} = 'reschedule'`),
  ],
);

export const fileImportStatus = pgEnum('file_import_status', ['received', 'applied', 'rejected']);

/** Every file a user uploaded, kept whether or not it applied: nothing submitted is lost silently. */
export const fileImports = pgTable('file_imports', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  kind: text().notNull(),
  filename: text().notNull(),
  sha256: text().notNull(),
  uploadedByUserId: text().references(() => users.id, { onDelete: 'set null' }),
  uploadedAt: timestamp({ withTimezone: true }).notNull(),
  status: fileImportStatus().notNull(),
  rowsTotal: integer().notNull().default(0),
  rowsAccepted: integer().notNull().default(0),
  rowsRejected: integer().notNull().default(0),
  errors: jsonb().$type<{ row: number; message: string }[]>().notNull().default([]),
});

/** Append-only log of every user action that changes data (a trigger refuses UPDATE and DELETE). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: text(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);
