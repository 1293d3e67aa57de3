import crypto from 'node:crypto';
import type { Metadata } from 'next';
import { RaiseForm } from '@/components/incidents/raise-form';
import { requirePermission } from '@/lib/auth/viewer';
import { listPartiesByRole } from '@/lib/data/incidents';
import { countInstallations } from '@/lib/data/installations';
import { listVisibleSuppliers } from '@/lib/data/parties';
import {
  installationFilterSchema,
  type PageSearchParams,
  parseSearchParams,
  toSearchParams,
} from '@/lib/filters/installations';

export const metadata: Metadata = { title: 'Raise an incident' };

export default async function NewIncidentPage({ searchParams }: { searchParams: PageSearchParams }) {
  const viewer = await requirePermission('incidents.work');
  const params = await searchParams;
  const fromRaw = typeof params.from === 'string' ? params.from : undefined;
  // "Raise an incident for these N installations": the installations list's filter, re-parsed by the same schema.
  const filter = fromRaw
    ? parseSearchParams(installationFilterSchema, Object.fromEntries(new URLSearchParams(fromRaw)))
    : null;
  const [services, suppliers, count] = await Promise.all([
    listPartiesByRole(),
    listVisibleSuppliers(viewer),
    filter ? countInstallations(viewer, filter) : Promise.resolve(null),
  ]);
  const parties = [
    ...services,
    ...suppliers.map((s) => ({ id: s.id, name: s.name, role: 'supplier' as const })),
  ];
  return (
    <div className="stack">
      <h1>Raise an incident</h1>
      <p className="muted">
        Choose the MEHRS section 2 scenario: the owner, the handling and what happens on resolution follow
        from it.
      </p>
      <RaiseForm
        parties={parties}
        requestKey={crypto.randomUUID()}
        from={filter && count ? { query: toSearchParams(filter).slice(1), count: count.value } : null}
      />
    </div>
  );
}
