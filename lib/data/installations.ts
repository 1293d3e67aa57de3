import 'server-only';
import { and, asc, count, desc, eq, sql, sum } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import {
  type InstallationEvent,
  incidentInstallations,
  incidents,
  installationEvents,
  installationRollups,
  installations,
  migrationAuthorisations,
  parties,
  triageDecisions,
} from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import type { InstallationFilter, InstallationListQuery } from '@/lib/filters/installations';
import { describeCode } from '@/lib/rules/codes';
import type { FailureResolution } from '@/lib/rules/resolve';
import type { TriageDecision } from '@/lib/rules/triage';
import type { GroupId, InstallationStatus, InstallationType, StageId } from '@/lib/rules/types';
import { EXPORT_BATCH_SIZE, keysetBatches } from './batches';
import { type AuthorisationDto, authorisationDtos, eventFacts, resolveFor } from './failure-resolution';
import { installationClauses, rollupClauses } from './installation-filters';
import { decodeCursor, encodeCursor, isDateText, isTimestampText } from './keyset-cursor';
import { incidentsVisibleTo, installationsVisibleTo, redactTriageDecision, supplierNameFor } from './scope';

export const INSTALLATION_PAGE_SIZE = 50;
/** Up to this many matches an MPAN/MPRN search is counted exactly; beyond it the page says "more than". */
export const EXACT_COUNT_LIMIT = 10_000;

/** What a list row shows. Supplier names are masked for a supplier viewer (split supply, MRR disclosure). */
export interface InstallationRow {
  id: number;
  mpan: string | null;
  mprn: string | null;
  electricitySupplier: string | null;
  gasSupplier: string | null;
  groupId: GroupId;
  type: InstallationType;
  splitSupply: boolean;
  migrationWeek: string | null;
  stage: StageId;
  status: InstallationStatus;
  lastCode: string | null;
  lastCodeDescription: string | null;
  /** The next move on the last failure, resolved for the viewer (lib/rules/resolve.ts); null unless failed. */
  nextMove: ListNextMove | null;
  attempts: number;
  lastChangedAt: string;
}

/** What the list shows of a failure's resolution: its scenario and whose move it is. */
export interface ListNextMove {
  citation: string;
  title: string;
  ownerLabel: string;
  readerActs: boolean;
}

export interface InstallationPage {
  rows: InstallationRow[];
  nextCursor: string | null;
}

const electricitySupplier = alias(parties, 'electricity_supplier');
const gasSupplier = alias(parties, 'gas_supplier');

type InstallationRecord = typeof installations.$inferSelect;

/** The DTO every installation view starts from: one mapping, so list and timeline always agree. */
function toInstallationRow(
  viewer: Viewer,
  i: Pick<
    InstallationRecord,
    | 'id'
    | 'mpan'
    | 'mprn'
    | 'electricitySupplierId'
    | 'gasSupplierId'
    | 'groupId'
    | 'installationType'
    | 'splitSupply'
    | 'migrationWeek'
    | 'stage'
    | 'status'
    | 'lastCode'
    | 'lastFailedStep'
    | 'attemptCount'
    | 'lastChangedAt'
    | 'electricityState'
    | 'gasState'
    | 'toBeCommissionedByDcc'
  >,
  names: { electricity: string | null; gas: string | null },
): InstallationRow {
  return {
    id: i.id,
    mpan: i.mpan,
    mprn: i.mprn,
    electricitySupplier: supplierNameFor(viewer, i.electricitySupplierId, names.electricity),
    gasSupplier: supplierNameFor(viewer, i.gasSupplierId, names.gas),
    groupId: i.groupId,
    type: i.installationType,
    splitSupply: i.splitSupply,
    migrationWeek: i.migrationWeek,
    stage: i.stage,
    status: i.status,
    lastCode: i.lastCode,
    lastCodeDescription: i.lastCode ? describeCode(i.lastCode).description : null,
    nextMove: listNextMove(viewer, i),
    attempts: i.attemptCount,
    lastChangedAt: i.lastChangedAt.toISOString(),
  };
}

/** The list resolves the last failure from the installation's own facts (the page adds the MA and incident). */
function listNextMove(viewer: Viewer, i: Parameters<typeof toInstallationRow>[1]): ListNextMove | null {
  if (!i.lastCode || (i.status !== 'failed' && i.status !== 'rolled-back')) return null;
  const r = resolveFor(viewer, i, {
    code: i.lastCode,
    failedStep: i.lastFailedStep,
    stage: i.stage,
    submittedBy: null,
    authoredByViewer: null,
    linkedIncidentScenario: null,
  });
  return {
    citation: r.citation,
    title: r.title,
    ownerLabel: r.nextMove.ownerLabel,
    readerActs: r.nextMove.readerActs,
  };
}
/** The list's sort columns: its pages, its batches and its COPY export order by the same. */
export const SORT_COLUMNS = {
  changed: installations.lastChangedAt,
  week: sql`coalesce(${installations.migrationWeek}, DATE '1970-01-01')`,
} as const;

/** What a cursor's value must look like for each sort, so a forged one restarts instead of failing a cast. */
const SORT_VALUE_IS_VALID = { changed: isTimestampText, week: isDateText } as const;

/** One keyset page of the list's query: rows strictly after `after` in the list's order. */
async function selectInstallations(
  viewer: Viewer,
  query: Omit<InstallationListQuery, 'cursor'>,
  after: [string, number] | null,
  limit: number,
) {
  const db = await getDb();
  const sortColumn = SORT_COLUMNS[query.sort];
  const clauses = installationClauses(viewer, query);
  if (after) {
    const [value, id] = after;
    const cast = query.sort === 'changed' ? sql`${value}::timestamptz` : sql`${value}::date`;
    clauses.push(
      query.dir === 'desc'
        ? sql`(${sortColumn}, ${installations.id}) < (${cast}, ${id})`
        : sql`(${sortColumn}, ${installations.id}) > (${cast}, ${id})`,
    );
  }
  const order = query.dir === 'desc' ? desc : asc;
  const rows = await db
    .select({
      // Only the columns a row shows or resolves its next move from: at export sizes, parsing unused columns
      // costs more than the query.
      installation: {
        id: installations.id,
        electricityState: installations.electricityState,
        gasState: installations.gasState,
        toBeCommissionedByDcc: installations.toBeCommissionedByDcc,
        lastFailedStep: installations.lastFailedStep,
        mpan: installations.mpan,
        mprn: installations.mprn,
        electricitySupplierId: installations.electricitySupplierId,
        gasSupplierId: installations.gasSupplierId,
        groupId: installations.groupId,
        installationType: installations.installationType,
        splitSupply: installations.splitSupply,
        migrationWeek: installations.migrationWeek,
        stage: installations.stage,
        status: installations.status,
        lastCode: installations.lastCode,
        attemptCount: installations.attemptCount,
        lastChangedAt: installations.lastChangedAt,
      },
      electricitySupplierName: electricitySupplier.name,
      gasSupplierName: gasSupplier.name,
      sortValue: sql<string>`(${sortColumn})::text`,
    })
    .from(installations)
    .leftJoin(electricitySupplier, eq(electricitySupplier.id, installations.electricitySupplierId))
    .leftJoin(gasSupplier, eq(gasSupplier.id, installations.gasSupplierId))
    .where(and(...clauses))
    .orderBy(order(sortColumn), order(installations.id))
    .limit(limit);
  return rows.map((row) => ({
    row: toInstallationRow(viewer, row.installation, {
      electricity: row.electricitySupplierName,
      gas: row.gasSupplierName,
    }),
    key: [row.sortValue, row.installation.id] as [string, number],
  }));
}

export async function listInstallations(
  viewer: Viewer,
  query: InstallationListQuery,
): Promise<InstallationPage> {
  const rows = await selectInstallations(
    viewer,
    query,
    decodeCursor(query.cursor, SORT_VALUE_IS_VALID[query.sort]),
    INSTALLATION_PAGE_SIZE + 1,
  );
  const page = rows.slice(0, INSTALLATION_PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page.map((r) => r.row),
    nextCursor: rows.length > INSTALLATION_PAGE_SIZE && last ? encodeCursor(...last.key) : null,
  };
}

/**
 * Every installation the list shows for this filter and sort, from its first row, in batches: the "export what I
 * see" CSV (lib/exports/registry.ts). Same query, same order, same masking as the list.
 */
export async function* installationBatches(
  viewer: Viewer,
  query: Omit<InstallationListQuery, 'cursor'>,
  size = EXPORT_BATCH_SIZE,
): AsyncGenerator<InstallationRow[]> {
  const batches = keysetBatches(
    (after: [string, number] | null, limit) => selectInstallations(viewer, query, after, limit),
    (r) => r.key,
    size,
  );
  for await (const batch of batches) yield batch.map((r) => r.row);
}

export interface InstallationCount {
  value: number;
  exact: boolean;
}

/**
 * How many installations match. Without an MPAN/MPRN search the answer comes from the rollups (exact and
 * constant-cost); a search is counted live up to EXACT_COUNT_LIMIT.
 */
export async function countInstallations(
  viewer: Viewer,
  filter: InstallationFilter,
): Promise<InstallationCount> {
  const db = await getDb();
  // The MPAN/MPRN search and "ended an attempt during week W" are not rollup dimensions: counted live.
  if (!filter.q && !filter.outcomeWeek) {
    const [row] = await db
      .select({ n: sum(installationRollups.count).mapWith(Number) })
      .from(installationRollups)
      .where(and(...rollupClauses(viewer, filter)));
    return { value: row?.n ?? 0, exact: true };
  }
  const limited = db
    .select({ one: sql`1` })
    .from(installations)
    .where(and(...installationClauses(viewer, filter)))
    .limit(EXACT_COUNT_LIMIT + 1)
    .as('limited');
  const [row] = await db.select({ n: count() }).from(limited);
  const n = row?.n ?? 0;
  return n > EXACT_COUNT_LIMIT ? { value: EXACT_COUNT_LIMIT, exact: false } : { value: n, exact: true };
}

export interface InstallationDetail extends InstallationRow {
  electricityState: 'active' | 'dormant' | null;
  gasState: 'active' | 'dormant' | null;
  toBeCommissionedByDcc: boolean;
  priority: boolean;
  migrateOn: string | null;
  lastFailedStep: string | null;
  smso: string;
}

/** A stored event as the page gets it: no foreign key, the instant as an ISO string, a failure resolved. */
export type InstallationEventDto = Omit<InstallationEvent, 'installationId' | 'occurredAt'> & {
  occurredAt: string;
  /** A failure's scenario and next move for the viewer (lib/rules/resolve.ts); null for other events. */
  resolution: FailureResolution | null;
};

export interface InstallationTimeline {
  installation: InstallationDetail;
  events: InstallationEventDto[];
  incidents: {
    id: number;
    reference: string;
    scenario: string;
    title: string;
    status: string;
    owner: string;
    raisedAt: string;
  }[];
  authorisations: AuthorisationDto[];
  /** MEHRS 4 decisions, oldest first; `reason` is null where the viewer may not read it (scope.ts). */
  triage: {
    id: number;
    decidedAt: string;
    decision: TriageDecision;
    rescheduledWeek: string | null;
    reason: string | null;
    overruleReason: string | null;
    supersedesId: number | null;
  }[];
  /** The latest failure's resolution (the last failed or rolled-back event), or null. */
  latestFailure: (FailureResolution & { occurredAt: string; attempt: number }) | null;
}

/**
 * One installation with its whole history, or null when it does not exist *or* the viewer may not see it:
 * callers answer both with the same 404.
 */
export async function getInstallationTimeline(
  viewer: Viewer,
  id: number,
): Promise<InstallationTimeline | null> {
  const db = await getDb();
  const smso = alias(parties, 'smso');
  const [row] = await db
    .select({
      installation: installations,
      electricitySupplierName: electricitySupplier.name,
      gasSupplierName: gasSupplier.name,
      smsoName: smso.name,
    })
    .from(installations)
    .innerJoin(smso, eq(smso.id, installations.smsoPartyId))
    .leftJoin(electricitySupplier, eq(electricitySupplier.id, installations.electricitySupplierId))
    .leftJoin(gasSupplier, eq(gasSupplier.id, installations.gasSupplierId))
    .where(and(eq(installations.id, id), installationsVisibleTo(viewer)));
  if (!row) return null;
  const i = row.installation;

  const owner = alias(parties, 'owner');
  const [events, linkedIncidents, authorisations, triage] = await Promise.all([
    db
      .select()
      .from(installationEvents)
      .where(eq(installationEvents.installationId, id))
      .orderBy(asc(installationEvents.occurredAt), asc(installationEvents.id)),
    db
      .select({
        id: incidents.id,
        reference: incidents.reference,
        scenario: incidents.scenario,
        title: incidents.title,
        status: incidents.status,
        owner: owner.name,
        raisedAt: incidents.raisedAt,
      })
      .from(incidentInstallations)
      .innerJoin(incidents, eq(incidents.id, incidentInstallations.incidentId))
      .innerJoin(owner, eq(owner.id, incidents.ownerPartyId))
      .where(and(eq(incidentInstallations.installationId, id), incidentsVisibleTo(viewer)))
      .orderBy(desc(incidents.raisedAt)),
    // Every MA of the installation: another supplier's is shown masked (scope.authorisingPartyFor).
    db
      .select({
        ma: migrationAuthorisations,
        party: { id: parties.id, role: parties.role, name: parties.name },
      })
      .from(migrationAuthorisations)
      .innerJoin(parties, eq(parties.id, migrationAuthorisations.authorisingPartyId))
      .where(eq(migrationAuthorisations.installationId, id))
      .orderBy(asc(migrationAuthorisations.receivedAt), asc(migrationAuthorisations.id)),
    i.installationType === 'active-only'
      ? Promise.resolve([])
      : db
          .select()
          .from(triageDecisions)
          .where(eq(triageDecisions.installationId, id))
          .orderBy(asc(triageDecisions.decidedAt), asc(triageDecisions.id)),
  ]);

  const resolved = events.map(({ installationId: _, ...e }) => ({
    ...e,
    occurredAt: e.occurredAt.toISOString(),
    resolution:
      e.status === 'failed' || e.status === 'rolled-back'
        ? resolveFor(viewer, i, eventFacts(viewer, e, authorisations, linkedIncidents))
        : null,
  }));
  const latest = resolved.findLast((e) => e.resolution !== null);
  return {
    installation: {
      ...toInstallationRow(viewer, i, { electricity: row.electricitySupplierName, gas: row.gasSupplierName }),
      electricityState: i.electricityState,
      gasState: i.gasState,
      toBeCommissionedByDcc: i.toBeCommissionedByDcc,
      priority: i.priority,
      migrateOn: i.migrateOn,
      lastFailedStep: i.lastFailedStep,
      smso: row.smsoName,
    },
    events: resolved,
    incidents: linkedIncidents.map((inc) => ({ ...inc, raisedAt: inc.raisedAt.toISOString() })),
    authorisations: authorisationDtos(viewer, authorisations),
    triage: triage.map((t) => {
      const visible = redactTriageDecision(viewer, t);
      return {
        id: t.id,
        decidedAt: t.decidedAt.toISOString(),
        decision: t.decision,
        rescheduledWeek: t.rescheduledWeek,
        reason: visible.reason,
        overruleReason: visible.reason === null ? null : t.overruleReason,
        supersedesId: t.supersedesId,
      };
    }),
    latestFailure: latest?.resolution
      ? { ...latest.resolution, occurredAt: latest.occurredAt, attempt: latest.attempt }
      : null,
  };
}
