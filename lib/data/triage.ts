import 'server-only';
import { and, asc, eq, inArray, ne, type SQL, sql, sum } from 'drizzle-orm';
import { type Database, queryRows } from '@/db/client';
import { installationRollups, parties, triageDecisions, users } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import type { TriageFilter, TriageListQuery } from '@/lib/filters/triage';
import { describeCode } from '@/lib/rules/codes';
import { TRIAGE_DEFAULTS, type TriageConfig } from '@/lib/rules/config';
import { stage as stageInfo } from '@/lib/rules/stages';
import {
  dormantTriageAdvice,
  TRIAGE_DECISIONS,
  type TriageAdvice,
  type TriageableType,
  type TriageDecision,
} from '@/lib/rules/triage';
import type { GroupId, InstallationStatus, StageId } from '@/lib/rules/types';
import { addMigrationWeeks, type IsoDate } from '@/lib/rules/weeks';
import { rollupScope, triageVisibleTo, withViewerScope } from './scope';
import {
  type AdviceGroup,
  adviceClause,
  adviceGroups,
  CURRENT_DECISION_LATERAL,
  epochMs,
  triageClauses,
} from './triage-sql';

export const TRIAGE_PAGE_SIZE = 50;

/** The decision that currently holds an installation out of the queue. */
export interface CurrentDecision {
  id: number;
  decision: TriageDecision;
  decidedAt: string;
  decidedBy: string | null;
  awaitedSmsoAction: string | null;
  contactedParty: string | null;
  contactedAt: string | null;
  supplierAnswer: string | null;
  reason: string;
}

/** One row of the queue: the installation, its last failure, and the rules' advice. */
export interface TriageRow {
  id: number;
  label: string;
  mpan: string | null;
  mprn: string | null;
  groupId: GroupId;
  smso: string;
  type: TriageableType;
  status: InstallationStatus;
  failedAt: string;
  lastCode: string | null;
  lastFailedStep: string | null;
  failureStage: string;
  failureMeaning: string | null;
  attempts: number;
  lastMigrationWeek: string | null;
  current: CurrentDecision | null;
  advice: TriageAdvice;
}

export interface TriageCounts {
  total: number;
  byAdvice: Record<TriageDecision, number>;
}

export interface TriageQueue {
  counts: TriageCounts;
  rows: TriageRow[];
  nextCursor: string | null;
}

interface RawRow {
  id: string | number;
  mpan: string | null;
  mprn: string | null;
  group_id: GroupId;
  smso: string;
  type: TriageableType;
  status: InstallationStatus;
  stage: StageId;
  attempt_count: number;
  last_code: string | null;
  last_failed_step: string | null;
  migration_week: string | null;
  failed_ms: number;
  sort_value: string;
  cur_id: number | null;
  cur_decision: TriageDecision | null;
  decided_ms: number | null;
  decided_by: string | null;
  awaited_smso_action: string | null;
  contacted_party: string | null;
  contacted_ms: number | null;
  supplier_answer: string | null;
  reason: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

function toRow(r: RawRow, pending: boolean, now: Date): TriageRow {
  const code = r.last_code;
  const described = code ? describeCode(code) : null;
  const current: CurrentDecision | null =
    r.cur_id !== null && r.cur_decision !== null
      ? {
          id: Number(r.cur_id),
          decision: r.cur_decision,
          decidedAt: iso(r.decided_ms) ?? '',
          decidedBy: r.decided_by,
          awaitedSmsoAction: r.awaited_smso_action,
          contactedParty: r.contacted_party,
          contactedAt: iso(r.contacted_ms),
          supplierAnswer: r.supplier_answer,
          reason: r.reason ?? '',
        }
      : null;
  return {
    id: Number(r.id),
    label: r.mpan ?? r.mprn ?? String(r.id),
    mpan: r.mpan,
    mprn: r.mprn,
    groupId: r.group_id,
    smso: r.smso,
    type: r.type,
    status: r.status,
    failedAt: iso(r.failed_ms) ?? '',
    lastCode: code,
    lastFailedStep: r.last_failed_step,
    failureStage: stageInfo(described?.stage ?? r.stage).label,
    failureMeaning: described ? described.description : null,
    attempts: r.attempt_count,
    lastMigrationWeek: r.migration_week,
    current,
    advice: dormantTriageAdvice(
      {
        installationType: r.type,
        lastFailureCode: code,
        lastFailedStep: r.last_failed_step,
        smsoActionPending: pending || current?.decision === 'await-smso',
        lastMigrationWeek: r.migration_week,
      },
      Math.max(1, r.attempt_count),
      now,
    ),
  };
}

const SORT_COLUMNS = {
  failed: { column: sql.raw('"installations"."last_changed_at"'), cast: 'timestamptz' },
  attempts: { column: sql.raw('"installations"."attempt_count"'), cast: 'integer' },
} as const;

function encodeCursor(value: string, id: number): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): [string, number] | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && Number.isSafeInteger(parsed[1])) {
      return [parsed[0], Number(parsed[1])];
    }
  } catch {
    // A forged or stale cursor restarts from the first page.
  }
  return null;
}

/** Exported for the benchmark: a cursor deep into the queue without paging there. */
export function triageCursor(sortValue: string, id: number): string {
  return encodeCursor(sortValue, id);
}

export function countsFrom(groups: readonly AdviceGroup[]): TriageCounts {
  const byAdvice = Object.fromEntries(TRIAGE_DECISIONS.map((d) => [d, 0])) as Record<TriageDecision, number>;
  let total = 0;
  for (const g of groups) {
    byAdvice[g.advice] += g.n;
    total += g.n;
  }
  return { total, byAdvice };
}

function selectRows(db: Database, where: SQL | undefined, tail: SQL, sortColumn: SQL = sql`1`) {
  return queryRows<RawRow>(
    db,
    sql`SELECT "installations"."id", "installations"."mpan", "installations"."mprn", "installations"."group_id",
          smso.name AS smso, "installations"."installation_type" AS type, "installations"."status",
          "installations"."stage", "installations"."attempt_count", "installations"."last_code",
          "installations"."last_failed_step", "installations"."migration_week"::text AS migration_week,
          ${sql.raw(epochMs('"installations"."last_changed_at"'))} AS failed_ms,
          (${sortColumn})::text AS sort_value,
          cur.id AS cur_id, cur.decision AS cur_decision, cur.decided_ms, cur.decided_by, cur.awaited_smso_action,
          cur.contacted_party, cur.contacted_ms, cur.supplier_answer, cur.reason
        FROM "installations" JOIN parties smso ON smso.id = "installations"."smso_party_id"
        ${CURRENT_DECISION_LATERAL}
        WHERE ${where ?? sql`true`} ${tail}`,
  );
}

/** The rows' WHERE: the filter, and the advice as a predicate over the advised groups. */
export function queueWhere(viewer: Viewer, filter: TriageFilter, groups: readonly AdviceGroup[]): SQL[] {
  const clauses = triageClauses(viewer, filter);
  if (filter.advice) clauses.push(adviceClause(groups, filter.advice));
  return clauses;
}

/**
 * MEHRS 4: the dormant triage queue (or one of the decided states), oldest failure first, with counts by advice
 * over the whole filter (the advice filter aside).
 */
export async function getTriageQueue(
  viewer: Viewer,
  query: TriageListQuery,
  now: Date = new Date(),
): Promise<TriageQueue> {
  return withViewerScope(viewer, async (db) => {
    const groups = await adviceGroups(db, viewer, { ...query, advice: undefined }, now);
    const clauses = queueWhere(viewer, query, groups);
    const sort = SORT_COLUMNS[query.sort];
    const after = decodeCursor(query.cursor);
    if (after) {
      const value = sql`${after[0]}::${sql.raw(sort.cast)}`;
      const op = sql.raw(query.dir === 'desc' ? '<' : '>');
      clauses.push(sql`(${sort.column}, "installations"."id") ${op} (${value}, ${after[1]})`);
    }
    const dir = sql.raw(query.dir === 'desc' ? 'DESC' : 'ASC');
    const raw = await selectRows(
      db,
      and(...clauses),
      sql`ORDER BY ${sort.column} ${dir}, "installations"."id" ${dir} LIMIT ${TRIAGE_PAGE_SIZE + 1}`,
      sort.column,
    );
    const page = raw.slice(0, TRIAGE_PAGE_SIZE);
    const last = page.at(-1);
    return {
      counts: countsFrom(groups),
      rows: page.map((r) => toRow(r, query.state === 'await-smso', now)),
      nextCursor:
        raw.length > TRIAGE_PAGE_SIZE && last ? encodeCursor(last.sort_value, Number(last.id)) : null,
    };
  });
}

/** The overview's backlog panel: how many failed dormant installations await a decision, and since when. */
export async function getTriageBacklog(
  viewer: Viewer,
): Promise<{ count: number; oldestFailedAt: string | null }> {
  return withViewerScope(viewer, async (db) => {
    const filter = { state: 'undecided' } as const;
    // The count from the rollup; the oldest failure is the first row of the queue's own index.
    const [groups, [row]] = await Promise.all([
      adviceGroups(db, viewer, filter, new Date()),
      queryRows<{ oldest: number | null }>(
        db,
        sql`SELECT ${sql.raw(epochMs('min("installations"."last_changed_at")'))} AS oldest
            FROM "installations" WHERE ${and(...triageClauses(viewer, filter))}`,
      ),
    ]);
    return { count: countsFrom(groups).total, oldestFailedAt: iso(row?.oldest ?? null) };
  });
}

/** A Migration Week the picker offers, with what is already in it against the week's capacity. */
export interface WeekOption {
  week: IsoDate;
  scheduled: number;
  capacity: number;
}

/**
 * The valid Migration Weeks from `earliest` (Mondays only), each with the installations with a Dormant Meter already
 * planned into it, read from the rollups (exact, constant cost).
 */
export async function getWeekOptions(
  viewer: Viewer,
  earliest: IsoDate,
  config: TriageConfig = TRIAGE_DEFAULTS,
): Promise<WeekOption[]> {
  return withViewerScope(viewer, async (db) => {
    const weeks = Array.from({ length: config.weeksOffered }, (_, n) => addMigrationWeeks(earliest, n));
    const r = installationRollups;
    const rows = await db
      .select({ week: r.migrationWeek, n: sum(r.count).mapWith(Number) })
      .from(r)
      .where(
        and(
          eq(r.supplierId, rollupScope(viewer)),
          inArray(r.migrationWeek, weeks),
          ne(r.installationType, 'active-only'),
        ),
      )
      .groupBy(r.migrationWeek);
    const byWeek = new Map(rows.map((row) => [row.week, row.n]));
    return weeks.map((week) => ({ week, scheduled: byWeek.get(week) ?? 0, capacity: config.weeklyCapacity }));
  });
}

/** The SMETS1 SMSOs, for the queue's SMSO filter (MCC only: triage.view). */
export async function listSmsoOptions(viewer: Viewer): Promise<{ id: number; name: string }[]> {
  if (!can(viewer, 'triage.view')) return [];
  return withViewerScope(viewer, async (db) => {
    return db
      .select({ id: parties.id, name: parties.name })
      .from(parties)
      .where(eq(parties.role, 'smso'))
      .orderBy(asc(parties.name));
  });
}

/** One decision in an installation's triage history, for the MCC. */
export interface TriageHistoryEntry {
  id: number;
  decidedAt: string;
  decidedBy: string | null;
  decision: TriageDecision;
  advice: TriageDecision | null;
  attempt: number | null;
  failureCode: string | null;
  failedStep: string | null;
  rescheduledWeek: string | null;
  reason: string;
  overruleReason: string | null;
  supersedesId: number | null;
  supplierVisible: boolean;
}

/**
 * One installation as triage sees it (any state, so a decided one shows its history), or null when it has no
 * Dormant Meter or the viewer may not triage it: callers answer both with the same 404.
 */
export async function getTriageInstallation(
  viewer: Viewer,
  id: number,
  now: Date = new Date(),
): Promise<{ row: TriageRow; awaiting: boolean; history: TriageHistoryEntry[] } | null> {
  return withViewerScope(viewer, async (db) => {
    const [raw] = await selectRows(
      db,
      and(
        eq(sql`"installations"."id"`, id),
        triageVisibleTo(viewer),
        sql`"installations"."installation_type" <> 'active-only'`,
      ),
      sql``,
    );
    if (!raw) return null;
    const history = await db
      .select({ d: triageDecisions, decidedBy: users.name })
      .from(triageDecisions)
      .leftJoin(users, eq(users.id, triageDecisions.decidedByUserId))
      .where(eq(triageDecisions.installationId, id))
      .orderBy(asc(triageDecisions.id));
    const row = toRow(raw, false, now);
    return {
      row,
      awaiting: (raw.status === 'failed' || raw.status === 'rolled-back') && row.current === null,
      history: history.map(({ d, decidedBy }) => ({
        id: d.id,
        decidedAt: d.decidedAt.toISOString(),
        decidedBy,
        decision: d.decision,
        advice: d.advice,
        attempt: d.attempt,
        failureCode: d.failureCode,
        failedStep: d.failedStep,
        rescheduledWeek: d.rescheduledWeek,
        reason: d.reason,
        overruleReason: d.overruleReason,
        supersedesId: d.supersedesId,
        supplierVisible: d.supplierVisible,
      })),
    };
  });
}
