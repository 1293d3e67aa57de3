import 'server-only';
import { eq, or, type SQL } from 'drizzle-orm';
import { installations } from '@/db/schema';
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
