/**
 * Loads the demo migration into an empty database with COPY (docs/engineering.md: ≈9× multi-row INSERT), chunk by chunk
 * so memory stays bounded whatever the size. The installation rollup trigger is off during the load and the rollups
 * are rebuilt with one GROUP BY afterwards (db/migrations/0001_triggers.sql); ids are explicit, then every identity
 * sequence is moved past them so the application's own inserts never collide. The whole seed is one transaction:
 * interrupted (Ctrl-C, kill -9, a full disk), it leaves the database exactly as empty as it found it, indexes,
 * foreign keys and triggers included, so the next start simply seeds again.
 */
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { parties } from '@/db/schema';
import { deferIndexesAndForeignKeys, restoreIndexesAndForeignKeys } from './bulk-load';
import {
  ChunkCsv,
  copyIncidents,
  DEMAND_COLUMNS,
  demandCsv,
  loadChunk,
  PARTY_COLUMNS,
  partyCsv,
} from './csv';
import { seedDemoUsers } from './demo-users';
import { DemoGenerator } from './generate';
import { DEFAULT_CHUNK_SIZE } from './shape';
import { seedSplitSupplyCalendar } from './split-supply';

/** Demo size: big enough to look real, small enough to seed PGlite in seconds (README). */
export const DEFAULT_DEMO_INSTALLATIONS = 60_000;

interface SeedOptions {
  installations: number;
  seed: number;
  now: Date;
  log?: (message: string) => void;
  /** Installations per COPY batch. */
  chunkSize?: number;
}

interface SeedSummary {
  parties: number;
  users: number;
  installations: number;
  installationEvents: number;
  migrationAuthorisations: number;
  triageDecisions: number;
  weeklyDemand: number;
  incidents: number;
  milliseconds: number;
}

/** Every table whose id is an identity column, so its sequence can be moved past the explicit ids. */
const IDENTITY_TABLES = [
  'parties',
  'installations',
  'installation_events',
  'migration_authorisations',
  'triage_decisions',
  'incidents',
  'incident_events',
  'incident_notes',
] as const;

/** Installations generated between two turns of the event loop, so COPY data already sent keeps flowing. */
const GENERATION_SLICE = 1_000;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** True once the database holds any party: the seed (or real data) has been loaded. */
export async function isSeeded(handle: DatabaseHandle): Promise<boolean> {
  const rows = await handle.db.select({ id: parties.id }).from(parties).limit(1);
  return rows.length > 0;
}

function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

interface LoadCounts {
  installations: number;
  events: number;
  authorisations: number;
  triage: number;
}

/** The per-row rollup triggers a bulk load stands aside from; the rollups are rebuilt set-based afterwards. */
const ROLLUP_TRIGGERS = [
  ['installations', 'installations_rollup'],
  ['installations', 'triage_rollup_insert'],
  ['migration_authorisations', 'authorisations_rollup'],
  ['installation_events', 'installation_events_outcome_rollup'],
  ['triage_decisions', 'triage_decisions_state'],
] as const;

async function setRollupTriggers(handle: DatabaseHandle, action: 'ENABLE' | 'DISABLE'): Promise<void> {
  for (const [table, trigger] of ROLLUP_TRIGGERS) {
    await handle.db.execute(sql.raw(`ALTER TABLE ${table} ${action} TRIGGER ${trigger}`));
  }
}

/**
 * Streams every installation chunk into the bulk tables, with their indexes, foreign keys and rollup trigger off.
 * A failed load needs no repair: the seed's transaction rolls the schema changes back with the rows.
 */
async function loadInstallations(
  handle: DatabaseHandle,
  generator: DemoGenerator,
  options: SeedOptions,
  log: (message: string) => void,
): Promise<LoadCounts> {
  const counts: LoadCounts = { installations: 0, events: 0, authorisations: 0, triage: 0 };
  await setRollupTriggers(handle, 'DISABLE');
  const deferred = await deferIndexesAndForeignKeys(handle);
  let pending: Promise<void> = Promise.resolve();
  try {
    // Generate (and serialise) the next chunk while the database ingests the previous one. Generation yields to
    // the event loop every slice: the socket (postgres-js) only drains between turns.
    const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    let lastReport = Date.now();
    let csv = new ChunkCsv();
    const flush = async () => {
      await pending;
      pending = loadChunk(handle, csv);
      counts.installations += csv.count;
      counts.events += csv.eventCount;
      counts.authorisations += csv.authorisationCount;
      counts.triage += csv.triageCount;
      csv = new ChunkCsv();
      if (Date.now() - lastReport > 5_000) {
        lastReport = Date.now();
        log(`  ${formatCount(counts.installations)} of ${formatCount(options.installations)} installations…`);
      }
    };
    for (const slice of generator.chunks(Math.min(GENERATION_SLICE, chunkSize))) {
      csv.add(slice);
      if (csv.count >= chunkSize) await flush();
      await yieldToEventLoop();
    }
    if (csv.count > 0) await flush();
    await pending;
  } catch (error) {
    await pending.catch(() => {}); // the first error is the one to report; the transaction is lost either way
    throw error;
  }
  const restoring = Date.now();
  await restoreIndexesAndForeignKeys(handle, deferred);
  await setRollupTriggers(handle, 'ENABLE');
  log(`Indexes and foreign keys rebuilt in ${((Date.now() - restoring) / 1000).toFixed(1)} s.`);
  return counts;
}

/** Moves every identity sequence past the explicit ids, so the application's own inserts never collide. */
async function moveSequencesPastSeededIds(handle: DatabaseHandle): Promise<void> {
  for (const table of IDENTITY_TABLES) {
    await handle.db.execute(
      sql.raw(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce((SELECT max(id) FROM ${table}), 0) + 1, false)`,
      ),
    );
  }
}

/**
 * Loads the demo migration into an empty database, all or nothing (one transaction). Deterministic for
 * (installations, seed, now).
 */
export function seedDatabase(handle: DatabaseHandle, options: SeedOptions): Promise<SeedSummary> {
  return handle.inOneTransaction((tx) => loadDemo(tx, options));
}

async function loadDemo(handle: DatabaseHandle, options: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const generator = new DemoGenerator(options);

  await handle.copyCsv('parties', PARTY_COLUMNS, partyCsv(generator.parties.rows));
  const userCount = await seedDemoUsers(handle, generator.parties.suppliers);
  log(`Parties (${generator.parties.rows.length}) and demo users (${userCount}) loaded.`);

  const loaded = await loadInstallations(handle, generator, options, log);
  log(
    `Installations (${formatCount(loaded.installations)}), events (${formatCount(loaded.events)}), MAs ` +
      `(${formatCount(loaded.authorisations)}) and triage decisions (${formatCount(loaded.triage)}) loaded.`,
  );
  await handle.db.execute(sql.raw('SELECT rebuild_installation_rollups()'));
  await handle.db.execute(sql.raw('SELECT rebuild_installation_outcome_rollups()'));
  await handle.db.execute(sql.raw('SELECT rebuild_authorisation_rollups()'));
  await handle.db.execute(sql.raw('SELECT rebuild_triage_rollups()'));

  const demand = generator.weeklyDemand();
  await handle.copyCsv('weekly_demand', DEMAND_COLUMNS, demandCsv(demand));
  const capacity = generator.migrationCapacity();
  await handle.copyCsv(
    'migration_capacity',
    ['migration_week', 'capacity'],
    capacity.map((c) => `${c.migrationWeek},${c.capacity}\n`).join(''),
  );
  const incidents = generator.incidents();
  await copyIncidents(handle, incidents);
  log(
    `Rollups rebuilt; weekly demand (${demand.length}) and incidents (${incidents.incidents.length}) loaded.`,
  );
  const designations = await seedSplitSupplyCalendar(handle, options.now);
  log(`Split-supply calendar: ${designations} designations published.`);
  await moveSequencesPastSeededIds(handle);
  await handle.db.execute(sql.raw('ANALYZE'));

  return {
    parties: generator.parties.rows.length,
    users: userCount,
    installations: loaded.installations,
    installationEvents: loaded.events,
    migrationAuthorisations: loaded.authorisations,
    triageDecisions: loaded.triage,
    weeklyDemand: demand.length,
    incidents: incidents.incidents.length,
    milliseconds: Date.now() - started,
  };
}
