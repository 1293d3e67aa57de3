import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { type Database, getDb } from '@/db/client';
import { incidentEvents, incidentNotes, incidents, users } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { ConflictError, DomainError, NotFoundError } from '@/lib/errors';
import { formatLondonDateTime } from '@/lib/format';
import {
  canMoveTo,
  INCIDENT_STATUS_LABELS,
  type IncidentAction,
  type NoteVisibility,
} from '@/lib/rules/incident-workflow';
import type { IncidentCategory, IncidentStatus } from '@/lib/rules/types';
import { incidentsVisibleTo } from './scope';

/** What every change carries: the incident, the version its author saw, and the form's one-time key. */
export interface IncidentChange {
  id: number;
  version: number;
  requestKey: string;
}

export type ChangeResult = { id: number; version: number; replayed: boolean };

type Incident = typeof incidents.$inferSelect;

interface Effect {
  set: Partial<Pick<Incident, 'status' | 'category' | 'assigneeUserId' | 'holdReason' | 'resolvedAt'>>;
  action: IncidentAction;
  note: string | null;
  /** A note row to add with the change. */
  addNote?: { body: string; visibility: NoteVisibility };
}

async function replayOf(tx: Database, change: IncidentChange): Promise<ChangeResult | null> {
  const [done] = await tx
    .select({ id: incidentEvents.incidentId, version: incidentEvents.version })
    .from(incidentEvents)
    .where(eq(incidentEvents.requestKey, change.requestKey));
  if (!done) return null;
  if (done.id !== change.id) throw new DomainError('invalid', 'That form was already used. Reload the page.');
  return { id: done.id, version: done.version ?? 0, replayed: true };
}

async function conflict(tx: Database, id: number): Promise<ConflictError> {
  const [last] = await tx
    .select({ at: incidentEvents.at, by: users.name })
    .from(incidentEvents)
    .leftJoin(users, eq(users.id, incidentEvents.byUserId))
    .where(eq(incidentEvents.incidentId, id))
    .orderBy(desc(incidentEvents.at), desc(incidentEvents.id))
    .limit(1);
  const when = last ? formatLondonDateTime(last.at.toISOString()) : 'an unknown time';
  return new ConflictError(`Changed by ${last?.by ?? 'someone else'} at ${when}: reload to see it.`);
}

/**
 * One change to an incident, in one transaction: a replayed form key has effect once; a stale version is refused
 * with who changed it and when; otherwise the incident is updated (version + 1) and the change appended to the
 * history. The conditional UPDATE decides a race between two analysts, on PostgreSQL as on PGlite.
 */
async function applyChange(
  viewer: Viewer,
  change: IncidentChange,
  decide: (current: Incident) => Effect,
  now: Date,
  outer?: Database,
): Promise<ChangeResult> {
  if (!can(viewer, 'incidents.work')) throw new NotFoundError();
  const run = async (tx: Database): Promise<ChangeResult> => {
    const replay = await replayOf(tx, change);
    if (replay) return replay;
    const [current] = await tx
      .select()
      .from(incidents)
      .where(and(eq(incidents.id, change.id), incidentsVisibleTo(viewer)));
    if (!current) throw new NotFoundError();
    if (current.version !== change.version) throw await conflict(tx, change.id);
    const effect = decide(current);
    const [updated] = await tx
      .update(incidents)
      .set({ ...effect.set, version: sql`${incidents.version} + 1` })
      .where(and(eq(incidents.id, change.id), eq(incidents.version, change.version)))
      .returning({ version: incidents.version, status: incidents.status, category: incidents.category });
    if (!updated) {
      // Someone else's change committed first: either our own duplicate (same key) or another analyst's.
      const raced = await replayOf(tx, change);
      if (raced) return raced;
      throw await conflict(tx, change.id);
    }
    await tx.insert(incidentEvents).values({
      incidentId: change.id,
      at: now,
      action: effect.action,
      status: updated.status,
      category: updated.category,
      byUserId: viewer.userId,
      note: effect.note,
      version: updated.version,
      requestKey: change.requestKey,
    });
    if (effect.addNote) {
      await tx.insert(incidentNotes).values({
        incidentId: change.id,
        at: now,
        authorUserId: viewer.userId,
        body: effect.addNote.body,
        visibility: effect.addNote.visibility,
      });
    }
    return { id: change.id, version: updated.version, replayed: false };
  };
  if (outer) return run(outer);
  const db = await getDb();
  return db.transaction((tx) => run(tx));
}

/**
 * A use case that changes an incident by one rule: `decide` reads the incident as it is and says what changes, and
 * applyChange does the rest (versions, replays, history) in the caller's transaction or a new one.
 */
function incidentChange<Input extends IncidentChange>(
  decide: (current: Incident, input: Input, now: Date) => Effect,
) {
  return (viewer: Viewer, input: Input, now = new Date(), tx?: Database): Promise<ChangeResult> =>
    applyChange(viewer, input, (current) => decide(current, input, now), now, tx);
}

/** Moves an incident along its status flow; on hold needs a reason (the clock pauses while it lasts). */
export const changeIncidentStatus = incidentChange<
  IncidentChange & { status: IncidentStatus; reason?: string }
>((current, input, now) => {
  if (!canMoveTo(current.status, input.status))
    throw new DomainError(
      'invalid',
      `An incident that is ${INCIDENT_STATUS_LABELS[current.status].toLowerCase()} cannot be marked ${INCIDENT_STATUS_LABELS[input.status].toLowerCase()}.`,
    );
  const reason = input.reason?.trim() || null;
  if (input.status === 'paused' && !reason)
    throw new DomainError('invalid', 'Say why the incident is on hold.');
  const settling = input.status === 'resolved';
  const reopening = current.status === 'resolved' || current.status === 'closed';
  return {
    set: {
      status: input.status,
      holdReason: input.status === 'paused' ? reason : null,
      ...(settling ? { resolvedAt: now } : reopening ? { resolvedAt: null } : {}),
    },
    action: 'status',
    note: `${reopening ? 'Re-opened' : INCIDENT_STATUS_LABELS[input.status]}${reason ? `: ${reason}` : ''}`,
  };
});

/** Assigns an analyst; a new incident becomes Assigned, any other keeps its status. */
export async function assignIncident(
  viewer: Viewer,
  input: IncidentChange & { assigneeUserId: string },
  now = new Date(),
  tx?: Database,
): Promise<ChangeResult> {
  const db = tx ?? (await getDb());
  const [assignee] = await db
    .select({ name: users.name, role: users.role })
    .from(users)
    .where(eq(users.id, input.assigneeUserId));
  if (!assignee || !can(assignee, 'incidents.work'))
    throw new DomainError('invalid', 'Choose an MCC analyst to assign the incident to.');
  return applyChange(
    viewer,
    input,
    (current) => ({
      set: {
        assigneeUserId: input.assigneeUserId,
        ...(current.status === 'open' ? { status: 'assigned' } : {}),
      },
      action: 'assigned',
      note: `Assigned to ${assignee.name}`,
    }),
    now,
    tx,
  );
}

/** Re-categorises an incident: the target follows the new category, the time already run is kept. */
export const changeIncidentCategory = incidentChange<
  IncidentChange & { category: IncidentCategory; reason?: string }
>((current, input) => {
  if (current.category === input.category)
    throw new DomainError('invalid', `The incident is already category ${input.category}.`);
  const reason = input.reason?.trim();
  return {
    set: { category: input.category },
    action: 'category',
    note: `Category ${current.category} → ${input.category}${reason ? `: ${reason}` : ''}`,
  };
});

/** Adds a note, internal unless marked for the suppliers that are Interested Parties. */
export const addIncidentNote = incidentChange<IncidentChange & { body: string; visibility: NoteVisibility }>(
  (_current, input) => ({
    set: {},
    action: 'note',
    note: input.visibility === 'supplier' ? 'Note added (visible to suppliers)' : 'Internal note added',
    addNote: { body: input.body.trim(), visibility: input.visibility },
  }),
);
