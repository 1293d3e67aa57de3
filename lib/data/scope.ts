import 'server-only';
import { eq, exists, inArray, or, type SQL, sql } from 'drizzle-orm';
import {
  incidentEvents,
  incidentInterestedParties,
  incidentNotes,
  incidents,
  installations,
} from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';

/** Analysts and admins see the whole migration; a supplier only what it is Responsible Supplier for. */
export function seesEverything(viewer: Viewer): boolean {
  return can(viewer, 'migration.viewAll');
}

/**
 * The one place supplier scoping of installations is decided: every installation query ANDs this in.
 * Undefined means no restriction.
 */
export function installationsVisibleTo(viewer: Viewer): SQL | undefined {
  if (viewer.role !== 'supplier') return undefined;
  return or(
    eq(installations.electricitySupplierId, viewer.supplierId),
    eq(installations.gasSupplierId, viewer.supplierId),
  );
}

/** The rollup scope key (db/schema/rollups.ts): 0 is the whole migration. */
export function rollupScope(viewer: Viewer): number {
  return viewer.role === 'supplier' ? viewer.supplierId : 0;
}

// ─── Incidents ─────────────────────────────────────────────────────────────────────────────────────────────────
// Every incident read ANDs these in, and every redaction of a supplier's view of an incident is decided here.

/**
 * A supplier sees an incident only when it is one of its Interested Parties (MEHRS 2: affected Users are notified
 * through the Self-Service Interface); the MCC sees every one. Undefined means no restriction.
 */
export function incidentsVisibleTo(viewer: Viewer): SQL | undefined {
  if (viewer.role !== 'supplier') return undefined;
  const ip = incidentInterestedParties;
  return exists(
    sql`(select 1 from ${ip} where ${ip.incidentId} = ${incidents.id} and ${ip.partyId} = ${viewer.supplierId})`,
  );
}

/** A supplier reads only the notes marked for suppliers; the MCC reads internal notes too. */
export function incidentNotesVisibleTo(viewer: Viewer): SQL | undefined {
  if (viewer.role !== 'supplier') return undefined;
  return eq(incidentNotes.visibility, 'supplier');
}

/** A supplier's history shows the status and category changes, not the MCC's assignments or internal notes. */
export function incidentEventsVisibleTo(viewer: Viewer): SQL | undefined {
  if (viewer.role !== 'supplier') return undefined;
  return inArray(incidentEvents.action, ['raised', 'status', 'category']);
}

/** The Interested Parties a viewer may learn: a supplier only itself, never another supplier's name. */
export function interestedPartiesVisibleTo(viewer: Viewer): SQL | undefined {
  if (viewer.role !== 'supplier') return undefined;
  return eq(incidentInterestedParties.partyId, viewer.supplierId);
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

/** The name a viewer may see for a meter's supplier (null when the meter has none). */
export function supplierNameFor(
  viewer: Viewer,
  supplierId: number | null,
  name: string | null,
): string | null {
  if (supplierId === null) return null;
  if (viewer.role === 'supplier' && supplierId !== viewer.supplierId) return OTHER_SUPPLIER;
  return name;
}

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
  const mine = viewer.role === 'supplier' && party.id === viewer.supplierId;
  const masked = viewer.role === 'supplier' && kind === 'supplier' && !mine;
  return { label: masked ? OTHER_SUPPLIER : party.name, kind, mine, masked };
}
