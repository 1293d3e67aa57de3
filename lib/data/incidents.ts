import 'server-only';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import {
  incidentAffectedCounts,
  incidentEvents,
  incidentInstallations,
  incidentInterestedParties,
  incidentNotes,
  incidents,
  installationEvents,
  installations,
  migrationAuthorisations,
  parties,
  users,
} from '@/db/schema';
import { ROLE_PERMISSIONS, ROLES } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import {
  clockFromHistory,
  type IncidentAction,
  type NoteVisibility,
  orderBacklog,
  type RecordKind,
} from '@/lib/rules/incident-workflow';
import { type BacklogOrder, scenario as scenarioOf } from '@/lib/rules/scenarios';
import type { GroupId, IncidentCategory, IncidentStatus, PartyRole } from '@/lib/rules/types';
import { incidentWindowRisk, type WindowRiskKind } from '@/lib/rules/windows';
import { type ClockDto, toClockDto } from './incident-queue';
import {
  incidentEventsVisibleTo,
  incidentNotesVisibleTo,
  incidentsVisibleTo,
  installationsVisibleTo,
  interestedPartiesVisibleTo,
  partyNameFor,
  rollupScope,
  seesIncidentWorkings,
  withViewerScope,
} from './scope';

/** Beyond this many affected installations the page lists the first ones and counts the rest. */
export const AFFECTED_LIST_LIMIT = 200;

export interface IncidentHistoryEntry {
  id: number;
  at: string;
  action: IncidentAction;
  status: IncidentStatus;
  category: IncidentCategory;
  /** Who made the change, and what it said; null for a supplier viewer (the MCC's workings). */
  by: string | null;
  note: string | null;
}

export interface AffectedInstallation {
  id: number;
  mpan: string | null;
  mprn: string | null;
  groupId: GroupId;
  priority: boolean;
  migrated: boolean;
  /** Windows this incident puts at risk (or that have already closed), per the rules module. */
  risks: { kind: WindowRiskKind; passed: boolean; deadline: string; reason: string }[];
}

export interface IncidentDetail {
  id: number;
  reference: string;
  kind: RecordKind;
  scenario: string;
  title: string;
  description: string;
  raisedBy: string;
  owner: string;
  groupId: GroupId | null;
  category: IncidentCategory;
  status: IncidentStatus;
  version: number;
  raisedAt: string;
  resolvedAt: string | null;
  asOf: string;
  clock: ClockDto | null;
  /** Null for a supplier viewer. */
  assignee: { id: string; name: string } | null;
  holdReason: string | null;
  history: IncidentHistoryEntry[];
  notes: { id: number; at: string; body: string; visibility: NoteVisibility; by: string | null }[];
  /** The Interested Parties the viewer may learn (a supplier: only itself). */
  interestedParties: string[];
  /** How many affected installations the viewer may see (a supplier: only its own). */
  affectedCount: number;
  installations: AffectedInstallation[];
  /** MEHRS's backlog order once resolved (null while open, or when the scenario processes no backlog). */
  backlog: { order: BacklogOrder; installations: AffectedInstallation[] } | null;
}

/** One incident, or null when it does not exist or the viewer may not see it (the same 404 for both). */
export async function getIncident(
  viewer: Viewer,
  id: number,
  now = new Date(),
): Promise<IncidentDetail | null> {
  return withViewerScope(viewer, async (db) => {
    const raisedBy = alias(parties, 'raised_by');
    const owner = alias(parties, 'owner');
    const [row] = await db
      .select({
        incident: incidents,
        raisedBy: { id: raisedBy.id, role: raisedBy.role, name: raisedBy.name },
        owner: { id: owner.id, role: owner.role, name: owner.name },
        assignee: users.name,
      })
      .from(incidents)
      .innerJoin(raisedBy, eq(raisedBy.id, incidents.raisedByPartyId))
      .innerJoin(owner, eq(owner.id, incidents.ownerPartyId))
      .leftJoin(users, eq(users.id, incidents.assigneeUserId))
      .where(and(eq(incidents.id, id), incidentsVisibleTo(viewer)));
    if (!row) return null;
    const author = alias(users, 'author');
    const [fullHistory, notes, interested, [affectedCount]] = await Promise.all([
      db
        .select({ event: incidentEvents, by: users.name })
        .from(incidentEvents)
        .leftJoin(users, eq(users.id, incidentEvents.byUserId))
        .where(eq(incidentEvents.incidentId, id))
        .orderBy(asc(incidentEvents.at), asc(incidentEvents.id)),
      db
        .select({ note: incidentNotes, by: author.name })
        .from(incidentNotes)
        .leftJoin(author, eq(author.id, incidentNotes.authorUserId))
        .where(and(eq(incidentNotes.incidentId, id), incidentNotesVisibleTo(viewer)))
        .orderBy(asc(incidentNotes.at), asc(incidentNotes.id)),
      db
        .select({ name: parties.name })
        .from(incidentInterestedParties)
        .innerJoin(parties, eq(parties.id, incidentInterestedParties.partyId))
        .where(and(eq(incidentInterestedParties.incidentId, id), interestedPartiesVisibleTo(viewer)))
        .orderBy(asc(parties.name)),
      db
        .select({ n: incidentAffectedCounts.count })
        .from(incidentAffectedCounts)
        .where(
          and(
            eq(incidentAffectedCounts.incidentId, id),
            eq(incidentAffectedCounts.supplierId, rollupScope(viewer)),
          ),
        ),
    ]);
    const i = row.incident;
    const workings = seesIncidentWorkings(viewer);
    // The clock always runs on the whole history; only what is shown is redacted.
    const clock = clockFromHistory(
      i.kind,
      i.scenario,
      fullHistory.map((h) => h.event),
      now,
    );
    const shownIds = new Set(
      (
        await db
          .select({ id: incidentEvents.id })
          .from(incidentEvents)
          .where(and(eq(incidentEvents.incidentId, id), incidentEventsVisibleTo(viewer)))
      ).map((e) => e.id),
    );
    const target = clock ? new Date(now.getTime() + Math.max(0, clock.remainingMs)) : null;
    const affected = await affectedInstallations(viewer, id, i.reference, target, now);
    const s = scenarioOf(i.scenario);
    const settled = i.status === 'resolved' || i.status === 'closed';
    return {
      id: i.id,
      reference: i.reference,
      kind: i.kind,
      scenario: i.scenario,
      title: i.title,
      description: i.description,
      raisedBy: partyNameFor(viewer, row.raisedBy),
      owner: partyNameFor(viewer, row.owner),
      groupId: i.groupId,
      category: i.category,
      status: i.status,
      version: i.version,
      raisedAt: i.raisedAt.toISOString(),
      resolvedAt: i.resolvedAt?.toISOString() ?? null,
      asOf: now.toISOString(),
      clock: toClockDto(clock),
      assignee:
        workings && i.assigneeUserId && row.assignee ? { id: i.assigneeUserId, name: row.assignee } : null,
      holdReason: workings ? i.holdReason : null,
      history: fullHistory
        .filter((h) => shownIds.has(h.event.id))
        .map((h) => ({
          id: h.event.id,
          at: h.event.at.toISOString(),
          action: h.event.action,
          status: h.event.status,
          category: h.event.category,
          by: workings ? (h.by ?? 'System') : null,
          note: workings ? h.event.note : null,
        })),
      notes: notes.map((n) => ({
        id: n.note.id,
        at: n.note.at.toISOString(),
        body: n.note.body,
        visibility: n.note.visibility,
        by: workings ? n.by : null,
      })),
      interestedParties: interested.map((p) => p.name),
      affectedCount: affectedCount?.n ?? 0,
      installations: affected.map(({ receivedAt: _, ...a }) => a),
      backlog:
        settled && workings && s?.processesBacklog
          ? {
              order: s.backlogOrder ?? 'receipt',
              installations: orderBacklog(
                affected.filter((a) => !a.migrated),
                s.backlogOrder ?? 'receipt',
              ).map(({ receivedAt: _, ...a }) => a),
            }
          : null,
    };
  });
}

/**
 * The affected installations the viewer may see, with the windows the incident puts at risk (rules module,
 * TMAD 5.24/5.18 and MA101). Our reading of the stored history: the MCVF was generated when the installation's
 * current attempt reached SIM cutover, and its Required File Set arrived when the attempt reached device
 * validation.
 */
async function affectedInstallations(
  viewer: Viewer,
  incidentId: number,
  reference: string,
  target: Date | null,
  now: Date,
) {
  return withViewerScope(viewer, async (db) => {
    const reached = (stage: 'sim-cutover' | 'device-validation') =>
      sql<string | null>`(select min(${installationEvents.occurredAt})::text from ${installationEvents}
      where ${installationEvents.installationId} = ${installations.id}
        and ${installationEvents.attempt} = ${installations.attemptCount}
        and ${installationEvents.stage} = ${stage})`;
    const rows = await db
      .select({
        id: installations.id,
        mpan: installations.mpan,
        mprn: installations.mprn,
        groupId: installations.groupId,
        priority: installations.priority,
        status: installations.status,
        migrationWeek: installations.migrationWeek,
        mcvfAt: reached('sim-cutover'),
        fileSetAt: reached('device-validation'),
        receivedAt: sql<string | null>`(select max(${migrationAuthorisations.receivedAt})::text
        from ${migrationAuthorisations} where ${migrationAuthorisations.installationId} = ${installations.id})`,
      })
      .from(incidentInstallations)
      .innerJoin(installations, eq(installations.id, incidentInstallations.installationId))
      .where(and(eq(incidentInstallations.incidentId, incidentId), installationsVisibleTo(viewer)))
      // The link's primary key order: the first 200 are read in order, never all of a large incident's links.
      .orderBy(asc(incidentInstallations.installationId))
      .limit(AFFECTED_LIST_LIMIT);
    return rows.map((r) => {
      const migrated = r.status === 'migrated';
      const risk =
        target && r.migrationWeek && !migrated
          ? incidentWindowRisk(
              {
                migrationWeek: r.migrationWeek,
                mcvfGeneratedAt: r.mcvfAt ? new Date(r.mcvfAt) : null,
                requiredFileSetReceivedAt: r.fileSetAt ? new Date(r.fileSetAt) : null,
                groupId: r.groupId,
              },
              { targetResolutionAt: target, reference },
              now,
            )
          : null;
      return {
        id: r.id,
        mpan: r.mpan,
        mprn: r.mprn,
        groupId: r.groupId,
        priority: r.priority,
        migrated,
        receivedAt: r.receivedAt ? new Date(r.receivedAt).getTime() : null,
        risks: (risk?.findings ?? []).map((f) => ({
          kind: f.kind,
          passed: f.passed,
          deadline: f.deadline.toISOString(),
          reason: f.reason,
        })),
      };
    });
  });
}

/** The people an incident can be assigned to: every user whose role may work incidents. */
export async function listIncidentAssignees(): Promise<{ id: string; name: string }[]> {
  const db = await getDb();
  const roles = ROLES.filter((r) => ROLE_PERMISSIONS[r].has('incidents.work'));
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.role, roles))
    .orderBy(asc(users.name));
}

/** Parties that may raise or own a record, by role (the form's choices). */
export async function listPartiesByRole(): Promise<{ id: number; name: string; role: PartyRole }[]> {
  const db = await getDb();
  return db
    .select({ id: parties.id, name: parties.name, role: parties.role })
    .from(parties)
    .where(ne(parties.role, 'supplier'))
    .orderBy(asc(parties.role), asc(parties.name));
}
