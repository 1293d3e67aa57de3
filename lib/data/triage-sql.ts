import 'server-only';
import { and, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '@/db/client';
import { installations, triageRollups } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import type { TriageFilter, TriageState } from '@/lib/filters/triage';
import { TRIAGE_DEFAULTS } from '@/lib/rules/config';
import { dormantTriageAdvice, type TriageableType, type TriageDecision } from '@/lib/rules/triage';
import { triageRollupScope, triageVisibleTo } from './scope';

// SQL shared by the triage reads and writes. Literal SQL (not parameters) where the planner must match the partial
// index installations_triage_queue_idx: a generic plan cannot prove a parameterised predicate implies it.

/** Failed installations with a Dormant Meter (MEHRS 4): the predicate of installations_triage_queue_idx. */
export const FAILED_DORMANT = sql.raw(
  `"installations"."status" IN ('failed', 'rolled-back') AND "installations"."installation_type" <> 'active-only'`,
);

/** An instant as epoch milliseconds: one representation on both engines' drivers. */
export function epochMs(column: string): string {
  return `(extract(epoch from ${column}) * 1000)::float8`;
}

/** A decision `d` is about the installation's current attempt (rows without an attempt: decided since its last change). */
// A reschedule without a week (the demo seed's, when the week was beyond its plan) moved nothing: it holds nothing.
// The database derives installations.current_triage_decision with the same test (current_triage_decision_of).
const FOR_CURRENT_ATTEMPT = `(d.attempt = "installations"."attempt_count" OR (d.attempt IS NULL AND d.decided_at >= "installations"."last_changed_at"))
  AND NOT (d.decision = 'reschedule' AND d.rescheduled_week IS NULL)`;
const NOT_SUPERSEDED = 'NOT EXISTS (SELECT 1 FROM triage_decisions s WHERE s.supersedes_id = d.id)';

/** No decision yet on the current attempt: the queue. */
export const UNDECIDED = sql.raw(`"installations"."current_triage_decision" IS NULL`);

/** The current decision (latest of the current attempt's chain) as a lateral subquery aliased `cur`. */
export const CURRENT_DECISION_LATERAL = sql.raw(
  `LEFT JOIN LATERAL (SELECT d.id, d.decision, ${epochMs('d.decided_at')} AS decided_ms, d.awaited_smso_action,
     d.contacted_party, ${epochMs('d.contacted_at')} AS contacted_ms, d.supplier_answer, d.reason,
     u.name AS decided_by
   FROM triage_decisions d LEFT JOIN users u ON u.id = d.decided_by_user_id
   WHERE d.installation_id = "installations"."id" AND ${FOR_CURRENT_ATTEMPT} AND ${NOT_SUPERSEDED}
   ORDER BY d.id DESC LIMIT 1) cur ON true`,
);

function stateClause(state: TriageState): SQL {
  return state === 'undecided' ? UNDECIDED : eq(installations.currentTriageDecision, state);
}

/** Attempts as the rules weigh them: at least 1, and capped at the threshold (the advice only asks "at or above"). */
const attemptsBucket = (column: string) =>
  sql.raw(`least(greatest(${column}, 1), ${Math.trunc(TRIAGE_DEFAULTS.exclusionReviewAttempts)})`);
export const ATTEMPTS_BUCKET = attemptsBucket('"installations"."attempt_count"');

/** Every clause of the queue except the advice, scope first. */
export function triageClauses(viewer: Viewer, filter: TriageFilter): SQL[] {
  const clauses: SQL[] = [];
  const scope = triageVisibleTo(viewer);
  if (scope) clauses.push(scope);
  clauses.push(FAILED_DORMANT, stateClause(filter.state));
  if (filter.groupId) clauses.push(eq(installations.groupId, filter.groupId));
  if (filter.smso) clauses.push(eq(installations.smsoPartyId, filter.smso));
  if (filter.code) clauses.push(eq(installations.lastCode, filter.code));
  if (filter.type) clauses.push(eq(installations.installationType, filter.type));
  if (filter.minAttempts) clauses.push(gte(installations.attemptCount, filter.minAttempts));
  return clauses;
}

/** One combination of the rules' inputs, with how many queue rows share it. */
export interface AdviceGroup {
  type: TriageableType;
  code: string;
  step: string;
  attempts: number;
  n: number;
  advice: TriageDecision;
}

/**
 * The queue grouped by what the advice depends on, each group advised by the rules (lib/rules/triage.ts): the rules
 * stay in one place and the database counts.
 */
export async function adviceGroups(
  db: Database,
  viewer: Viewer,
  filter: TriageFilter,
  now: Date,
): Promise<AdviceGroup[]> {
  const scope = triageRollupScope(viewer);
  if (scope === null) return [];
  // Counted from triage_rollups (exact, kept by triggers), not from the installations: a few hundred rows at any scale.
  const t = triageRollups;
  const clauses: SQL[] = [
    eq(t.supplierId, scope),
    eq(t.state, filter.state === 'undecided' ? '' : filter.state),
  ];
  if (filter.groupId) clauses.push(eq(t.groupId, filter.groupId));
  if (filter.smso) clauses.push(eq(t.smsoPartyId, filter.smso));
  if (filter.code) clauses.push(eq(t.lastCode, filter.code));
  if (filter.type) clauses.push(eq(t.installationType, filter.type));
  if (filter.minAttempts) clauses.push(gte(t.attemptCount, filter.minAttempts));
  const rows = await queryRows<{
    type: TriageableType;
    code: string;
    step: string;
    attempts: number;
    n: string;
  }>(
    db,
    sql`SELECT ${t.installationType} AS type, ${t.lastCode} AS code, ${t.lastFailedStep} AS step,
          ${attemptsBucket('"triage_rollups"."attempt_count"')} AS attempts, sum(${t.count}) AS n
        FROM ${t} WHERE ${and(...clauses)}
        GROUP BY 1, 2, 3, 4 HAVING sum(${t.count}) > 0`,
  );
  return rows.map((r) => ({
    type: r.type,
    code: r.code,
    step: r.step,
    attempts: Number(r.attempts),
    n: Number(r.n),
    advice: dormantTriageAdvice(
      {
        installationType: r.type,
        lastFailureCode: r.code || null,
        lastFailedStep: r.step || null,
        smsoActionPending: filter.state === 'await-smso',
      },
      Number(r.attempts),
      now,
    ).decision,
  }));
}

/** The rows whose advice is `advice`, as a predicate over the groups that give it. */
export function adviceClause(groups: readonly AdviceGroup[], advice: TriageDecision): SQL {
  const matching = groups.filter((g) => g.advice === advice);
  if (matching.length === 0) return sql`false`;
  const tuples = sql.join(
    matching.map((g) => sql`(${g.type}, ${g.code}, ${g.step}, ${g.attempts})`),
    sql`, `,
  );
  return sql`("installations"."installation_type"::text, coalesce("installations"."last_code", ''),
    coalesce("installations"."last_failed_step", ''), ${ATTEMPTS_BUCKET}) IN (${tuples})`;
}

/** Ids in chunks, so a 10,000-row decision never exceeds the protocol's parameter limit. */
export function chunks<T>(items: readonly T[], size = 5_000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function idIn(ids: readonly number[]): SQL {
  return inArray(installations.id, [...ids]);
}
