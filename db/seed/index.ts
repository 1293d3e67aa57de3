/**
 * Loads the demo migration into an empty database with COPY (ENGINEERING.md: ≈9× multi-row INSERT), chunk by chunk
 * so memory stays bounded whatever the size. The installation rollup trigger is off during the load and the rollups
 * are rebuilt with one GROUP BY afterwards (db/migrations/0001_triggers.sql); ids are explicit, then every identity
 * sequence is moved past them so the application's own inserts never collide.
 */
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { accounts, parties, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { DEMO_PASSWORD } from '@/lib/demo';
import {
  ADMIN_USER_ID,
  ANALYST_USER_ID,
  type AuthorisationRow,
  DEFAULT_CHUNK_SIZE,
  DemoGenerator,
  type IncidentBundle,
  type InstallationChunk,
  type InstallationEventRow,
  type InstallationRow,
  type PartyRow,
  supplierUserId,
  type TriageDecisionRow,
  type WeeklyDemandRow,
} from './generate';
import { seedSplitSupplyCalendar } from './split-supply';

/** Demo size: big enough to look real, small enough to seed PGlite in seconds (README). */
export const DEFAULT_DEMO_INSTALLATIONS = 60_000;

export interface SeedOptions {
  installations: number;
  seed: number;
  now: Date;
  log?: (message: string) => void;
  /** Installations per COPY batch. */
  chunkSize?: number;
}

export interface SeedSummary {
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

// ---------------------------------------------------------------------------------------------------------
// CSV (PostgreSQL's csv format: an unquoted empty field is NULL, a quoted one the empty string).
// ---------------------------------------------------------------------------------------------------------

/** Free text: always quoted, quotes doubled. */
function quoted(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

function text(value: string | null): string {
  return value === null ? '' : quoted(value);
}

/** Values we generate from fixed vocabularies (codes, enums, dates, digits): never contain , " or newlines. */
function plain(value: string | number | null): string {
  return value === null ? '' : String(value);
}

function bool(value: boolean): string {
  return value ? 't' : 'f';
}

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dayPrefixes = new Map<number, string>();

/**
 * An instant as ISO 8601 UTC ('2025-06-18T10:30:00Z'). Hot: a seed formats tens of millions, and a Date plus
 * toISOString per value dominated the profile, so the day part is cached and the rest is arithmetic.
 */
function time(ms: number | null): string {
  if (ms === null) return '';
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  let rest = Math.round(ms - day * DAY_MS);
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const fraction = millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`;
  return `${prefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}${fraction}Z`;
}

/** A text[] literal; our codes need no escaping inside it, but the literal's commas need CSV quoting. */
function textArray(values: readonly string[]): string {
  return values.length === 0 ? '{}' : `"{${values.join(',')}}"`;
}

const PARTY_COLUMNS = ['id', 'slug', 'name', 'role', 'sec_party_id'] as const;
function partyCsv(rows: readonly PartyRow[]): string {
  return rows
    .map((p) => `${p.id},${quoted(p.slug)},${quoted(p.name)},${p.role},${text(p.secPartyId)}\n`)
    .join('');
}

const INSTALLATION_COLUMNS = [
  'id',
  'mpan',
  'mprn',
  'group_id',
  'smso_party_id',
  'electricity_supplier_id',
  'gas_supplier_id',
  'electricity_state',
  'gas_state',
  'installation_type',
  'split_supply',
  'to_be_commissioned_by_dcc',
  'priority',
  'migration_week',
  'migrate_on',
  'stage',
  'status',
  'attempt_count',
  'last_code',
  'last_failed_step',
  'last_changed_at',
] as const;
function installationCsv(rows: readonly InstallationRow[]): string {
  const lines = new Array<string>(rows.length);
  let i = 0;
  for (const r of rows) {
    lines[i++] =
      `${r.id},${plain(r.mpan)},${plain(r.mprn)},${r.groupId},${r.smsoPartyId},${plain(r.electricitySupplierId)},` +
      `${plain(r.gasSupplierId)},${plain(r.electricityState)},${plain(r.gasState)},${r.installationType},` +
      `${bool(r.splitSupply)},${bool(r.toBeCommissionedByDcc)},${bool(r.priority)},${r.migrationWeek},${r.migrateOn},` +
      `${r.stage},${r.status},${r.attemptCount},${plain(r.lastCode)},${plain(r.lastFailedStep)},${time(r.lastChangedAt)}`;
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

const EVENT_COLUMNS = [
  'id',
  'installation_id',
  'attempt',
  'occurred_at',
  'stage',
  'status',
  'code',
  'failed_step',
  'scenario',
  'note',
] as const;
function eventCsv(rows: readonly InstallationEventRow[]): string {
  const lines = new Array<string>(rows.length);
  let i = 0;
  for (const e of rows) {
    lines[i++] =
      `${e.id},${e.installationId},${e.attempt},${time(e.occurredAt)},${e.stage},${e.status},${plain(e.code)},` +
      `${plain(e.failedStep)},${plain(e.scenario)},${text(e.note)}`;
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

const AUTHORISATION_COLUMNS = [
  'id',
  'installation_id',
  'authorising_party_id',
  'mpan',
  'mprn',
  'migration_week',
  'migrate_on',
  'received_at',
  'validation_status',
  'validation_codes',
  'completion_status',
  'completion_code',
  'completed_at',
] as const;
function authorisationCsv(rows: readonly AuthorisationRow[]): string {
  const lines = new Array<string>(rows.length);
  let i = 0;
  for (const a of rows) {
    lines[i++] =
      `${a.id},${a.installationId},${a.authorisingPartyId},${plain(a.mpan)},${plain(a.mprn)},${a.migrationWeek},` +
      `${a.migrateOn},${time(a.receivedAt)},${a.validationStatus},${textArray(a.validationCodes)},` +
      `${plain(a.completionStatus)},${plain(a.completionCode)},${time(a.completedAt)}`;
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

const TRIAGE_COLUMNS = [
  'id',
  'installation_id',
  'decided_at',
  'decided_by_user_id',
  'decision',
  'rescheduled_week',
  'reason',
] as const;
function triageCsv(rows: readonly TriageDecisionRow[]): string {
  return rows
    .map(
      (t) =>
        `${t.id},${t.installationId},${time(t.decidedAt)},${quoted(t.decidedByUserId)},${t.decision},` +
        `${plain(t.rescheduledWeek)},${quoted(t.reason)}\n`,
    )
    .join('');
}

const DEMAND_COLUMNS = ['supplier_id', 'migration_week', 'forecast', 'committed'] as const;
function demandCsv(rows: readonly WeeklyDemandRow[]): string {
  return rows.map((d) => `${d.supplierId},${d.migrationWeek},${d.forecast},${d.committed}\n`).join('');
}

function copyIfAny(
  handle: DatabaseHandle,
  table: string,
  columns: readonly string[],
  csv: string,
): Promise<void> {
  return csv.length > 0 ? handle.copyCsv(table, columns, csv) : Promise.resolve();
}

async function copyIncidents(handle: DatabaseHandle, bundle: IncidentBundle): Promise<void> {
  await copyIfAny(
    handle,
    'incidents',
    [
      'id',
      'reference',
      'scenario',
      'title',
      'description',
      'raised_by_party_id',
      'owner_party_id',
      'group_id',
      'category',
      'status',
      'raised_at',
      'resolved_at',
    ],
    bundle.incidents
      .map(
        (i) =>
          `${i.id},${i.reference},${i.scenario},${quoted(i.title)},${quoted(i.description)},${i.raisedByPartyId},` +
          `${i.ownerPartyId},${plain(i.groupId)},${i.category},${i.status},${time(i.raisedAt)},${time(i.resolvedAt)}\n`,
      )
      .join(''),
  );
  await copyIfAny(
    handle,
    'incident_events',
    ['id', 'incident_id', 'at', 'status', 'category', 'by_user_id', 'note'],
    bundle.events
      .map(
        (e) =>
          `${e.id},${e.incidentId},${time(e.at)},${e.status},${e.category},${text(e.byUserId)},${text(e.note)}\n`,
      )
      .join(''),
  );
  await copyIfAny(
    handle,
    'incident_interested_parties',
    ['incident_id', 'party_id'],
    bundle.interestedParties.map((p) => `${p.incidentId},${p.partyId}\n`).join(''),
  );
  await copyIfAny(
    handle,
    'incident_installations',
    ['incident_id', 'installation_id'],
    bundle.installations.map((p) => `${p.incidentId},${p.installationId}\n`).join(''),
  );
  await copyIfAny(
    handle,
    'incident_notes',
    ['id', 'incident_id', 'at', 'author_user_id', 'body'],
    bundle.notes
      .map((n) => `${n.id},${n.incidentId},${time(n.at)},${quoted(n.authorUserId)},${quoted(n.body)}\n`)
      .join(''),
  );
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

/** CSV for the four bulk tables, built up from small batches of installations. */
class ChunkCsv {
  installations: string[] = [];
  events: string[] = [];
  authorisations: string[] = [];
  triage: string[] = [];
  count = 0;
  eventCount = 0;
  authorisationCount = 0;
  triageCount = 0;

  add(chunk: InstallationChunk): void {
    this.installations.push(installationCsv(chunk.installations));
    this.events.push(eventCsv(chunk.events));
    this.authorisations.push(authorisationCsv(chunk.authorisations));
    this.triage.push(triageCsv(chunk.triageDecisions));
    this.count += chunk.installations.length;
    this.eventCount += chunk.events.length;
    this.authorisationCount += chunk.authorisations.length;
    this.triageCount += chunk.triageDecisions.length;
  }
}

/** The bulk tables' indexes and foreign keys are deferred during the load, so the four COPYs can run together. */
function loadChunk(handle: DatabaseHandle, csv: ChunkCsv): Promise<void> {
  return Promise.all([
    copyIfAny(handle, 'installations', INSTALLATION_COLUMNS, csv.installations.join('')),
    copyIfAny(handle, 'installation_events', EVENT_COLUMNS, csv.events.join('')),
    copyIfAny(handle, 'migration_authorisations', AUTHORISATION_COLUMNS, csv.authorisations.join('')),
    copyIfAny(handle, 'triage_decisions', TRIAGE_COLUMNS, csv.triage.join('')),
  ]).then(() => undefined);
}

/** Installations generated between two turns of the event loop, so COPY data already sent keeps flowing. */
const GENERATION_SLICE = 1_000;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

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

/** Raw query rows on either engine (PGlite's drizzle returns { rows }, postgres-js an array). */
async function queryRows<T>(handle: DatabaseHandle, query: string): Promise<T[]> {
  const result: unknown = await handle.db.execute(sql.raw(query));
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}

/**
 * PostgreSQL's "Populating a Database" advice: drop the bulk tables' secondary indexes and foreign keys, load, then
 * build them once (a sort and one join per key instead of a check and an index insert per row). Primary keys stay.
 * Read from the catalogue, so whatever the migrations define is restored exactly.
 */
async function deferIndexesAndForeignKeys(handle: DatabaseHandle): Promise<Deferred> {
  const tables = BULK_TABLES.map((t) => `'${t}'`).join(', ');
  const foreignKeys = await queryRows<{ table: string; name: string; definition: string }>(
    handle,
    `SELECT c.conrelid::regclass::text AS "table", c.conname AS name, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
     WHERE c.contype = 'f' AND t.relname IN (${tables}) AND t.relnamespace = current_schema()::regnamespace
     ORDER BY 1, 2`,
  );
  const indexes = await queryRows<{ table: string; name: string; definition: string }>(
    handle,
    `SELECT i.tablename AS "table", i.indexname AS name, i.indexdef AS definition
     FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename IN (${tables})
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))
     ORDER BY 1, 2`,
  );
  for (const fk of foreignKeys) {
    await handle.db.execute(sql.raw(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${quoteIdent(fk.name)}`));
  }
  for (const index of indexes) await handle.db.execute(sql.raw(`DROP INDEX ${quoteIdent(index.name)}`));
  return { indexes, foreignKeys };
}

async function restoreIndexesAndForeignKeys(handle: DatabaseHandle, deferred: Deferred): Promise<void> {
  // On PostgreSQL the pool builds them side by side; PGlite has one connection and runs them in turn.
  await Promise.all(deferred.indexes.map((index) => handle.db.execute(sql.raw(index.definition))));
  await Promise.all(
    deferred.foreignKeys.map((fk) =>
      handle.db.execute(
        sql.raw(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.definition}`),
      ),
    ),
  );
}

/** True once the database holds any party: the seed (or real data) has been loaded. */
export async function isSeeded(handle: DatabaseHandle): Promise<boolean> {
  const rows = await handle.db.select({ id: parties.id }).from(parties).limit(1);
  return rows.length > 0;
}

/**
 * The demo accounts (README "Demo accounts"): analyst@mcc.demo, admin@mcc.demo and <slug>@supplier.demo for every
 * supplier, all with the demo password, as better-auth credential accounts. Returns the number of users.
 */
export async function seedDemoUsers(
  handle: DatabaseHandle,
  suppliers: readonly { id: number; slug: string; name: string }[],
): Promise<number> {
  // One argon2id hash serves every demo account: hashing is deliberately slow (lib/auth/password.ts).
  const password = await hashPassword(DEMO_PASSWORD);
  const people = [
    {
      id: ANALYST_USER_ID,
      name: 'MCC Analyst',
      email: 'analyst@mcc.demo',
      role: 'analyst' as const,
      partyId: null,
    },
    {
      id: ADMIN_USER_ID,
      name: 'MCC Administrator',
      email: 'admin@mcc.demo',
      role: 'admin' as const,
      partyId: null,
    },
    ...suppliers.map((s) => ({
      id: supplierUserId(s.slug),
      name: `${s.name} (demo)`,
      email: `${s.slug}@supplier.demo`,
      role: 'supplier' as const,
      partyId: s.id,
    })),
  ];
  await handle.db.insert(users).values(people.map((p) => ({ ...p, emailVerified: true })));
  await handle.db.insert(accounts).values(
    people.map((p) => ({
      id: `account-${p.id}`,
      accountId: p.id,
      providerId: 'credential',
      userId: p.id,
      password,
    })),
  );
  return people.length;
}

function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

/** Loads the demo migration into an empty database. Deterministic for (installations, seed, now). */
export async function seedDatabase(handle: DatabaseHandle, options: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const generator = new DemoGenerator(options);
  const db = handle.db;

  await handle.copyCsv('parties', PARTY_COLUMNS, partyCsv(generator.parties.rows));
  const userCount = await seedDemoUsers(handle, generator.parties.suppliers);
  log(`Parties (${generator.parties.rows.length}) and demo users (${userCount}) loaded.`);

  let installations = 0;
  let events = 0;
  let authorisations = 0;
  let triage = 0;
  await db.execute(sql.raw('ALTER TABLE installations DISABLE TRIGGER installations_rollup'));
  await db.execute(sql.raw('ALTER TABLE migration_authorisations DISABLE TRIGGER authorisations_rollup'));
  const deferred = await deferIndexesAndForeignKeys(handle);
  let loaded = false;
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
      installations += csv.count;
      events += csv.eventCount;
      authorisations += csv.authorisationCount;
      triage += csv.triageCount;
      csv = new ChunkCsv();
      if (Date.now() - lastReport > 5_000) {
        lastReport = Date.now();
        log(`  ${formatCount(installations)} of ${formatCount(options.installations)} installations…`);
      }
    };
    for (const slice of generator.chunks(Math.min(GENERATION_SLICE, chunkSize))) {
      csv.add(slice);
      if (csv.count >= chunkSize) await flush();
      await yieldToEventLoop();
    }
    if (csv.count > 0) await flush();
    await pending;
    loaded = true;
  } finally {
    // Restored even after a failed load, so the schema is never left without its keys.
    if (!loaded) await pending.catch(() => {});
    const restoring = Date.now();
    await restoreIndexesAndForeignKeys(handle, deferred);
    await db.execute(sql.raw('ALTER TABLE installations ENABLE TRIGGER installations_rollup'));
    await db.execute(sql.raw('ALTER TABLE migration_authorisations ENABLE TRIGGER authorisations_rollup'));
    if (loaded) log(`Indexes and foreign keys rebuilt in ${((Date.now() - restoring) / 1000).toFixed(1)} s.`);
  }
  log(
    `Installations (${formatCount(installations)}), events (${formatCount(events)}), MAs ` +
      `(${formatCount(authorisations)}) and triage decisions (${formatCount(triage)}) loaded.`,
  );
  await db.execute(sql.raw('SELECT rebuild_installation_rollups()'));
  await db.execute(sql.raw('SELECT rebuild_authorisation_rollups()'));

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

  for (const table of IDENTITY_TABLES) {
    await db.execute(
      sql.raw(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce((SELECT max(id) FROM ${table}), 0) + 1, false)`,
      ),
    );
  }
  await db.execute(sql.raw('ANALYZE'));

  return {
    parties: generator.parties.rows.length,
    users: userCount,
    installations,
    installationEvents: events,
    migrationAuthorisations: authorisations,
    triageDecisions: triage,
    weeklyDemand: demand.length,
    incidents: incidents.incidents.length,
    milliseconds: Date.now() - started,
  };
}
