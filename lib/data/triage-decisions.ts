import 'server-only';
import { and, asc, sql } from 'drizzle-orm';
import { getDb, inTransaction, queryRows, type Transaction } from '@/db/client';
import { installationEvents, installations, triageBatches, triageDecisions } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { ConflictError, DomainError } from '@/lib/errors';
import type { TriageFilter, TriageState } from '@/lib/filters/triage';
import { formatLondonDateTime, inSentence } from '@/lib/format';
import {
  dormantTriageAdvice,
  isTriageable,
  rescheduleWeekProblem,
  TRIAGE_DECISION_LABELS,
  type TriageAdvice,
  type TriageDecision,
  type TriageOutcomeItem,
} from '@/lib/rules/triage';
import type { InstallationStatus, InstallationType } from '@/lib/rules/types';
import type { IsoDate } from '@/lib/rules/weeks';
import { recordAudit } from './audit';
import { triageVisibleTo } from './scope';
import { queueWhere } from './triage';
import { adviceGroups, CURRENT_DECISION_LATERAL, chunks, idIn } from './triage-sql';

/** Most installations one decision may cover: one transaction stays short enough to hold its row locks. */
export const BULK_DECISION_LIMIT = 20_000;

/** What is decided, with what each kind of decision must record (MEHRS 4.1, 4.2). */
export type DecisionDetail =
  | { decision: 'reschedule'; week: IsoDate }
  | { decision: 'await-smso'; awaitedSmsoAction: string }
  | {
      decision: 'liaise-with-active-supplier';
      contactedParty: string;
      contactedAt: Date;
      supplierAnswer: string;
      /** The week the Active supplier will authorise: only then is the installation scheduled. */
      supplierWeek: IsoDate | null;
    }
  | { decision: 'exclude' };

/** Which installations: picked rows (as the analyst saw them), or every row matching a filter. */
export type DecisionTarget =
  | { kind: 'installations'; ids: readonly number[]; state: TriageState; expectedDecisionId?: number | null }
  | { kind: 'filter'; filter: TriageFilter };

export interface DecisionRequest {
  /** The id the form carried: the same submission twice has effect once. */
  submissionId: string;
  detail: DecisionDetail;
  /** The analyst's note; required to exclude. */
  note: string | null;
  /** Required wherever the decision differs from the rules' advice; kept with the decision. */
  overruleReason: string | null;
  /** Whether the Responsible Supplier(s) may read the note. */
  supplierVisible: boolean;
  target: DecisionTarget;
}

export interface DecisionReport {
  submissionId: string;
  decision: TriageDecision;
  /** True when this submission had already been applied: the report is the first one's. */
  replayed: boolean;
  items: TriageOutcomeItem[];
}

interface LockedRow {
  id: number;
  mpan: string | null;
  mprn: string | null;
  installation_type: InstallationType;
  status: InstallationStatus;
  attempt_count: number;
  last_code: string | null;
  last_failed_step: string | null;
  migration_week: string | null;
}

interface Current {
  installation_id: number;
  id: number;
  decision: TriageDecision;
  decided_ms: number;
  decided_by: string | null;
}

interface Plan {
  row: LockedRow;
  current: Current | null;
  advice: TriageAdvice;
}

class Replay extends Error {}

const decided = (c: Current) =>
  `Already decided (${inSentence(TRIAGE_DECISION_LABELS[c.decision])}) by ${c.decided_by ?? 'an analyst'} at ` +
  `${formatLondonDateTime(new Date(Number(c.decided_ms)).toISOString())}.`;

/** Skipped: someone else's decision got there first, or the installation moved on since the analyst looked. */
function staleness(target: DecisionTarget, current: Current | null): string | null {
  const state = target.kind === 'filter' ? target.filter.state : target.state;
  const expectedId = target.kind === 'installations' ? target.expectedDecisionId : undefined;
  if (current) {
    if (expectedId !== undefined) return current.id === expectedId ? null : decided(current);
    return state !== 'undecided' && current.decision === state ? null : decided(current);
  }
  if (state !== 'undecided' || (expectedId !== undefined && expectedId !== null)) {
    return 'It has failed again since that decision: decide it from the queue.';
  }
  return null;
}

/** Refused: the decision does not fit this installation, or overrules the advice without a reason. */
function ineligibility(request: DecisionRequest, row: LockedRow, advice: TriageAdvice): string | null {
  const { detail } = request;
  const earliest = advice.earliestWeek;
  if (detail.decision === 'reschedule') {
    if (row.installation_type !== 'dormant-dormant') {
      return 'It has an Active meter: its Active supplier must include it in a later week (MEHRS 4.2); record the liaison.';
    }
    const problem = earliest ? rescheduleWeekProblem(detail.week, earliest) : null;
    if (problem) return problem;
  }
  if (detail.decision === 'liaise-with-active-supplier') {
    if (row.installation_type !== 'active-dormant' && advice.decision !== 'liaise-with-active-supplier') {
      return 'Both meters are dormant: there is no Active supplier to liaise with (MEHRS 4.1).';
    }
    const problem =
      detail.supplierWeek && earliest ? rescheduleWeekProblem(detail.supplierWeek, earliest) : null;
    if (problem) return problem;
  }
  if (detail.decision !== advice.decision && !request.overruleReason) {
    return `The advice is to ${inSentence(TRIAGE_DECISION_LABELS[advice.decision])}: give a reason to overrule it.`;
  }
  return null;
}

async function targetIds(
  tx: Transaction,
  viewer: Viewer,
  target: DecisionTarget,
  now: Date,
): Promise<number[]> {
  if (target.kind === 'installations') return [...new Set(target.ids)];
  const groups = await adviceGroups(tx, viewer, { ...target.filter, advice: undefined }, now);
  const rows = await tx
    .select({ id: installations.id })
    .from(installations)
    .where(and(...queueWhere(viewer, target.filter, groups)))
    .orderBy(asc(installations.lastChangedAt), asc(installations.id))
    .limit(BULK_DECISION_LIMIT + 1);
  return rows.map((r) => r.id);
}

/** Locks the rows (in id order, so two bulk decisions cannot deadlock) and reads their current decisions. */
async function lockAndRead(tx: Transaction, viewer: Viewer, ids: readonly number[]) {
  const locked = new Map<number, LockedRow>();
  const current = new Map<number, Current>();
  for (const part of chunks([...ids].sort((a, b) => a - b))) {
    const rows = await queryRows<LockedRow>(
      tx,
      sql`SELECT id, mpan, mprn, installation_type, status, attempt_count, last_code, last_failed_step,
            migration_week::text AS migration_week
          FROM "installations" WHERE ${and(idIn(part), triageVisibleTo(viewer))}
          ORDER BY id FOR UPDATE`,
    );
    for (const r of rows) locked.set(Number(r.id), { ...r, id: Number(r.id) });
    const decisions = await queryRows<Current>(
      tx,
      sql`SELECT "installations"."id" AS installation_id, cur.id, cur.decision, cur.decided_ms, cur.decided_by
          FROM "installations" ${CURRENT_DECISION_LATERAL}
          WHERE ${idIn(part)} AND cur.id IS NOT NULL`,
    );
    for (const d of decisions) current.set(Number(d.installation_id), { ...d, id: Number(d.id) });
  }
  return { locked, current };
}

function evaluate(
  request: DecisionRequest,
  ids: readonly number[],
  read: Awaited<ReturnType<typeof lockAndRead>>,
  now: Date,
) {
  const items: TriageOutcomeItem[] = [];
  const plans: Plan[] = [];
  for (const id of ids) {
    const row = read.locked.get(id);
    if (!row) {
      items.push({ installationId: id, label: String(id), outcome: 'refused', why: 'No such installation.' });
      continue;
    }
    const label = row.mpan ?? row.mprn ?? String(id);
    const current = read.current.get(id) ?? null;
    const stale = staleness(request.target, current);
    if (stale) {
      items.push({ installationId: id, label, outcome: 'skipped', why: stale });
      continue;
    }
    const type = row.installation_type;
    if (!isTriageable(type) || (row.status !== 'failed' && row.status !== 'rolled-back')) {
      items.push({
        installationId: id,
        label,
        outcome: 'refused',
        why: isTriageable(type)
          ? `It is not awaiting triage: it is ${row.status.replace('-', ' ')}.`
          : 'It has no Dormant Meter: its supplier reschedules it (MEHRS 2.3.2), not the MCC.',
      });
      continue;
    }
    const advice = dormantTriageAdvice(
      {
        installationType: type,
        lastFailureCode: row.last_code,
        lastFailedStep: row.last_failed_step,
        smsoActionPending: current?.decision === 'await-smso',
        lastMigrationWeek: row.migration_week,
      },
      Math.max(1, row.attempt_count),
      now,
    );
    const why = ineligibility(request, row, advice);
    items.push({ installationId: id, label, outcome: why ? 'refused' : 'done', why });
    if (!why) plans.push({ row, current, advice });
  }
  return { items, plans };
}

function scheduledWeek(detail: DecisionDetail): IsoDate | null {
  if (detail.decision === 'reschedule') return detail.week;
  if (detail.decision === 'liaise-with-active-supplier') return detail.supplierWeek;
  return null;
}

async function apply(
  tx: Transaction,
  viewer: Viewer,
  request: DecisionRequest,
  plans: readonly Plan[],
  now: Date,
) {
  const { detail } = request;
  const week = scheduledWeek(detail);
  for (const part of chunks(plans, 1_000)) {
    await tx.insert(triageDecisions).values(
      part.map(({ row, current, advice }) => ({
        installationId: row.id,
        decidedAt: now,
        decidedByUserId: viewer.userId,
        decision: detail.decision,
        rescheduledWeek: week,
        reason:
          request.note ||
          (detail.decision === advice.decision ? advice.reasons.join(' ') : (request.overruleReason ?? '')),
        attempt: row.attempt_count,
        failureCode: row.last_code,
        failedStep: row.last_failed_step,
        advice: advice.decision,
        overruleReason: detail.decision === advice.decision ? null : request.overruleReason,
        supersedesId: current?.id ?? null,
        batchId: request.submissionId,
        awaitedSmsoAction: detail.decision === 'await-smso' ? detail.awaitedSmsoAction : null,
        contactedParty: detail.decision === 'liaise-with-active-supplier' ? detail.contactedParty : null,
        contactedAt: detail.decision === 'liaise-with-active-supplier' ? detail.contactedAt : null,
        supplierAnswer: detail.decision === 'liaise-with-active-supplier' ? detail.supplierAnswer : null,
        supplierVisible: request.supplierVisible,
      })),
    );
  }
  if (!week) return;
  // MEHRS 4.1 / 4.2: the installation goes into the later Migration Week; the rollup trigger moves its counts.
  const note =
    detail.decision === 'reschedule'
      ? `Rescheduled into Migration Week ${week} by the Migration Control Centre (MEHRS 4.1)`
      : `Rescheduled into Migration Week ${week}, the week its Active supplier will authorise (MEHRS 4.2)`;
  for (const part of chunks(plans.map((p) => p.row.id))) {
    await tx.execute(
      sql`INSERT INTO ${installationEvents} (installation_id, attempt, occurred_at, stage, status, note)
          SELECT id, attempt_count + 1, ${now.toISOString()}::timestamptz, 'demand', 'in-progress', ${note}
          FROM ${installations} WHERE ${idIn(part)}`,
    );
    await tx
      .update(installations)
      .set({
        migrationWeek: week,
        migrateOn: null,
        stage: 'demand',
        status: 'in-progress',
        lastCode: null,
        lastFailedStep: null,
        lastChangedAt: now,
      })
      .where(idIn(part));
  }
}

function report(request: DecisionRequest, items: TriageOutcomeItem[], replayed: boolean): DecisionReport {
  return { submissionId: request.submissionId, decision: request.detail.decision, replayed, items };
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * MEHRS 4.1 / 4.2: the MCC decides one or many failed installations with a Dormant Meter, in one transaction.
 * Each installation is done, skipped (already decided since the analyst looked) or refused (not eligible), and the
 * report says which and why. The same submission twice has effect once and reports the first outcome.
 */
export async function decideTriage(
  viewer: Viewer,
  request: DecisionRequest,
  now: Date = new Date(),
  outerTx?: Transaction,
): Promise<DecisionReport> {
  assertCan(viewer, 'triage.decide');
  try {
    return await inTransaction(outerTx, async (tx) => {
      const ids = await targetIds(tx, viewer, request.target, now);
      if (ids.length > BULK_DECISION_LIMIT) {
        throw new DomainError(
          'invalid',
          `One decision can cover at most ${BULK_DECISION_LIMIT.toLocaleString('en-GB')} installations: narrow the filter.`,
        );
      }
      const read = await lockAndRead(tx, viewer, ids);
      const { items, plans } = evaluate(request, ids, read, now);
      const [batch] = await tx
        .insert(triageBatches)
        .values({
          id: request.submissionId,
          decidedAt: now,
          decidedByUserId: viewer.userId,
          decision: request.detail.decision,
          requested: ids.length,
          outcome: items,
        })
        .onConflictDoNothing()
        .returning({ id: triageBatches.id });
      if (!batch) throw new Replay();
      await apply(tx, viewer, request, plans, now);
      await recordAudit(tx, viewer, {
        action: 'triage.decide',
        entity: 'triage_batch',
        entityId: request.submissionId,
        detail: {
          decision: request.detail.decision,
          requested: ids.length,
          done: plans.length,
          week: scheduledWeek(request.detail),
        },
      });
      return report(request, items, false);
    });
  } catch (error) {
    if (error instanceof Replay) return replayed(request);
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        'Another analyst decided one of these installations at the same moment, so nothing was changed. ' +
          'Reload the queue to see their decision.',
      );
    }
    throw error;
  }
}

async function replayed(request: DecisionRequest): Promise<DecisionReport> {
  const db = await getDb();
  const [batch] = await db
    .select({ outcome: triageBatches.outcome })
    .from(triageBatches)
    .where(sql`${triageBatches.id} = ${request.submissionId}`);
  return report(request, batch?.outcome ?? [], true);
}
