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
import type { TriageDecision } from '@/lib/rules/triage';
import type { GroupId, InstallationStatus, InstallationType, StageId } from '@/lib/rules/types';
import { installationClauses, rollupClauses } from './installation-filters';
import { installationsVisibleTo, redactTriageDecision } from './scope';

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
  attempts: number;
  lastChangedAt: string;
}

export interface InstallationPage {
  rows: InstallationRow[];
  nextCursor: string | null;
}

const OTHER_SUPPLIER = 'Other supplier';
const electricitySupplier = alias(parties, 'electricity_supplier');
const gasSupplier = alias(parties, 'gas_supplier');

/** The name a viewer may see for a meter's supplier: a supplier never learns who the other one is. */
function supplierLabel(viewer: Viewer, supplierId: number | null, name: string | null): string | null {
  if (supplierId === null) return null;
  if (viewer.role === 'supplier' && supplierId !== viewer.supplierId) return OTHER_SUPPLIER;
  return name;
}

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
    | 'attemptCount'
    | 'lastChangedAt'
  >,
  names: { electricity: string | null; gas: string | null },
): InstallationRow {
  return {
    id: i.id,
    mpan: i.mpan,
    mprn: i.mprn,
    electricitySupplier: supplierLabel(viewer, i.electricitySupplierId, names.electricity),
    gasSupplier: supplierLabel(viewer, i.gasSupplierId, names.gas),
    groupId: i.groupId,
    type: i.installationType,
    splitSupply: i.splitSupply,
    migrationWeek: i.migrationWeek,
    stage: i.stage,
    status: i.status,
    lastCode: i.lastCode,
    lastCodeDescription: i.lastCode ? describeCode(i.lastCode).description : null,
    attempts: i.attemptCount,
    lastChangedAt: i.lastChangedAt.toISOString(),
  };
}

// Keyset pagination: the cursor is the last row's (sort value, id), so page 1,000 costs what page 1 does.
const SORT_COLUMNS = {
  changed: installations.lastChangedAt,
  week: sql`coalesce(${installations.migrationWeek}, DATE '1970-01-01')`,
} as const;

/** Exported for the benchmark, which needs a cursor deep into the list without paging there. */
export function encodeCursor(value: string, id: number): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): [string, number] | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && Number.isSafeInteger(parsed[1])) {
      return [parsed[0], parsed[1] as number];
    }
  } catch {
    // A forged or stale cursor restarts from the first page.
  }
  return null;
}

export async function listInstallations(
  viewer: Viewer,
  query: InstallationListQuery,
): Promise<InstallationPage> {
  const db = await getDb();
  const sortColumn = SORT_COLUMNS[query.sort];
  const after = decodeCursor(query.cursor);
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
      installation: installations,
      electricitySupplierName: electricitySupplier.name,
      gasSupplierName: gasSupplier.name,
      sortValue: sql<string>`(${sortColumn})::text`,
    })
    .from(installations)
    .leftJoin(electricitySupplier, eq(electricitySupplier.id, installations.electricitySupplierId))
    .leftJoin(gasSupplier, eq(gasSupplier.id, installations.gasSupplierId))
    .where(and(...clauses))
    .orderBy(order(sortColumn), order(installations.id))
    .limit(INSTALLATION_PAGE_SIZE + 1);

  const page = rows.slice(0, INSTALLATION_PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page.map((row) =>
      toInstallationRow(viewer, row.installation, {
        electricity: row.electricitySupplierName,
        gas: row.gasSupplierName,
      }),
    ),
    nextCursor:
      rows.length > INSTALLATION_PAGE_SIZE && last
        ? encodeCursor(last.sortValue, last.installation.id)
        : null,
  };
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
  if (!filter.q) {
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

/** A stored event as the page gets it: no foreign key, the instant as an ISO string. */
export type InstallationEventDto = Omit<InstallationEvent, 'installationId' | 'occurredAt'> & {
  occurredAt: string;
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
  }[];
  authorisations: {
    id: number;
    migrationWeek: string;
    migrateOn: string;
    receivedAt: string;
    validationStatus: 'accepted' | 'rejected';
    validationCodes: string[];
    completionStatus: 'success' | 'failure' | null;
    completionCode: string | null;
  }[];
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
      })
      .from(incidentInstallations)
      .innerJoin(incidents, eq(incidents.id, incidentInstallations.incidentId))
      .innerJoin(owner, eq(owner.id, incidents.ownerPartyId))
      .where(eq(incidentInstallations.installationId, id))
      .orderBy(desc(incidents.raisedAt)),
    db
      .select()
      .from(migrationAuthorisations)
      .where(
        and(
          eq(migrationAuthorisations.installationId, id),
          // A supplier sees its own MAs only: on a split supply, the other supplier's MAs are its business.
          viewer.role === 'supplier'
            ? eq(migrationAuthorisations.authorisingPartyId, viewer.supplierId)
            : undefined,
        ),
      )
      .orderBy(asc(migrationAuthorisations.receivedAt)),
    i.installationType === 'active-only'
      ? Promise.resolve([])
      : db
          .select()
          .from(triageDecisions)
          .where(eq(triageDecisions.installationId, id))
          .orderBy(asc(triageDecisions.decidedAt), asc(triageDecisions.id)),
  ]);

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
    events: events.map(({ installationId: _, ...e }) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
    incidents: linkedIncidents,
    authorisations: authorisations.map((a) => ({
      id: a.id,
      migrationWeek: a.migrationWeek,
      migrateOn: a.migrateOn,
      receivedAt: a.receivedAt.toISOString(),
      validationStatus: a.validationStatus,
      validationCodes: a.validationCodes,
      completionStatus: a.completionStatus,
      completionCode: a.completionCode,
    })),
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
  };
}
