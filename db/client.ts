import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { acquireDataDirLock } from './lock';
import * as schema from './schema';

/** Both engines' Drizzle databases share this type: one query layer for PGlite and PostgreSQL. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  engine: Engine;
  /** Bulk-load CSV text (no header) into a table with COPY: ~10x faster than INSERT on both engines. */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
  /**
   * PostgreSQL only: the CSV of `COPY (<query>) TO STDOUT WITH (FORMAT csv)` as it streams (exports; PGlite has no
   * streaming COPY out, so its exports read in batches).
   */
  copyCsvOut?(query: string): AsyncIterable<Uint8Array>;
  close(): Promise<void>;
}

/** postgres://… selects PostgreSQL; otherwise a PGlite data directory, or 'memory://' for a throwaway one. */
export type DatabaseLocation = { url: string; dataDir?: undefined } | { dataDir: string; url?: undefined };

const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

/** The folder for the embedded database and its companions (lock, auth secret): MCC_DATA_DIR or `.data`. */
export function dataRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.MCC_DATA_DIR || '.data';
}

/** Where the app's database lives, from the environment (README "Configuration"). */
export function locationFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseLocation {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dataDir: path.join(dataRoot(env), 'pglite') };
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function copyStatement(table: string, columns: readonly string[], source: string): string {
  return `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM ${source} WITH (FORMAT csv)`;
}

/** Opens a database and applies every pending migration, so both engines always run the same schema. */
export async function openDatabase(location: DatabaseLocation): Promise<DatabaseHandle> {
  if (location.url !== undefined) {
    const { url } = location;
    const client = postgres(url, { onnotice: () => {}, max: 10 });
    const db = drizzlePostgres(client, { schema, casing: 'snake_case' });
    await migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      db: db as unknown as Database,
      engine: 'postgres',
      async copyCsv(table, columns, csv) {
        const writable = await client.unsafe(copyStatement(table, columns, 'STDIN')).writable();
        await new Promise<void>((resolve, reject) => {
          writable.on('error', reject);
          writable.on('finish', resolve);
          writable.end(csv);
        });
      },
      async *copyCsvOut(query) {
        // Its own connection, closed afterwards: postgres-js can leave a pooled connection's socket paused after a
        // streamed COPY that the reader slowed down (backpressure), and the next query on it then never answers.
        const own = postgres(url, { onnotice: () => {}, max: 1 });
        try {
          yield* await own.unsafe(`COPY (${query}) TO STDOUT WITH (FORMAT csv)`).readable();
        } finally {
          await own.end({ timeout: 1 });
        }
      },
      close: () => client.end(),
    };
  }

  const { dataDir } = location;
  const inMemory = dataDir.startsWith('memory://');
  // PGlite has no lock of its own: a second process opening the directory silently corrupts it.
  const lock = inMemory ? undefined : acquireDataDirLock(dataDir);
  try {
    if (!inMemory)
      fs.mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ dataDir)), { recursive: true });
    const client = await PGlite.create(inMemory ? undefined : dataDir);
    const db = drizzlePglite(client, { schema, casing: 'snake_case' });
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      db: db as unknown as Database,
      engine: 'pglite',
      async copyCsv(table, columns, csv) {
        await client.query(copyStatement(table, columns, `'/dev/blob'`), [], { blob: new Blob([csv]) });
      },
      async close() {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

type Global = typeof globalThis & { __mccDatabase?: Promise<DatabaseHandle> };

/**
 * The process-wide database. Kept on globalThis (one promise): a module variable would give one PGlite
 * per route bundle under `next start` and one per hot reload under `next dev` (docs/engineering.md).
 */
export function getDatabase(): Promise<DatabaseHandle> {
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    // A page that reads data must be dynamic; opening the database at build time would freeze data into HTML.
    return Promise.reject(new Error('The database must not be opened during `next build`.'));
  }
  const g = globalThis as Global;
  g.__mccDatabase ??= openDatabase(locationFromEnv()).catch((error: unknown) => {
    g.__mccDatabase = undefined;
    throw error;
  });
  return g.__mccDatabase;
}

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Marks the async context of an open transaction, so a stray getDb() inside it fails loudly on both engines. */
const openTransaction = new AsyncLocalStorage<true>();

export async function getDb(): Promise<Database> {
  if (openTransaction.getStore()) {
    // On PGlite (one connection) this would wait for the transaction that is waiting for it: a deadlock that
    // PostgreSQL's pool hides, so CI would never see it. Refuse it everywhere instead.
    throw new Error('getDb() was called inside a transaction: pass the transaction down instead.');
  }
  return (await getDatabase()).db;
}

/**
 * Runs `work` in the caller's transaction when there is one, or in a new one: data-layer writes take an optional
 * `tx` and call this, so a use case with several writes composes them into one commit.
 */
export async function inTransaction<T>(tx: Transaction | undefined, work: (tx: Transaction) => Promise<T>) {
  if (tx) return work(tx);
  const db = await getDb();
  return db.transaction((newTx) => openTransaction.run(true, () => work(newTx)));
}

/** Makes an already-open database the process-wide one (tests and CLIs that open their own). */
export function setDatabase(handle: DatabaseHandle): void {
  (globalThis as Global).__mccDatabase = Promise.resolve(handle);
}

/** Raw SQL rows on either engine (PGlite answers `{ rows }`, postgres-js an array). */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
