/**
 * The import pipeline's reads and writes, a chunk at a time inside the import's one transaction. Rows travel to the
 * database as one JSON parameter per statement (`json_to_recordset`), which both engines take without array
 * parameter quirks. The installations' rollups change in the same statement as the installations, set-based
 * (db/migrations/0006_imports_sql.sql), rather than by the row trigger every other writer uses.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { InstallationStatus, InstallationType, MeterState, StageId } from '@/lib/rules/types';
import type { MeterPoints } from './rows';

export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export async function rows<T>(tx: Tx | Database, query: SQL): Promise<T[]> {
  const result: unknown = await tx.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** An installation as the pipeline reads and changes it. */
export interface InstallationState {
  id: number;
  mpan: string | null;
  mprn: string | null;
  electricitySupplierId: number | null;
  gasSupplierId: number | null;
  electricityState: MeterState | null;
  gasState: MeterState | null;
  installationType: InstallationType;
  /** Two different Responsible Suppliers (MAM): its MAs belong in the week the MCC designates. */
  splitSupply: boolean;
  stage: StageId;
  status: InstallationStatus;
  migrationWeek: string | null;
  migrateOn: string | null;
  attemptCount: number;
  lastCode: string | null;
  lastFailedStep: string | null;
  priority: boolean;
  toBeCommissionedByDcc: boolean;
  /** The MCC excluded it at triage (MEHRS 4): read as "blocked from being migrated" (MA017). */
  blocked: boolean;
  changed: boolean;
}

export interface InstallationIndex {
  byMpan: Map<string, InstallationState>;
  byMprn: Map<string, InstallationState>;
}

const DATE = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD')`);

/**
 * `= ANY(…)` of a JSON list: two index lookups OR-ed together. The `IN (SELECT …)` it replaces made PostgreSQL scan
 * every installation for each chunk (hashed subplans under OR), minutes for a 1,000,000-row file.
 */
const anyOf = (values: readonly string[]) =>
  sql`ANY(ARRAY(SELECT json_array_elements_text(${JSON.stringify(values)}::json)))`;

/** The installations a chunk of rows names, by MPAN and by MPRN. */
export async function loadInstallations(tx: Tx, points: readonly MeterPoints[]): Promise<InstallationIndex> {
  const mpans = [...new Set(points.map((p) => p.mpan).filter((v): v is string => v !== null))];
  const mprns = [...new Set(points.map((p) => p.mprn).filter((v): v is string => v !== null))];
  const found = await rows<Omit<InstallationState, 'changed'> & { id: string | number }>(
    tx,
    sql`SELECT i.id, i.mpan, i.mprn, i.electricity_supplier_id AS "electricitySupplierId",
          i.gas_supplier_id AS "gasSupplierId", i.electricity_state AS "electricityState",
          i.gas_state AS "gasState", i.installation_type AS "installationType",
          i.split_supply AS "splitSupply", i.stage, i.status,
          ${DATE('i.migration_week')} AS "migrationWeek", ${DATE('i.migrate_on')} AS "migrateOn",
          i.attempt_count AS "attemptCount", i.last_code AS "lastCode", i.last_failed_step AS "lastFailedStep",
          i.priority, i.to_be_commissioned_by_dcc AS "toBeCommissionedByDcc",
          EXISTS (SELECT 1 FROM triage_decisions t WHERE t.installation_id = i.id AND t.decision = 'exclude')
            AS blocked
        FROM installations i
        WHERE i.mpan = ${anyOf(mpans)} OR i.mprn = ${anyOf(mprns)}`,
  );
  const index: InstallationIndex = { byMpan: new Map(), byMprn: new Map() };
  for (const row of found) {
    const state: InstallationState = { ...row, id: Number(row.id), changed: false };
    if (state.mpan) index.byMpan.set(state.mpan, state);
    if (state.mprn) index.byMprn.set(state.mprn, state);
  }
  return index;
}

/**
 * The published split-supply designations of these installations, oldest first (what both suppliers were told):
 * installation id → its designated Migration Weeks.
 */
export async function publishedDesignations(
  tx: Tx,
  installationIds: readonly number[],
): Promise<Map<number, string[]>> {
  const weeks = new Map<number, string[]>();
  if (installationIds.length === 0) return weeks;
  const found = await rows<{ installationId: string | number; week: string }>(
    tx,
    sql`SELECT d.installation_id AS "installationId", ${DATE('d.migration_week')} AS week
        FROM split_supply_designations d
        WHERE d.installation_id IN (SELECT json_array_elements_text(${JSON.stringify(installationIds)}::json)::bigint)
          AND EXISTS (SELECT 1 FROM split_supply_publication_items p WHERE p.designation_id = d.id)
        ORDER BY d.id`,
  );
  for (const { installationId, week } of found) {
    const id = Number(installationId);
    weeks.set(id, [...(weeks.get(id) ?? []), week]);
  }
  return weeks;
}

export type Resolved =
  | { ok: true; installation: InstallationState }
  | { ok: false; column: 'mpan' | 'mprn'; message: string };

/** The one installation a row names; both meter points, when given, must name the same one. */
export function resolve(index: InstallationIndex, points: MeterPoints): Resolved {
  const byMpan = points.mpan ? index.byMpan.get(points.mpan) : undefined;
  const byMprn = points.mprn ? index.byMprn.get(points.mprn) : undefined;
  if (points.mpan && !byMpan)
    return { ok: false, column: 'mpan', message: `No installation has MPAN ${points.mpan}.` };
  if (points.mprn && !byMprn)
    return { ok: false, column: 'mprn', message: `No installation has MPRN ${points.mprn}.` };
  if (byMpan && byMprn && byMpan !== byMprn)
    return {
      ok: false,
      column: 'mprn',
      message: `MPAN ${points.mpan} and MPRN ${points.mprn} belong to different installations.`,
    };
  const installation = byMpan ?? byMprn;
  if (!installation) return { ok: false, column: 'mpan', message: 'An MPAN or an MPRN is required.' };
  return { ok: true, installation };
}

export interface EventInsert {
  installationId: number;
  attempt: number;
  stage: StageId;
  status: InstallationStatus;
  code: string | null;
  failedStep: string | null;
  scenario: string | null;
  note: string | null;
}

/** Writes a chunk's changed installations and their new events (the trigger keeps the rollups in step). */
export async function flushInstallations(
  tx: Tx,
  changed: readonly InstallationState[],
  events: readonly EventInsert[],
  at: Date,
): Promise<void> {
  if (changed.length > 0) {
    const payload = changed.map((s) => ({
      id: s.id,
      stage: s.stage,
      status: s.status,
      migration_week: s.migrationWeek,
      migrate_on: s.migrateOn,
      attempt_count: s.attemptCount,
      last_code: s.lastCode,
      last_failed_step: s.lastFailedStep,
      priority: s.priority,
      tbc: s.toBeCommissionedByDcc,
    }));
    // One statement changes the installations and their rollups: `old` reads the rows as they were (every part of
    // a WITH sees the same snapshot), `moved` as they become, and the difference goes into installation_rollups
    // exactly as installation_rollup_apply would have put it row by row (db/migrations/0003_rollups_all_weeks.sql).
    await tx.execute(sql`SELECT set_config('mcc.rollups_by_statement', 'on', true)`);
    await tx.execute(sql`
      WITH u AS (
        SELECT * FROM json_to_recordset(${JSON.stringify(payload)}::json) AS u(
          id bigint, stage text, status text, migration_week date, migrate_on date, attempt_count smallint,
          last_code text, last_failed_step text, priority boolean, tbc boolean)
      ),
      old AS (
        SELECT i.stage, i.status, i.group_id, i.installation_type, i.migration_week, i.last_code,
          i.electricity_supplier_id, i.gas_supplier_id, -1 AS delta
        FROM installations i JOIN u ON i.id = u.id
      ),
      moved AS (
        UPDATE installations AS i SET
          stage = u.stage::stage, status = u.status::installation_status, migration_week = u.migration_week,
          migrate_on = u.migrate_on, attempt_count = u.attempt_count, last_code = u.last_code,
          last_failed_step = u.last_failed_step, priority = u.priority, to_be_commissioned_by_dcc = u.tbc,
          last_changed_at = ${at.toISOString()}::timestamptz
        FROM u WHERE i.id = u.id
        RETURNING i.stage, i.status, i.group_id, i.installation_type, i.migration_week, i.last_code,
          i.electricity_supplier_id, i.gas_supplier_id, 1 AS delta
      ),
      changes AS (SELECT * FROM old UNION ALL SELECT * FROM moved)
      INSERT INTO installation_rollups AS ir
        (supplier_id, stage, status, group_id, installation_type, migration_week, last_code, count)
      SELECT s.scope, c.stage, c.status, c.group_id, c.installation_type, w.week, coalesce(c.last_code, ''),
        sum(c.delta)
      FROM changes c
      CROSS JOIN LATERAL (SELECT 0 AS scope UNION SELECT c.electricity_supplier_id UNION SELECT c.gas_supplier_id) s
      CROSS JOIN LATERAL (VALUES (coalesce(c.migration_week, DATE '1970-01-01')), (DATE '9999-12-31')) w (week)
      WHERE s.scope IS NOT NULL
      GROUP BY s.scope, c.stage, c.status, c.group_id, c.installation_type, w.week, coalesce(c.last_code, '')
      HAVING sum(c.delta) <> 0
      ON CONFLICT (supplier_id, stage, status, group_id, installation_type, migration_week, last_code)
      DO UPDATE SET count = ir.count + EXCLUDED.count`);
  }
  if (events.length > 0) {
    await tx.execute(sql`
      INSERT INTO installation_events
        (installation_id, attempt, occurred_at, stage, status, code, failed_step, scenario, note)
      SELECT e."installationId", e.attempt, ${at.toISOString()}::timestamptz, e.stage::stage,
        e.status::installation_status, e.code, e."failedStep", e.scenario, e.note
      FROM json_to_recordset(${JSON.stringify(events)}::json) AS e(
        "installationId" bigint, attempt smallint, stage text, status text, code text, "failedStep" text,
        scenario text, note text)`);
  }
}
