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
// Split-supply calendar (MAM, MEHRS v5.0 conclusions)
// ---------------------------------------------------------------------------------------------------------

/** What a split-supply designation read may show the viewer. */
export interface SplitSupplyScope {
  /** The MCC plans with drafts; suppliers see only what the MCC has published (MAM: "publish a calendar"). */
  includeDrafts: boolean;
  /** A supplier never learns who the other supplier is: its name reads as this label. */
  otherSupplierLabel: string;
}

export const OTHER_SUPPLIER_LABEL = 'Other supplier';

export function splitSupplyScope(viewer: Viewer): SplitSupplyScope {
  return { includeDrafts: can(viewer, 'splitSupply.plan'), otherSupplierLabel: OTHER_SUPPLIER_LABEL };
}

/** The name the viewer may see for a supplier on a split-supply installation (never the other one's name). */
export function supplierNameFor(
  viewer: Viewer,
  supplierId: number | null,
  name: string | null,
): string | null {
  if (supplierId === null) return null;
  if (viewer.role === 'supplier' && supplierId !== viewer.supplierId) return OTHER_SUPPLIER_LABEL;
  return name;
}
