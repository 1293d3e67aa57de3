import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { parties } from './parties';

export const fileImportStatus = pgEnum('file_import_status', ['received', 'applied', 'rejected']);

/** One problem found in a file, by line (1 = the header) and column name (null for the whole line or file). */
export interface FileImportProblem {
  line: number;
  column: string | null;
  message: string;
}

/**
 * Every file a user or operator submitted, kept whether or not it applied: nothing submitted is lost silently
 * (the bytes are in `file_import_contents`). The SHA-256 makes a second submission of the same file a no-op that
 * answers with this row (docs/file-formats.md "Idempotency").
 */
export const fileImports = pgTable(
  'file_imports',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    kind: text().notNull(),
    filename: text().notNull(),
    sha256: text().notNull(),
    uploadedByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    /** The supplier a supplier user uploaded for; null for the MCC and the command line. */
    uploadedByPartyId: integer().references(() => parties.id),
    uploadedAt: timestamp({ withTimezone: true }).notNull(),
    completedAt: timestamp({ withTimezone: true }),
    status: fileImportStatus().notNull(),
    byteSize: bigint({ mode: 'number' }).notNull().default(0),
    /** Data rows parsed = rowsAccepted + rowsRejected. */
    rowsTotal: integer().notNull().default(0),
    rowsAccepted: integer().notNull().default(0),
    rowsRejected: integer().notNull().default(0),
    /** Accepted rows reported and not applied (a replay or an out-of-order outcome). */
    rowsSkipped: integer().notNull().default(0),
    /** Problems that rejected the file (nothing applied); capped, with the total in `problemCount`. */
    errors: jsonb().$type<FileImportProblem[]>().notNull().default([]),
    problemCount: integer().notNull().default(0),
    /** Rows reported and not applied, and file-level notes (a counter gap); capped like `errors`. */
    notices: jsonb().$type<FileImportProblem[]>().notNull().default([]),
    /** Commissioning Outcome Files: the SEC party signifier and its own file counter (MRR v3.0 4.7). */
    partySignifier: text(),
    fileCounter: integer(),
  },
  (t) => [
    uniqueIndex('file_imports_sha256_key').on(t.sha256),
    index('file_imports_uploaded_at_idx').on(t.uploadedAt, t.id),
    index('file_imports_party_idx').on(t.uploadedByPartyId, t.uploadedAt),
    index('file_imports_counter_idx').on(t.partySignifier, t.fileCounter),
  ],
);

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
    /** Where a sign-in or refused request came from (scripts/client-address.mjs); null for internal changes. */
    clientAddress: text(),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);
