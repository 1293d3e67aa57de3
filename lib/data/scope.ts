import 'server-only';
import { eq, or, type SQL, sql } from 'drizzle-orm';
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
