import 'server-only';
import { eq, or, type SQL } from 'drizzle-orm';
import { fileImports, installations } from '@/db/schema';
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
// File imports: the MCC sees every file; a supplier user only the files its own supplier submitted.
// ---------------------------------------------------------------------------------------------------------

export function fileImportsVisibleTo(viewer: Viewer): SQL | undefined {
  if (viewer.role !== 'supplier') return undefined;
  return eq(fileImports.uploadedByPartyId, viewer.supplierId);
}

/** The import actor a viewer uploads as: a supplier user is bound to its supplier's own MAs. */
export function importActorFor(viewer: Viewer): { userId: string; supplierId: number | null } {
  return { userId: viewer.userId, supplierId: viewer.role === 'supplier' ? viewer.supplierId : null };
}
