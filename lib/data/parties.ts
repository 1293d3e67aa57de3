import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { parties } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { suppliersVisibleTo, viewerParty, withViewerScope } from './scope';

export interface SupplierOption {
  id: number;
  name: string;
  slug: string;
}

/** Suppliers the viewer may filter by: all of them for the MCC, only its own for a supplier. */
export async function listVisibleSuppliers(viewer: Viewer): Promise<SupplierOption[]> {
  return withViewerScope(viewer, async (db) => {
    return db
      .select({ id: parties.id, name: parties.name, slug: parties.slug })
      .from(parties)
      .where(suppliersVisibleTo(viewer))
      .orderBy(asc(parties.name));
  });
}

/** The name shown beside a supplier user in the shell; null for MCC staff. */
export async function getViewerOrganisation(viewer: Viewer): Promise<string | null> {
  const partyId = viewerParty(viewer);
  if (partyId === null) return null;
  return withViewerScope(viewer, async (db) => {
    const [row] = await db.select({ name: parties.name }).from(parties).where(eq(parties.id, partyId));
    return row?.name ?? null;
  });
}

/**
 * How an export's file name names a supplier: its SEC Party ID (its slug if it has none), or null when the id is not
 * a supplier the viewer may see.
 */
export async function getSupplierFileLabel(viewer: Viewer, supplierId: number): Promise<string | null> {
  return withViewerScope(viewer, async (db) => {
    const [row] = await db
      .select({ secPartyId: parties.secPartyId, slug: parties.slug })
      .from(parties)
      .where(and(eq(parties.id, supplierId), suppliersVisibleTo(viewer)));
    return row ? (row.secPartyId ?? row.slug) : null;
  });
}
