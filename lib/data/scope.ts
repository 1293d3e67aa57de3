import 'server-only';
import { eq, or, type SQL } from 'drizzle-orm';
import { installations, migrationAuthorisations, weeklyDemand } from '@/db/schema';
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
// Migration Authorisations and weekly demand (Reports 6, 8 and 10; exports)
// ---------------------------------------------------------------------------------------------------------

/**
 * A supplier sees the Migration Authorisations it sent itself: on a split supply the other supplier's MAs (and
 * their rejection codes) are that supplier's business; the DCC's MAs for dormant meters are the MCC's.
 */
export function authorisationsVisibleTo(viewer: Viewer): SQL | undefined {
  if (viewer.role !== 'supplier') return undefined;
  return eq(migrationAuthorisations.authorisingPartyId, viewer.supplierId);
}

/** Report 8 goes to each Authorising Party about itself only (MEHRS 2.2.1). */
export function weeklyDemandVisibleTo(viewer: Viewer): SQL | undefined {
  if (viewer.role !== 'supplier') return undefined;
  return eq(weeklyDemand.supplierId, viewer.supplierId);
}

/**
 * The supplier an export or report narrows to: an analyst's choice, or a supplier's own party. A supplier asking
 * for another party's id gets null (callers refuse), so a parameter can never widen or move its scope.
 */
export function exportSupplier(viewer: Viewer, requested: number | undefined): number | undefined | null {
  if (seesEverything(viewer)) return requested;
  if (requested !== undefined && requested !== viewer.supplierId) return null;
  return viewer.supplierId ?? null;
}
