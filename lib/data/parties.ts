import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { parties } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { suppliersVisibleTo, viewerParty } from './scope';

export interface SupplierOption {
  id: number;
  name: string;
  slug: string;
}

/** Suppliers the viewer may filter by: all of them for the MCC, only its own for a supplier. */
export async function listVisibleSuppliers(viewer: Viewer): Promise<SupplierOption[]> {
  const db = await getDb();
  return db
    .select({ id: parties.id, name: parties.name, slug: parties.slug })
    .from(parties)
    .where(suppliersVisibleTo(viewer))
    .orderBy(asc(parties.name));
}

/** The name shown beside a supplier user in the shell; null for MCC staff. */
export async function getViewerOrganisation(viewer: Viewer): Promise<string | null> {
  const partyId = viewerParty(viewer);
  if (partyId === null) return null;
  const db = await getDb();
  const [row] = await db.select({ name: parties.name }).from(parties).where(eq(parties.id, partyId));
  return row?.name ?? null;
}
