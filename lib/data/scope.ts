import 'server-only';
import { and, type Column, eq, exists, inArray, or, type SQL, sql } from 'drizzle-orm';
import { inRowScope, type RowScope, type Transaction } from '@/db/client';
import {
  authorisationRollups,
  fileImports,
  incidentEvents,
  incidentInterestedParties,
  incidentNotes,
  incidents,
  installations,
  migrationAuthorisations,
  parties,
  weeklyDemand,
} from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';

/** Analysts and admins see the whole migration; a supplier only what it is Responsible Supplier for. */
export function seesEverything(viewer: Viewer): boolean {
  return can(viewer, 'migration.viewAll');
}

/**
 * Every visibility and redaction decision of the data layer lives in this file, one function per table or view,
 * so no query can forget the supplier wall (tests/architecture.test.ts keeps it that way). Undefined means no
 * restriction.
 */

// ── Row-level security, the second wall ─────────────────────────────────────────────────────────────────────

/**
 * The scope the database's policies enforce for a viewer (db/migrations/0023_row_level_security.sql): the same
 * decision as the clauses below, so a query that forgets its clause still reads only the viewer's rows.
 */
export function rowScopeOf(viewer: Viewer): RowScope {
  const ownParty = viewerParty(viewer);
  return ownParty === null ? 'all' : `${ownParty}`;
}

/**
 * Every data function that reads supplier-scoped tables runs its queries through this: as the row-scoped role,
 * under the viewer's row scope, in one transaction (the caller's when given).
 */
export function withViewerScope<T>(
  viewer: Viewer,
  work: (db: Transaction) => Promise<T>,
  tx?: Transaction,
): Promise<T> {
  return inRowScope(rowScopeOf(viewer), tx, work);
}

/**
 * withViewerScope for the dashboards' reads (overview, list, exports, demand, reports): on the read replica when
 * DATABASE_READ_URL is set. Pages that must show the viewer's own writes at once (timelines, queues) use
 * withViewerScope.
 */
export function withViewerReadScope<T>(viewer: Viewer, work: (db: Transaction) => Promise<T>): Promise<T> {
  return inRowScope(rowScopeOf(viewer), undefined, work, 'replica');
}

// ── Installations ────────────────────────────────────────────────────────────────────────────────────────────

/** A supplier sees the installations it is Responsible Supplier for (either fuel). */
export function installationsVisibleTo(viewer: Viewer): SQL | undefined {
  if (seesEverything(viewer) || viewer.supplierId === null) return undefined;
  return or(
    eq(installations.electricitySupplierId, viewer.supplierId),
    eq(installations.gasSupplierId, viewer.supplierId),
  );
}

/** A breakdown by supplier (the overview's failure rates) names every supplier: only for a viewer who sees them all. */
export function seesSupplierBreakdown(viewer: Viewer): boolean {
  return seesEverything(viewer);
}

/** The rollup scope key (db/schema/rollups.ts): 0 is the whole migration. */
export function rollupScope(viewer: Viewer): number {
  return seesEverything(viewer) ? 0 : (viewer.supplierId ?? 0);
}

/** The rollup scope for a viewer and a chosen supplier: a supplier is always itself; an analyst may pick one. */
export function effectiveRollupScope(viewer: Viewer, filter: { supplier?: number }): number {
  return seesEverything(viewer) && filter.supplier ? filter.supplier : rollupScope(viewer);
}

/**
 * An analyst's supplier filter. A supplier's own choice is ignored: its scope already decides, and honouring a
 * forged `supplier` parameter must never widen or shift it.
 */
export function chosenSupplierClause(viewer: Viewer, supplierId: number | undefined): SQL | undefined {
  if (!supplierId || !seesEverything(viewer)) return undefined;
  return or(eq(installations.electricitySupplierId, supplierId), eq(installations.gasSupplierId, supplierId));
}

// ── Parties and their names ──────────────────────────────────────────────────────────────────────────────────

// ─── Incidents ─────────────────────────────────────────────────────────────────────────────────────────────────
// Every incident read ANDs these in, and every redaction of a supplier's view of an incident is decided here.

/**
 * A supplier sees an incident only when it is one of its Interested Parties (MEHRS 2: affected Users are notified
 * through the Self-Service Interface); the MCC sees every one. Undefined means no restriction.
 */
export function incidentsVisibleTo(viewer: Viewer): SQL | undefined {
  const ownParty = viewerParty(viewer);
  if (ownParty === null) return undefined;
  const ip = incidentInterestedParties;
  return exists(
    sql`(select 1 from ${ip} where ${ip.incidentId} = ${incidents.id} and ${ip.partyId} = ${ownParty})`,
  );
}

/** A supplier reads only the notes marked for suppliers; the MCC reads internal notes too. */
export function incidentNotesVisibleTo(viewer: Viewer): SQL | undefined {
  if (viewerParty(viewer) === null) return undefined;
  return eq(incidentNotes.visibility, 'supplier');
}

/** A supplier's history shows the status and category changes, not the MCC's assignments or internal notes. */
export function incidentEventsVisibleTo(viewer: Viewer): SQL | undefined {
  if (viewerParty(viewer) === null) return undefined;
  return inArray(incidentEvents.action, ['raised', 'status', 'category']);
}

/** The Interested Parties a viewer may learn: a supplier only itself, never another supplier's name. */
export function interestedPartiesVisibleTo(viewer: Viewer): SQL | undefined {
  const ownParty = viewerParty(viewer);
  if (ownParty === null) return undefined;
  return eq(incidentInterestedParties.partyId, ownParty);
}

/**
 * Who did what inside the MCC (analyst names, hold reasons, the text of each change) is the MCC's business: a
 * supplier sees that a change happened and when, not by whom or why.
 */
export function seesIncidentWorkings(viewer: Viewer): boolean {
  return seesEverything(viewer);
}

/** An analyst may narrow the queue to one affected supplier; a supplier's queue is already its own. */
export function incidentSupplierFilter(viewer: Viewer, supplierId: number | undefined): SQL | undefined {
  if (!supplierId || !seesEverything(viewer)) return undefined;
  const ip = incidentInterestedParties;
  return exists(
    sql`(select 1 from ${ip} where ${ip.incidentId} = ${incidents.id} and ${ip.partyId} = ${supplierId})`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Party names: a supplier never learns who the other supplier of a split supply is (MRR disclosure).
// ---------------------------------------------------------------------------------------------------------

export const OTHER_SUPPLIER = 'Other supplier';

/** The name a viewer may see for a meter's supplier: a supplier never learns who the other one is. */
export function supplierNameFor(
  viewer: Viewer,
  supplierId: number | null,
  name: string | null,
): string | null {
  if (supplierId === null) return null;
  if (!seesEverything(viewer) && supplierId !== viewer.supplierId) return OTHER_SUPPLIER;
  return name;
}

/**
 * The name a viewer may see for any party (who raised or owns an incident, who sent an MA): to a supplier, another
 * supplier is only "Other supplier"; the MCC, the DCC and SMSOs keep their names.
 */
export function partyNameFor(
  viewer: Viewer,
  party: { readonly id: number; readonly role: string; readonly name: string },
): string {
  const ownParty = viewerParty(viewer);
  const another = ownParty !== null && party.role === 'supplier' && party.id !== ownParty;
  return another ? OTHER_SUPPLIER : party.name;
}

/** `supplierNameFor` in SQL, for exports the database writes (COPY): the same masking, row by row. */
export function supplierNameSql(viewer: Viewer, supplierId: SQL | Column, name: SQL | Column): SQL {
  if (seesEverything(viewer)) return sql`${name}`;
  return sql`case when ${supplierId} is null then null when ${supplierId} = ${viewer.supplierId ?? -1} then ${name} else ${OTHER_SUPPLIER} end`;
}

/** Suppliers the viewer may choose in a filter: all of them for the MCC, only itself for a supplier. */
export function suppliersVisibleTo(viewer: Viewer): SQL {
  if (seesEverything(viewer) || viewer.supplierId === null) return eq(parties.role, 'supplier');
  return eq(parties.id, viewer.supplierId);
}

/** The party a supplier viewer belongs to; null for MCC staff, who act for no supplier. */
export function viewerParty(viewer: Viewer): number | null {
  return seesEverything(viewer) ? null : viewer.supplierId;
}

// ── Migration Authorisations ─────────────────────────────────────────────────────────────────────────────────

/** A supplier sees its own MAs only: on a split supply, the other supplier's MAs are that supplier's business. */
export function authorisationsVisibleTo(viewer: Viewer): SQL | undefined {
  if (seesEverything(viewer) || viewer.supplierId === null) return undefined;
  return eq(migrationAuthorisations.authorisingPartyId, viewer.supplierId);
}

// ---------------------------------------------------------------------------------------------------------
// Split-supply calendar (MAM, MEHRS v5.0 conclusions)
// ---------------------------------------------------------------------------------------------------------

/** What a split-supply designation read may show the viewer. */
export interface SplitSupplyScope {
  /** The MCC plans with drafts; suppliers see only what the MCC has published (MAM: "publish a calendar"). */
  includeDrafts: boolean;
  /** A supplier never learns who the other supplier is: its name reads as this label. */
  otherSupplierLabel: string;
}

export function splitSupplyScope(viewer: Viewer): SplitSupplyScope {
  return { includeDrafts: can(viewer, 'splitSupply.plan'), otherSupplierLabel: OTHER_SUPPLIER };
}

// ---------------------------------------------------------------------------------------------------------
// Weekly demand and Migration Authorisations (Report 8, MEHRS 2.2.1)
// ---------------------------------------------------------------------------------------------------------

/**
 * The Authorising Party whose demand a viewer looks at: a supplier is always itself, whatever the URL asks; the MCC
 * may pick one (`requested`) or see every party (null).
 */
export function demandParty(viewer: Viewer, requested: number | undefined): number | null {
  return viewerParty(viewer) ?? (requested || null);
}

/** Weekly demand rows (forecast, commitment) a viewer may read, narrowed to the chosen party. */
export function weeklyDemandVisibleTo(viewer: Viewer, party: number | null = null): SQL | undefined {
  const ownParty = viewerParty(viewer);
  const own = ownParty === null ? undefined : eq(weeklyDemand.supplierId, ownParty);
  return and(own, party === null ? undefined : eq(weeklyDemand.supplierId, party));
}

/** MA counts a viewer may read: a supplier only the MAs it authorised itself (never the other supplier's). */
export function authorisationRollupsVisibleTo(viewer: Viewer, party: number | null): SQL | undefined {
  const r = authorisationRollups;
  const ownParty = viewerParty(viewer);
  const own = ownParty === null ? undefined : eq(r.authorisingPartyId, ownParty);
  return and(own, party === null ? undefined : eq(r.authorisingPartyId, party));
}

/** DCC's capacity is migration-wide: only the MCC sees it, and only against every party's volume. */
export function seesCapacity(viewer: Viewer, party: number | null): boolean {
  return seesEverything(viewer) && party === null;
}

// ---------------------------------------------------------------------------------------------------------
// Migration Authorisations and weekly demand (Reports 6, 8 and 10; exports)
// ---------------------------------------------------------------------------------------------------------

/**
 * The supplier an export or report narrows to: an analyst's choice, or a supplier's own party. A supplier asking
 * for another party's id gets null (callers refuse), so a parameter can never widen or move its scope.
 */
export function exportSupplier(viewer: Viewer, requested: number | undefined): number | undefined | null {
  const ownParty = viewerParty(viewer);
  if (ownParty === null) return requested;
  if (requested !== undefined && requested !== ownParty) return null;
  return ownParty;
}

// ---------------------------------------------------------------------------------------------------------
// Authorising parties on an installation's page
// ---------------------------------------------------------------------------------------------------------

export interface AuthorisingPartyView {
  /** The party's name, "Other supplier" for another supplier seen by a supplier. */
  readonly label: string;
  /** The MA was sent by a supplier (an Authorising Party) or by the DCC for a Dormant Meter (MEHRS 2.3.2). */
  readonly kind: 'supplier' | 'dcc';
  /** The viewer's own MA. */
  readonly mine: boolean;
  /** Another supplier's MA seen by a supplier: its codes are that supplier's business and are withheld. */
  readonly masked: boolean;
}

/** How a viewer sees the sender of a Migration Authorisation. */
export function authorisingPartyFor(
  viewer: Viewer,
  party: { readonly id: number; readonly role: string; readonly name: string },
): AuthorisingPartyView {
  const kind = party.role === 'supplier' ? 'supplier' : 'dcc';
  const ownParty = viewerParty(viewer);
  const mine = ownParty !== null && party.id === ownParty;
  const masked = ownParty !== null && kind === 'supplier' && !mine;
  return { label: partyNameFor(viewer, party), kind, mine, masked };
}

/**
 * Whether a viewer reads an authorisation-stage timeline event, given the MA it tells of: not when that is another
 * supplier's (its arrival time, its rejection codes), exactly as the authorisations table withholds them on a split
 * supply. Later stages' events are the installation's own and always shown.
 */
export function authorisationEventVisibleTo(
  viewer: Viewer,
  party: { readonly id: number; readonly role: string; readonly name: string } | undefined,
): boolean {
  return !party || !authorisingPartyFor(viewer, party).masked;
}

// ---------------------------------------------------------------------------------------------------------------
// Dormant triage (MEHRS 4): the MCC's queue and decisions.

/**
 * The installations a viewer may triage: none without triage.view (the page 404s first; this is the second line),
 * otherwise the viewer's installations scope.
 */
export function triageVisibleTo(viewer: Viewer): SQL | undefined {
  if (!can(viewer, 'triage.view')) return sql`false`;
  return installationsVisibleTo(viewer);
}

/** The triage_rollups scope of a viewer, or null when it may not triage (the same wall as triageVisibleTo). */
export function triageRollupScope(viewer: Viewer): number | null {
  return can(viewer, 'triage.view') ? rollupScope(viewer) : null;
}

/**
 * A triage decision as the viewer may read it: a supplier sees the outcome and the new week on its own
 * installations, and the MCC's reasons only where the analyst marked them supplier-visible.
 */
export function redactTriageDecision<T extends { reason: string; supplierVisible: boolean }>(
  viewer: Viewer,
  decision: T,
): T & { reason: string | null } {
  if (seesEverything(viewer) || decision.supplierVisible) return decision;
  return { ...decision, reason: null };
}

// ---------------------------------------------------------------------------------------------------------
// File imports: the MCC sees every file; a supplier user only the files its own supplier submitted.
// ---------------------------------------------------------------------------------------------------------

export function fileImportsVisibleTo(viewer: Viewer): SQL | undefined {
  const ownParty = viewerParty(viewer);
  if (ownParty === null) return undefined;
  return eq(fileImports.uploadedByPartyId, ownParty);
}

/**
 * Whether an uploader may be answered with an earlier import of the same file (recognised by its SHA-256): the MCC
 * with any, a supplier only with its own. Another party's file, its id, name and problems, stay that party's.
 */
export function seesEarlierImport(
  actor: { supplierId: number | null },
  earlier: { uploadedByPartyId: number | null },
): boolean {
  return actor.supplierId === null || earlier.uploadedByPartyId === actor.supplierId;
}

/** The import actor a viewer uploads as: a supplier user is bound to its supplier's own MAs. */
export function importActorFor(viewer: Viewer): { userId: string; supplierId: number | null } {
  return { userId: viewer.userId, supplierId: viewerParty(viewer) };
}
