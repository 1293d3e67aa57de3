import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';

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
