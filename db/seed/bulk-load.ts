/**
 * PostgreSQL's "Populating a Database" advice for the bulk tables: their secondary indexes and foreign keys are
 * dropped before the load and built once afterwards.
 */
import { sql } from 'drizzle-orm';
import { type DatabaseHandle, queryRows } from '@/db/client';

/** The tables the chunks fill: big enough that their indexes and foreign keys are built after the load. */
const BULK_TABLES = [
  'installations',
  'installation_events',
  'migration_authorisations',
  'triage_decisions',
] as const;

interface DeferredDefinition {
  readonly table: string;
  readonly name: string;
  /** CREATE INDEX statement, or the constraint definition for ALTER TABLE … ADD CONSTRAINT. */
  readonly definition: string;
}

interface Deferred {
  readonly indexes: readonly DeferredDefinition[];
  readonly foreignKeys: readonly DeferredDefinition[];
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * PostgreSQL's "Populating a Database" advice: drop the bulk tables' secondary indexes and foreign keys, load, then
 * build them once (a sort and one join per key instead of a check and an index insert per row). Primary keys stay.
 * Read from the catalogue, so whatever the migrations define is restored exactly.
 */
export async function deferIndexesAndForeignKeys(handle: DatabaseHandle): Promise<Deferred> {
  const tables = BULK_TABLES.map((t) => `'${t}'`).join(', ');
  const foreignKeys = await queryRows<{ table: string; name: string; definition: string }>(
    handle.db,
    sql.raw(`SELECT c.conrelid::regclass::text AS "table", c.conname AS name, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
     WHERE c.contype = 'f' AND t.relname IN (${tables}) AND t.relnamespace = current_schema()::regnamespace
     ORDER BY 1, 2`),
  );
  const indexes = await queryRows<{ table: string; name: string; definition: string }>(
    handle.db,
    sql.raw(`SELECT i.tablename AS "table", i.indexname AS name, i.indexdef AS definition
     FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename IN (${tables})
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))
     ORDER BY 1, 2`),
  );
  for (const fk of foreignKeys) {
    await handle.db.execute(sql.raw(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${quoteIdent(fk.name)}`));
  }
  for (const index of indexes) await handle.db.execute(sql.raw(`DROP INDEX ${quoteIdent(index.name)}`));
  return { indexes, foreignKeys };
}

export async function restoreIndexesAndForeignKeys(
  handle: DatabaseHandle,
  deferred: Deferred,
): Promise<void> {
  // One after the other: the seed is one transaction, so one connection builds them all.
  for (const index of deferred.indexes) await handle.db.execute(sql.raw(index.definition));
  for (const fk of deferred.foreignKeys) {
    await handle.db.execute(
      sql.raw(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.definition}`),
    );
  }
}
