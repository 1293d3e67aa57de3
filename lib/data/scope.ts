import 'server-only';
import { and, eq, or, type SQL } from 'drizzle-orm';
import { authorisationRollups, installations, weeklyDemand } from '@/db/schema';
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
// Weekly demand and Migration Authorisations (Report 8, MEHRS 2.2.1)
// ---------------------------------------------------------------------------------------------------------

/**
 * The Authorising Party whose demand a viewer looks at: a supplier is always itself, whatever the URL asks; the MCC
 * may pick one (`requested`) or see every party (null).
 */
export function demandParty(viewer: Viewer, requested: number | undefined): number | null {
  if (viewer.role === 'supplier') return viewer.supplierId;
  return seesEverything(viewer) && requested ? requested : null;
}

/** Weekly demand rows (forecast, commitment) a viewer may read, narrowed to the chosen party. */
export function weeklyDemandVisibleTo(viewer: Viewer, party: number | null): SQL | undefined {
  const own = viewer.role === 'supplier' ? eq(weeklyDemand.supplierId, viewer.supplierId) : undefined;
  return and(own, party === null ? undefined : eq(weeklyDemand.supplierId, party));
}

/** MA counts a viewer may read: a supplier only the MAs it authorised itself (never the other supplier's). */
export function authorisationRollupsVisibleTo(viewer: Viewer, party: number | null): SQL | undefined {
  const r = authorisationRollups;
  const own = viewer.role === 'supplier' ? eq(r.authorisingPartyId, viewer.supplierId) : undefined;
  return and(own, party === null ? undefined : eq(r.authorisingPartyId, party));
}

/** Installations in a party's demand: the viewer's scope, narrowed to the party as Responsible Supplier. */
export function demandInstallationsVisibleTo(viewer: Viewer, party: number | null): SQL | undefined {
  const ofParty =
    party === null
      ? undefined
      : or(eq(installations.electricitySupplierId, party), eq(installations.gasSupplierId, party));
  return and(installationsVisibleTo(viewer), ofParty);
}

/** DCC's capacity is migration-wide: only the MCC sees it, and only against every party's volume. */
export function seesCapacity(viewer: Viewer, party: number | null): boolean {
  return seesEverything(viewer) && party === null;
}
