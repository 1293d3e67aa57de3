import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
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
   * Runs `work` with a handle whose every statement, COPY and DDL included, is one transaction on one connection:
   * all of it commits, or (on an error, or the process killed) none of it does. For bulk work such as the seed;
   * the data layer composes its writes with `inTransaction` instead.
   */
  inOneTransaction<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T>;
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

/**
 * postgres-js's answers to a PostgreSQL outage (README "When things go wrong"): a connection attempt gives up after
 * a few seconds instead of 30, so a request fails fast with the "database unavailable" page rather than hanging; an
 * idle connection is closed after a minute and every connection is renewed within half an hour, so the pool never
 * keeps sockets a restart has silently broken. A broken connection is dropped and the next query opens a new one.
 */
const OUTAGE_OPTIONS = { connect_timeout: 5, idle_timeout: 60, max_lifetime: 30 * 60 } as const;

/** A handle over a postgres-js client, or over one of its transactions (then a nested transaction is the same). */
function postgresHandle(
  client: postgres.Sql | postgres.TransactionSql,
  close: () => Promise<void>,
  url: string,
) {
  const db = drizzlePostgres(client as postgres.Sql, { schema, casing: 'snake_case' });
  const handle: DatabaseHandle = {
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
    async inOneTransaction(work) {
      if (!('begin' in client)) return work(handle); // already one transaction
      // drizzle reads the type parsers from `options`, which a transaction's client shares with the pool's but lacks.
      return (await client.begin((tx) =>
        work(postgresHandle(Object.assign(tx, { options: client.options }), close, url)),
      )) as Awaited<ReturnType<typeof work>>;
    },
    async *copyCsvOut(query) {
      // Its own connection, closed afterwards: postgres-js can leave a pooled connection's socket paused after a
      // streamed COPY that the reader slowed down (backpressure), and the next query on it then never answers.
      const own = postgres(url, { onnotice: () => {}, max: 1, ...OUTAGE_OPTIONS });
      try {
        yield* await own.unsafe(`COPY (${query}) TO STDOUT WITH (FORMAT csv)`).readable();
      } finally {
        await own.end({ timeout: 1 });
      }
    },
    close,
  };
  return handle;
}

/** Opens a database and applies every pending migration, so both engines always run the same schema. */
export async function openDatabase(location: DatabaseLocation): Promise<DatabaseHandle> {
  if (location.url !== undefined) {
    const client = postgres(location.url, { onnotice: () => {}, max: 10, ...OUTAGE_OPTIONS });
    // A bounded end: postgres-js's end() never settles after a connection error (porsager/postgres#1097).
    const handle = postgresHandle(client, () => client.end({ timeout: 5 }), location.url);
    await migratePostgres(handle.db as unknown as PostgresJsDatabase<typeof schema>, {
      migrationsFolder: MIGRATIONS_FOLDER,
    });
    return handle;
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
    const handle: DatabaseHandle = {
      db: db as unknown as Database,
      engine: 'pglite',
      async copyCsv(table, columns, csv) {
        await client.query(copyStatement(table, columns, `'/dev/blob'`), [], { blob: new Blob([csv]) });
      },
      // One connection: every statement between BEGIN and COMMIT is in the transaction.
      async inOneTransaction(work) {
        if (client.isInTransaction()) return work(handle); // already one transaction
        await client.exec('BEGIN');
        try {
          const result = await work(handle);
          await client.exec('COMMIT');
          return result;
        } catch (error) {
          await client.exec('ROLLBACK');
          throw error;
        }
      },
      async close() {
        await client.close();
        lock?.release();
      },
    };
    return handle;
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

type ReadGlobal = typeof globalThis & { __mccReadDatabase?: Promise<Database> };

/**
 * The handle for dashboard reads: a read replica when DATABASE_READ_URL is set (a PostgreSQL deployment past one
 * server, docs/performance.md), otherwise the primary. It is never migrated (the replica follows the primary) and
 * must never be written to; a read that must see the caller's own write (a page after a decision) uses getDb().
 */
export async function getReadDb(): Promise<Database> {
  const url = process.env.DATABASE_READ_URL;
  if (!url || !process.env.DATABASE_URL) return getDb();
  if (openTransaction.getStore()) {
    throw new Error('getReadDb() was called inside a transaction: pass the transaction down instead.');
  }
  const g = globalThis as ReadGlobal;
  g.__mccReadDatabase ??= Promise.resolve(
    drizzlePostgres(postgres(url, { onnotice: () => {}, max: 10 }), { schema, casing: 'snake_case' }),
  ) as unknown as Promise<Database>;
  return g.__mccReadDatabase;
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

/**
 * The role viewer-scoped work runs as: neither owner nor superuser, so the row-level security policies of
 * db/migrations/0023_row_level_security.sql apply (docs/decisions/0014-row-level-security.md).
 */
export const ROW_SCOPED_ROLE = 'mcc_app';

/** A viewer's row scope as the policies read it from `mcc.viewer_party`: 'all', or a supplier party's id. */
export type RowScope = 'all' | `${number}`;

const openRowScope = new AsyncLocalStorage<{ tx: Transaction; scope: RowScope }>();

/**
 * Runs `work` as the row-scoped role with `scope` set for the transaction, in the caller's transaction or a new
 * one. A data function called from another one shares its transaction (PGlite has one connection); a caller's
 * transaction gets its own role back afterwards, so the owner's writes that follow still run. `replica` opens a new
 * transaction on the read handle (getReadDb: DATABASE_READ_URL when set).
 */
export async function inRowScope<T>(
  scope: RowScope,
  tx: Transaction | undefined,
  work: (tx: Transaction) => Promise<T>,
  source: 'primary' | 'replica' = 'primary',
): Promise<T> {
  const open = openRowScope.getStore();
  if (open) {
    if (open.scope !== scope)
      throw new Error(`Row scope ${scope} was opened inside row scope ${open.scope}.`);
    return work(open.tx);
  }
  const begin = (run: (scopedTx: Transaction) => Promise<T>) =>
    source === 'replica' && !tx
      ? getReadDb().then((db) => db.transaction((newTx) => openTransaction.run(true, () => run(newTx))))
      : inTransaction(tx, run);
  return begin(async (scopedTx) => {
    await scopedTx.execute(
      sql`select set_config('role', ${ROW_SCOPED_ROLE}, true), set_config('mcc.viewer_party', ${scope}, true)`,
    );
    const result = await openRowScope.run({ tx: scopedTx, scope }, () => work(scopedTx));
    if (tx)
      await scopedTx.execute(
        sql`select set_config('role', 'none', true), set_config('mcc.viewer_party', '', true)`,
      );
    return result;
  });
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
