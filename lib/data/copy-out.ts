import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { getDatabase } from '@/db/client';

/**
 * An export's rows as one SQL query for PostgreSQL's `COPY (…) TO STDOUT`: the raw value of each column, in the
 * export's column order, and the rest of the query (FROM, WHERE with the viewer's scope, ORDER BY). The export
 * encodes each value with the CSV rules (lib/exports/csv.ts `csvSqlCell`), so the database writes the file.
 */
export interface CopySource {
  values: SQL[];
  /** `from … where … order by …`, scope included. */
  rest: SQL;
}

const dialect = new PgDialect({ casing: 'snake_case' });

/**
 * The CSV body (no header) of `select <cells> <rest>` streamed by PostgreSQL's COPY, or null on PGlite, which has
 * no streaming COPY out (its exports read in keyset batches instead). COPY takes no bind parameters, so values are
 * inlined as escaped literals by Drizzle.
 */
export async function copyCsvOut(
  cells: readonly SQL[],
  rest: SQL,
): Promise<AsyncIterable<Uint8Array> | null> {
  const handle = await getDatabase();
  if (!handle.copyCsvOut) return null;
  const query = sql`select ${sql.join([...cells], sql`, `)} ${rest}`.inlineParams();
  return handle.copyCsvOut(dialect.sqlToQuery(query).sql);
}
