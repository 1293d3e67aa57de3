import 'server-only';
import { and, asc, type Column, eq, gte, isNotNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { installationEvents, installations, migrationAuthorisations, parties } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import type { GroupId, InstallationStatus, InstallationType, StageId } from '@/lib/rules/types';
import { addCalendarDays, type IsoDate, londonStartOfDay } from '@/lib/rules/weeks';
import { keysetBatches } from './batches';
import type { CopySource } from './copy-out';
import { authorisationsVisibleTo, installationsVisibleTo, withViewerReadScope } from './scope';

/** Rows of the Migration Reporting Regime reports (seed 003; docs/reports.md), read in keyset batches (./batches). */

/** A reporting period: whole London days, both ends included. */
export interface ReportPeriod {
  from: IsoDate;
  to: IsoDate;
}

export interface ReportQuery {
  period: ReportPeriod;
  /** An analyst's chosen supplier (already checked by exportSupplier); ignored for a supplier viewer's scope. */
  supplier?: number;
  /** Rows per query (tests use small batches to cross many batch boundaries). */
  batchSize?: number;
}

function instants(period: ReportPeriod): [Date, Date] {
  return [londonStartOfDay(period.from), londonStartOfDay(addCalendarDays(period.to, 1))];
}

/** Timestamps travel as text so a keyset never loses PostgreSQL's microseconds to a JS Date. */
type TimeKey = [string, number];

function after(column: Column, id: Column, key: TimeKey | null): SQL | undefined {
  return key ? sql`(${column}, ${id}) > (${key[0]}::timestamptz, ${key[1]})` : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Report 2 (S1MIG-002) and S1MIG-001: from the installation history
// ---------------------------------------------------------------------------------------------------------

export interface FailureRow {
  eventId: number;
  installationId: number;
  occurredAt: Date;
  mpan: string | null;
  mprn: string | null;
  groupId: GroupId;
  type: InstallationType;
  attempt: number;
  stage: StageId;
  status: InstallationStatus;
  code: string | null;
  failedStep: string | null;
  scenario: string | null;
  key: string;
}

/** History events of one kind in the period, in the viewer's scope (and an analyst's supplier). */
function eventsWhere(viewer: Viewer, query: ReportQuery, which: SQL): SQL | undefined {
  const [start, end] = instants(query.period);
  const e = installationEvents;
  return and(
    which,
    gte(e.occurredAt, start),
    lt(e.occurredAt, end),
    installationsVisibleTo(viewer),
    installationSupplier(query.supplier),
  );
}

/** A chosen supplier narrows any viewer's rows further (inside its scope, never wider). */
function installationSupplier(supplier: number | undefined): SQL | undefined {
  if (supplier === undefined) return undefined;
  return or(eq(installations.electricitySupplierId, supplier), eq(installations.gasSupplierId, supplier));
}

// Literals, not parameters: the partial index installation_events_failures_at_idx (migration 0005).
const FAILURES = sql`${installationEvents.status} in ('failed', 'rolled-back') and ${installationEvents.stage} <> 'authorisation'`;

/**
 * Report 2: every failure after MA validation in the period, with its FailedStepNumber (MEHRS 2.4.5–2.7.7).
 * MA validation failures are Reports 6 and 10 (MEHRS 2.3.2); on a split supply they belong to one supplier's MA.
 */
export function report2Batches(viewer: Viewer, query: ReportQuery): AsyncGenerator<FailureRow[]> {
  const e = installationEvents;
  return keysetBatches(
    async (key: TimeKey | null, limit) => {
      return withViewerReadScope(viewer, async (db) => {
        return db
          .select({
            eventId: e.id,
            installationId: e.installationId,
            occurredAt: e.occurredAt,
            mpan: installations.mpan,
            mprn: installations.mprn,
            groupId: installations.groupId,
            type: installations.installationType,
            attempt: e.attempt,
            stage: e.stage,
            status: e.status,
            code: e.code,
            failedStep: e.failedStep,
            scenario: e.scenario,
            key: sql<string>`${e.occurredAt}::text`,
          })
          .from(e)
          .innerJoin(installations, eq(installations.id, e.installationId))
          .where(and(eventsWhere(viewer, query, FAILURES), after(e.occurredAt, e.id, key)))
          .orderBy(asc(e.occurredAt), asc(e.id))
          .limit(limit);
      });
    },
    (row): TimeKey => [row.key, row.eventId],
    query.batchSize,
  );
}

/** Report 2 as one query for COPY, in the export's column order (lib/exports/reports.ts), ordered as the batches. */
export function report2CopySource(viewer: Viewer, query: ReportQuery): CopySource {
  const e = installationEvents;
  const i = installations;
  return {
    values: [
      e.occurredAt,
      i.mpan,
      i.mprn,
      i.groupId,
      i.installationType,
      e.attempt,
      e.stage,
      e.status,
      e.code,
      e.failedStep,
      e.scenario,
    ].map((column) => sql`${column}`),
    rest: sql`from ${e} inner join ${i} on ${eq(i.id, e.installationId)}
      where ${eventsWhere(viewer, query, FAILURES)} order by ${asc(e.occurredAt)}, ${asc(e.id)}`,
  };
}

export interface MigratedRow {
  eventId: number;
  installationId: number;
  migratedAt: Date;
  mpan: string | null;
  mprn: string | null;
  groupId: GroupId;
  type: InstallationType;
  migrationWeek: string | null;
  migrateOn: string | null;
  attempt: number;
  key: string;
}

/** S1MIG-001: installations successfully migrated in the period (one row per installation). */
export function s1mig001Batches(viewer: Viewer, query: ReportQuery): AsyncGenerator<MigratedRow[]> {
  const e = installationEvents;
  return keysetBatches(
    async (key: TimeKey | null, limit) => {
      return withViewerReadScope(viewer, async (db) => {
        return db
          .select({
            eventId: e.id,
            installationId: e.installationId,
            migratedAt: e.occurredAt,
            mpan: installations.mpan,
            mprn: installations.mprn,
            groupId: installations.groupId,
            type: installations.installationType,
            migrationWeek: installations.migrationWeek,
            migrateOn: installations.migrateOn,
            attempt: e.attempt,
            key: sql<string>`${e.occurredAt}::text`,
          })
          .from(e)
          .innerJoin(installations, eq(installations.id, e.installationId))
          .where(
            and(eventsWhere(viewer, query, sql`${e.status} = 'migrated'`), after(e.occurredAt, e.id, key)),
          )
          .orderBy(asc(e.occurredAt), asc(e.id))
          .limit(limit);
      });
    },
    (row): TimeKey => [row.key, row.eventId],
    query.batchSize,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Reports 6 (S1MIG-006) and 10 (S1MIG-010): from the Migration Authorisations
// ---------------------------------------------------------------------------------------------------------

export interface AuthorisationRow {
  id: number;
  installationId: number | null;
  partySecId: string | null;
  partyName: string;
  mpan: string | null;
  mprn: string | null;
  migrationWeek: string;
  migrateOn: string;
  receivedAt: Date;
  validationStatus: 'accepted' | 'rejected';
  validationCodes: string[];
  completionStatus: 'success' | 'failure' | null;
  completionCode: string | null;
  completedAt: Date | null;
  key: string;
}

function authorisationColumns(keyColumn: Column) {
  const a = migrationAuthorisations;
  return {
    id: a.id,
    installationId: a.installationId,
    partySecId: parties.secPartyId,
    partyName: parties.name,
    mpan: a.mpan,
    mprn: a.mprn,
    migrationWeek: a.migrationWeek,
    migrateOn: a.migrateOn,
    receivedAt: a.receivedAt,
    validationStatus: a.validationStatus,
    validationCodes: a.validationCodes,
    completionStatus: a.completionStatus,
    completionCode: a.completionCode,
    completedAt: a.completedAt,
    key: sql<string>`${keyColumn}::text`,
  };
}

/** MAs whose `time` falls in the period, in the viewer's scope (and an analyst's supplier), in `time` order. */
function authorisationBatches(
  viewer: Viewer,
  query: ReportQuery,
  time: typeof migrationAuthorisations.receivedAt | typeof migrationAuthorisations.completedAt,
  which: SQL,
): AsyncGenerator<AuthorisationRow[]> {
  const [start, end] = instants(query.period);
  const a = migrationAuthorisations;
  return keysetBatches(
    async (key: TimeKey | null, limit) => {
      return withViewerReadScope(viewer, async (db) => {
        return db
          .select(authorisationColumns(time))
          .from(a)
          .innerJoin(parties, eq(parties.id, a.authorisingPartyId))
          .where(
            and(
              which,
              gte(time, start),
              lt(time, end),
              authorisationsVisibleTo(viewer),
              query.supplier === undefined ? undefined : eq(a.authorisingPartyId, query.supplier),
              after(time, a.id, key),
            ),
          )
          .orderBy(asc(time), asc(a.id))
          .limit(limit);
      });
    },
    (row): TimeKey => [row.key, row.id],
    query.batchSize,
  );
}

/**
 * Report 6: every MA Completion Response in the period, Success or Failure only, one Completion Reason Code per
 * row (MRR v3.0, seed 003 4.4–4.6): MA validation failures (MEHRS 2.3.2) and every later failure, MCF and MVF
 * validation included. Its successes reconcile with S1MIG-001 for the same period and party.
 */
export function report6Batches(viewer: Viewer, query: ReportQuery): AsyncGenerator<AuthorisationRow[]> {
  const a = migrationAuthorisations;
  return authorisationBatches(viewer, query, a.completedAt, isNotNull(a.completionStatus));
}

/** Report 10 expands an MA into one row per reason code, or one row with none when it was accepted. */
export interface ValidationResponseRow extends AuthorisationRow {
  reasonCode: string | null;
}

/**
 * Report 10: the MA Validation Responses to MAs received in the period, for Active installations only (MEHRS
 * 2.3.2): the MAs a supplier sent, never the DCC's for dormant meters.
 */
export async function* report10Batches(
  viewer: Viewer,
  query: ReportQuery,
): AsyncGenerator<ValidationResponseRow[]> {
  const batches = authorisationBatches(
    viewer,
    query,
    migrationAuthorisations.receivedAt,
    eq(parties.role, 'supplier'),
  );
  for await (const rows of batches) {
    yield rows.flatMap((row): ValidationResponseRow[] =>
      row.validationCodes.length === 0
        ? [{ ...row, reasonCode: null }]
        : row.validationCodes.map((reasonCode) => ({ ...row, reasonCode })),
    );
  }
}
