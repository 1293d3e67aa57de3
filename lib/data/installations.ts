import 'server-only';
import { and, asc, count, desc, eq, type SQL, sql, sum } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
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
import {
  type InstallationFilter,
  type InstallationListQuery,
  type InstallationSort,
  selectedMoveKinds,
} from '@/lib/filters/installations';
import { describeCode } from '@/lib/rules/codes';
import type { NextMoveKind } from '@/lib/rules/next-moves';
import type { FailureResolution } from '@/lib/rules/resolve';
import type { TriageDecision } from '@/lib/rules/triage';
import {
  type GroupId,
  type IncidentStatus,
  type InstallationStatus,
  type InstallationType,
  STAGE_IDS,
  type StageId,
} from '@/lib/rules/types';
import { EXPORT_BATCH_SIZE, keysetBatches } from './batches';
import {
  type AuthorisationDto,
  authorisationDtos,
  authorisationOfEvent,
  eventFacts,
  resolveFor,
} from './failure-resolution';
import { installationClauses, rollupClauses, WEEK_OR_NONE } from './installation-filters';
import {
  type CursorKey,
  decodeCursor,
  encodeCursor,
  isBooleanText,
  isDateText,
  isIntegerText,
  isTimestampText,
} from './keyset-cursor';
import { countNextMoves } from './next-move-counts';
import {
  authorisationEventVisibleTo,
  incidentsVisibleTo,
  installationsVisibleTo,
  partyNameFor,
  redactTriageDecision,
  supplierNameFor,
  withViewerReadScope,
  withViewerScope,
} from './scope';

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

/** What the list shows of a failure's resolution: its scenario, whose move it is and the move in a few words. */
export interface ListNextMove {
  citation: string;
  title: string;
  kind: NextMoveKind;
  ownerLabel: string;
  summary: string;
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
    kind: r.nextMove.kind,
    ownerLabel: r.nextMove.ownerLabel,
    summary: r.nextMove.summary,
    readerActs: r.nextMove.readerActs,
  };
}
/**
 * One value a sort orders by: the expression (which an index in db/schema/installations.ts must match to serve
 * it), how a cursor's text becomes that type again, and what that text must look like so a forged cursor
 * restarts instead of failing a cast.
 */
interface SortPart {
  expression: SQL;
  cast: (value: string) => SQL;
  isValid: (value: string) => boolean;
}

const lastChanged: SortPart = {
  expression: sql`${installations.lastChangedAt}`,
  cast: (v) => sql`${v}::timestamptz`,
  isValid: isTimestampText,
};

/** False for an installation whose last attempt failed or rolled back: false sorts first. */
const nothingToAct: SortPart = {
  expression: sql`(${installations.status} NOT IN ('failed', 'rolled-back'))`,
  // A literal, not a parameter: postgres.js would serialise the text 'true' for a boolean parameter as false.
  cast: (v) => (v === 'true' ? sql`true` : sql`false`),
  isValid: isBooleanText,
};

const SORTS: Record<InstallationSort, readonly SortPart[]> = {
  attention: [nothingToAct, lastChanged],
  changed: [lastChanged],
  week: [
    {
      expression: WEEK_OR_NONE,
      cast: (v) => sql`${v}::date`,
      isValid: isDateText,
    },
  ],
  code: [
    {
      expression: sql`coalesce(${installations.lastCode}, '')`,
      cast: (v) => sql`${v}::varchar`,
      isValid: (v) => /^[A-Z0-9.]{0,16}$/.test(v),
    },
  ],
  stage: [
    {
      expression: sql`${installations.stage}`,
      cast: (v) => sql`${v}::stage`,
      isValid: (v) => (STAGE_IDS as readonly string[]).includes(v),
    },
  ],
  attempts: [
    {
      expression: sql`${installations.attemptCount}`,
      cast: (v) => sql`${v}::smallint`,
      isValid: isIntegerText,
    },
  ],
};

/** The expressions a sort orders by, in order (the id breaks ties): the COPY export orders exactly as the pages do. */
export function sortExpressions(sort: InstallationSort): SQL[] {
  return SORTS[sort].map((p) => p.expression);
}

/** One keyset page of the list's query: rows strictly after `after` in the list's order. */
async function selectInstallations(
  viewer: Viewer,
  query: Omit<InstallationListQuery, 'cursor'>,
  after: CursorKey | null,
  limit: number,
) {
  return withViewerReadScope(viewer, async (db) => {
    const parts = SORTS[query.sort];
    const clauses = installationClauses(viewer, query);
    if (after) {
      // A row comparison over every sort value and the id: one index range scan, ties broken by id.
      const columns = sql.join([...parts.map((p) => p.expression), sql`${installations.id}`], sql`, `);
      const values = sql.join(
        [...parts.map((p, i) => p.cast(after.values[i] ?? '')), sql`${after.id}`],
        sql`, `,
      );
      clauses.push(query.dir === 'desc' ? sql`(${columns}) < (${values})` : sql`(${columns}) > (${values})`);
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
        sortValues: sql<string[]>`ARRAY[${sql.join(
          parts.map((p) => sql`(${p.expression})::text`),
          sql`, `,
        )}]`,
      })
      .from(installations)
      .leftJoin(electricitySupplier, eq(electricitySupplier.id, installations.electricitySupplierId))
      .leftJoin(gasSupplier, eq(gasSupplier.id, installations.gasSupplierId))
      .where(and(...clauses))
      .orderBy(...parts.map((p) => order(p.expression)), order(installations.id))
      .limit(limit);
    return rows.map((row) => ({
      row: toInstallationRow(viewer, row.installation, {
        electricity: row.electricitySupplierName,
        gas: row.gasSupplierName,
      }),
      key: { values: row.sortValues, id: row.installation.id } satisfies CursorKey,
    }));
  });
}

export async function listInstallations(
  viewer: Viewer,
  query: InstallationListQuery,
): Promise<InstallationPage> {
  const rows = await selectInstallations(
    viewer,
    query,
    decodeCursor(
      query.cursor,
      SORTS[query.sort].map((p) => p.isValid),
    ),
    INSTALLATION_PAGE_SIZE + 1,
  );
  const page = rows.slice(0, INSTALLATION_PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page.map((r) => r.row),
    nextCursor: rows.length > INSTALLATION_PAGE_SIZE && last ? encodeCursor(last.key) : null,
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
    (after: CursorKey | null, limit) => selectInstallations(viewer, query, after, limit),
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
  const moves = selectedMoveKinds(filter);
  return withViewerReadScope(viewer, async (db) => {
    // The MPAN/MPRN search and "ended an attempt during week W" are not rollup dimensions: counted live.
    if (!filter.q && !filter.outcomeWeek && moves) {
      const counts = await countNextMoves(viewer, filter);
      return { value: moves.reduce((n, k) => n + counts[k], 0), exact: true };
    }
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
  });
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
    status: IncidentStatus;
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
  return withViewerScope(viewer, async (db) => {
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
          owner: { id: owner.id, role: owner.role, name: owner.name },
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
      shown: authorisationEventVisibleTo(viewer, authorisationOfEvent(e, authorisations)?.party),
    }));
    // The latest failure is the installation's own (its list row shows the same code and next move); only the
    // events that tell of another supplier's MA are withheld from the timeline.
    const latest = resolved.findLast((e) => e.resolution !== null);
    return {
      installation: {
        ...toInstallationRow(viewer, i, {
          electricity: row.electricitySupplierName,
          gas: row.gasSupplierName,
        }),
        electricityState: i.electricityState,
        gasState: i.gasState,
        toBeCommissionedByDcc: i.toBeCommissionedByDcc,
        priority: i.priority,
        migrateOn: i.migrateOn,
        lastFailedStep: i.lastFailedStep,
        smso: row.smsoName,
      },
      events: resolved.filter((e) => e.shown).map(({ shown: _, ...e }) => e),
      incidents: linkedIncidents.map((inc) => ({
        ...inc,
        owner: partyNameFor(viewer, inc.owner),
        raisedAt: inc.raisedAt.toISOString(),
      })),
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
  });
}
