import 'server-only';
import { and, asc, eq, exists, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import {
  incidentAffectedCounts,
  incidentEvents,
  incidentInstallations,
  incidentInterestedParties,
  incidents,
  installations,
  parties,
  users,
} from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { type IncidentQueueQuery, QUEUE_OWNERS, type QueueOwner } from '@/lib/filters/incidents';
import type { IncidentClock } from '@/lib/rules/incident-targets';
import { clockFromHistory, OPEN_STATUSES, type RecordKind } from '@/lib/rules/incident-workflow';
import { scenario as scenarioOf } from '@/lib/rules/scenarios';
import type { IncidentCategory, IncidentStatus, PartyRole } from '@/lib/rules/types';
import {
  incidentSupplierFilter,
  incidentsVisibleTo,
  interestedPartiesVisibleTo,
  partyNameFor,
  rollupScope,
  seesIncidentWorkings,
  withViewerScope,
} from './scope';

export const INCIDENT_PAGE_SIZE = 50;

/** The clock as a row carries it: the client keeps `remainingMs` ticking from `asOf` while `running`. */
export interface ClockDto {
  targetMs: number;
  elapsedMs: number;
  remainingMs: number;
  running: boolean;
  /** More running time used than the target allows. */
  overTarget: boolean;
  /** The target is a placeholder not yet confirmed (config): past it is "past provisional target", not breached. */
  provisional: boolean;
  /** When the target is reached if the clock keeps running (null while stopped). */
  dueAt: string | null;
}

export function toClockDto(clock: IncidentClock | null): ClockDto | null {
  if (!clock) return null;
  return {
    targetMs: clock.targetMs,
    elapsedMs: clock.elapsedMs,
    remainingMs: clock.remainingMs,
    running: clock.running,
    overTarget: clock.overTarget,
    provisional: clock.provisional,
    dueAt: clock.dueAt?.toISOString() ?? null,
  };
}

export interface IncidentQueueRow {
  id: number;
  reference: string;
  kind: RecordKind;
  scenario: string;
  scenarioTitle: string;
  title: string;
  owner: string;
  ownerRole: PartyRole;
  category: IncidentCategory;
  status: IncidentStatus;
  raisedAt: string;
  clock: ClockDto | null;
  /** Affected installations the viewer may see (a supplier: only its own). */
  affected: number;
  /** Interested Parties the viewer may learn (a supplier: only itself). */
  interestedParties: string[];
  interestedPartiesTotal: number;
  /** The analyst working it; null for a supplier viewer. */
  assignee: string | null;
}

export interface IncidentQueuePage {
  asOf: string;
  rows: IncidentQueueRow[];
  nextCursor: string | null;
}

interface Candidate {
  id: number;
  kind: RecordKind;
  scenario: string;
  raisedAt: Date;
  status: IncidentStatus;
  ownerRole: PartyRole;
  clock: IncidentClock | null;
}

function statusClause(status: IncidentQueueQuery['status']): SQL | undefined {
  if (status === 'all') return undefined;
  if (status === 'active') return inArray(incidents.status, [...OPEN_STATUSES]);
  return eq(incidents.status, status);
}

function groupClause(groupId: IncidentQueueQuery['groupId']): SQL | undefined {
  if (!groupId) return undefined;
  const ii = incidentInstallations;
  return or(
    eq(incidents.groupId, groupId),
    exists(
      sql`(select 1 from ${ii} join ${installations} on ${installations.id} = ${ii.installationId}
           where ${ii.incidentId} = ${incidents.id} and ${installations.groupId} = ${groupId})`,
    ),
  );
}

/**
 * Every incident the viewer may see that matches the filter, with its clock rebuilt from history by the rules
 * module at `asOf`. The set is bounded by the number of incidents, never by installations.
 */
async function candidates(
  db: Database,
  viewer: Viewer,
  query: Omit<IncidentQueueQuery, 'sort' | 'cursor' | 'kind'> & { kind?: RecordKind },
  asOf: Date,
): Promise<Candidate[]> {
  const owner = alias(parties, 'owner');
  const rows = await db
    .select({
      id: incidents.id,
      kind: incidents.kind,
      scenario: incidents.scenario,
      raisedAt: incidents.raisedAt,
      status: incidents.status,
      ownerRole: owner.role,
    })
    .from(incidents)
    .innerJoin(owner, eq(owner.id, incidents.ownerPartyId))
    .where(
      and(
        incidentsVisibleTo(viewer),
        query.kind ? eq(incidents.kind, query.kind) : undefined,
        query.owner ? eq(owner.role, query.owner) : undefined,
        query.scenario ? eq(incidents.scenario, query.scenario) : undefined,
        statusClause(query.status),
        incidentSupplierFilter(viewer, query.supplier),
        groupClause(query.groupId),
      ),
    );
  if (rows.length === 0) return [];
  const history = await db
    .select({
      incidentId: incidentEvents.incidentId,
      at: incidentEvents.at,
      status: incidentEvents.status,
      category: incidentEvents.category,
    })
    .from(incidentEvents)
    .where(
      inArray(
        incidentEvents.incidentId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(incidentEvents.incidentId), asc(incidentEvents.at), asc(incidentEvents.id));
  const byIncident = new Map<number, { at: Date; status: IncidentStatus; category: IncidentCategory }[]>();
  for (const h of history) {
    const list = byIncident.get(h.incidentId) ?? [];
    list.push({ at: h.at, status: h.status, category: h.category });
    byIncident.set(h.incidentId, list);
  }
  const result = rows.map((r) => ({
    ...r,
    clock: clockFromHistory(r.kind, r.scenario, byIncident.get(r.id) ?? [], asOf),
  }));
  return query.breached ? result.filter((r) => r.clock?.overTarget) : result;
}

// Keyset paging over the clock order: the cursor carries the instant the first page was computed at, so every
// later page sorts by the same clocks and no row is skipped or repeated while time passes.
type SortKey = [number, number];

function sortKey(c: Candidate, sort: IncidentQueueQuery['sort']): SortKey {
  // Least time left first; records with no target (communications) last.
  if (sort === 'time-left') return [c.clock ? c.clock.remainingMs : Number.MAX_SAFE_INTEGER, c.id];
  return [-c.raisedAt.getTime(), -c.id];
}

function compareKeys(a: SortKey, b: SortKey): number {
  return a[0] - b[0] || a[1] - b[1];
}

function encodeCursor(asOf: Date, key: SortKey): string {
  return Buffer.from(JSON.stringify([asOf.getTime(), ...key])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { asOf: Date; key: SortKey } | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(parsed) && parsed.length === 3 && parsed.every((n) => Number.isSafeInteger(n))) {
      return { asOf: new Date(parsed[0] as number), key: [parsed[1] as number, parsed[2] as number] };
    }
  } catch {
    // A forged or stale cursor restarts from the first page.
  }
  return null;
}

/** Exported for the benchmark: a cursor as deep into the queue as `skip` rows. */
export async function queueCursorAfter(viewer: Viewer, query: IncidentQueueQuery, skip: number) {
  return withViewerScope(viewer, async (db) => {
    const asOf = new Date();
    const sorted = (await candidates(db, viewer, query, asOf))
      .map((c) => sortKey(c, query.sort))
      .sort(compareKeys);
    const key = sorted[Math.min(skip, sorted.length) - 1];
    return key ? encodeCursor(asOf, key) : undefined;
  });
}

export async function listIncidentQueue(
  viewer: Viewer,
  query: IncidentQueueQuery,
): Promise<IncidentQueuePage> {
  return withViewerScope(viewer, async (db) => {
    const after = decodeCursor(query.cursor);
    const asOf = after?.asOf ?? new Date();
    const all = await candidates(db, viewer, query, asOf);
    const keyed = all
      .map((c) => ({ c, key: sortKey(c, query.sort) }))
      .filter(({ key }) => !after || compareKeys(key, after.key) > 0)
      .sort((a, b) => compareKeys(a.key, b.key));
    const page = keyed.slice(0, INCIDENT_PAGE_SIZE);
    const last = page.at(-1);
    return {
      asOf: asOf.toISOString(),
      rows: await queueRows(
        db,
        viewer,
        page.map((p) => p.c),
      ),
      nextCursor: keyed.length > INCIDENT_PAGE_SIZE && last ? encodeCursor(asOf, last.key) : null,
    };
  });
}

async function queueRows(db: Database, viewer: Viewer, page: Candidate[]): Promise<IncidentQueueRow[]> {
  if (page.length === 0) return [];
  const ids = page.map((c) => c.id);
  const owner = alias(parties, 'owner');
  const [details, affected, interested] = await Promise.all([
    db
      .select({
        incident: incidents,
        owner: { id: owner.id, role: owner.role, name: owner.name },
        assignee: users.name,
      })
      .from(incidents)
      .innerJoin(owner, eq(owner.id, incidents.ownerPartyId))
      .leftJoin(users, eq(users.id, incidents.assigneeUserId))
      .where(inArray(incidents.id, ids)),
    db
      .select({ id: incidentAffectedCounts.incidentId, n: incidentAffectedCounts.count })
      .from(incidentAffectedCounts)
      .where(
        and(
          inArray(incidentAffectedCounts.incidentId, ids),
          eq(incidentAffectedCounts.supplierId, rollupScope(viewer)),
        ),
      ),
    db
      .select({ id: incidentInterestedParties.incidentId, name: parties.name })
      .from(incidentInterestedParties)
      .innerJoin(parties, eq(parties.id, incidentInterestedParties.partyId))
      .where(and(inArray(incidentInterestedParties.incidentId, ids), interestedPartiesVisibleTo(viewer)))
      .orderBy(asc(parties.name)),
  ]);
  const detail = new Map(details.map((d) => [d.incident.id, d]));
  const counts = new Map(affected.map((a) => [a.id, a.n]));
  const names = new Map<number, string[]>();
  for (const p of interested) names.set(p.id, [...(names.get(p.id) ?? []), p.name]);
  return page.flatMap((c) => {
    const d = detail.get(c.id);
    if (!d) return [];
    const partyNames = names.get(c.id) ?? [];
    return [
      {
        id: c.id,
        reference: d.incident.reference,
        kind: c.kind,
        scenario: c.scenario,
        scenarioTitle: scenarioOf(c.scenario)?.title ?? '',
        title: d.incident.title,
        owner: partyNameFor(viewer, d.owner),
        ownerRole: c.ownerRole,
        category: d.incident.category,
        status: c.status,
        raisedAt: c.raisedAt.toISOString(),
        clock: toClockDto(c.clock),
        affected: counts.get(c.id) ?? 0,
        interestedParties: partyNames.slice(0, 3),
        interestedPartiesTotal: partyNames.length,
        assignee: seesIncidentWorkings(viewer) ? d.assignee : null,
      },
    ];
  });
}

export interface QueueSummaryEntry {
  open: number;
  /** Past the provisional target resolution time. */
  breached: number;
}

export interface IncidentDeskSummary {
  asOf: string;
  byOwner: Record<QueueOwner, QueueSummaryEntry>;
  communications: QueueSummaryEntry;
  serviceRequests: QueueSummaryEntry;
}

/** Open and past-target counts per owning party, plus the communications and Service Requests still open. */
export async function getIncidentDeskSummary(viewer: Viewer, now = new Date()): Promise<IncidentDeskSummary> {
  return withViewerScope(viewer, async (db) => {
    const open = await candidates(db, viewer, { status: 'active' }, now);
    const tally = (list: Candidate[]): QueueSummaryEntry => ({
      open: list.length,
      breached: list.filter((c) => c.clock?.overTarget).length,
    });
    const incidentsOnly = open.filter((c) => c.kind === 'incident');
    return {
      asOf: now.toISOString(),
      byOwner: Object.fromEntries(
        QUEUE_OWNERS.map((o) => [o, tally(incidentsOnly.filter((c) => c.ownerRole === o))]),
      ) as Record<QueueOwner, QueueSummaryEntry>,
      communications: tally(open.filter((c) => c.kind === 'communication')),
      serviceRequests: tally(open.filter((c) => c.kind === 'service-request')),
    };
  });
}
