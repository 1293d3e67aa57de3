import type { Database } from '@/db/client';
import { installations, parties } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import type { GroupId, InstallationStatus, InstallationType, StageId } from '@/lib/rules/types';

// Factories: each test creates the rows it needs, rather than leaning on a shared seed.

let sequence = 0;
const next = () => ++sequence;

export async function createSupplier(db: Database, name = `Supplier ${next()}`) {
  const n = next();
  const [row] = await db
    .insert(parties)
    .values({ slug: `supplier-${n}`, name, role: 'supplier', secPartyId: `S${String(n).padStart(4, '0')}` })
    .returning();
  if (!row) throw new Error('supplier not created');
  return row;
}

export async function createSmso(db: Database) {
  const n = next();
  const [row] = await db
    .insert(parties)
    .values({ slug: `smso-${n}`, name: `SMSO ${n}`, role: 'smso' })
    .returning();
  if (!row) throw new Error('SMSO not created');
  return row;
}

export interface InstallationSpec {
  smsoPartyId: number;
  electricitySupplierId?: number | null;
  gasSupplierId?: number | null;
  groupId?: GroupId;
  type?: InstallationType;
  stage?: StageId;
  status?: InstallationStatus;
  lastCode?: string | null;
  migrationWeek?: string | null;
  lastChangedAt?: Date;
}

export function installationValues(spec: InstallationSpec) {
  const n = next();
  const type = spec.type ?? 'active-only';
  return {
    mpan: String(1_000_000_000_000 + n),
    mprn: String(100_000_000 + n),
    groupId: spec.groupId ?? 'EA',
    smsoPartyId: spec.smsoPartyId,
    electricitySupplierId: spec.electricitySupplierId ?? null,
    gasSupplierId: spec.gasSupplierId ?? null,
    electricityState: type === 'dormant-dormant' ? ('dormant' as const) : ('active' as const),
    gasState: type === 'active-only' ? ('active' as const) : ('dormant' as const),
    installationType: type,
    splitSupply:
      spec.electricitySupplierId != null &&
      spec.gasSupplierId != null &&
      spec.electricitySupplierId !== spec.gasSupplierId,
    migrationWeek: spec.migrationWeek === undefined ? '2026-11-02' : spec.migrationWeek,
    stage: spec.stage ?? 'authorisation',
    status: spec.status ?? 'in-progress',
    lastCode: spec.lastCode ?? null,
    lastChangedAt: spec.lastChangedAt ?? new Date('2026-11-02T09:00:00Z'),
  };
}

export async function createInstallation(db: Database, spec: InstallationSpec) {
  const [row] = await db.insert(installations).values(installationValues(spec)).returning();
  if (!row) throw new Error('installation not created');
  return row;
}

export const analyst: Viewer = {
  userId: 'u-analyst',
  name: 'Analyst',
  email: 'a@x',
  role: 'analyst',
  supplierId: null,
};

export const admin: Viewer = {
  userId: 'u-admin',
  name: 'Admin',
  email: 'admin@x',
  role: 'admin',
  supplierId: null,
};

export function supplierViewer(supplierId: number): Viewer {
  return { userId: `u-${supplierId}`, name: 'Supplier', email: 's@x', role: 'supplier', supplierId };
}
