import type { Metadata } from 'next';
import { Suspense } from 'react';
import { IncidentsByOwner } from '@/components/incidents/incidents-by-owner';
import { OverviewLive } from '@/components/installations/overview-live';
import { type OverviewFilterField, OverviewFilters } from '@/components/overview/overview-filters';
import { WeekShortcuts } from '@/components/overview/week-shortcuts';
import { TriageBacklogPanel } from '@/components/triage/triage-backlog-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { can } from '@/lib/auth/permissions';
import { requirePermission, type Viewer } from '@/lib/auth/viewer';
import { getOverview } from '@/lib/data/overview';
import { listVisibleSuppliers } from '@/lib/data/parties';
import {
  flattenSearchParams,
  type InstallationFilter,
  type PageSearchParams,
} from '@/lib/filters/installations';
import { parseOverviewQuery } from '@/lib/filters/overview';
import { TYPE_LABELS } from '@/lib/format';
import { GROUP_IDS, INSTALLATION_TYPES } from '@/lib/rules/types';

export const metadata: Metadata = { title: 'Overview' };

async function OverviewWidgets({
  viewer,
  filter,
  weeks,
}: {
  viewer: Viewer;
  filter: InstallationFilter;
  weeks: { current: string; previous: string };
}) {
  const overview = await getOverview(viewer, filter, weeks);
  const reader = can(viewer, 'migration.viewAll') ? 'mcc' : 'supplier';
  return <OverviewLive initial={overview} filter={filter} weeks={weeks} reader={reader} />;
}

async function filterFields(viewer: Viewer, filter: InstallationFilter): Promise<OverviewFilterField[]> {
  const fields: OverviewFilterField[] = [];
  if (can(viewer, 'migration.viewAll')) {
    const suppliers = await listVisibleSuppliers(viewer);
    fields.push({
      name: 'supplier',
      label: 'Supplier',
      anyLabel: 'All suppliers',
      value: filter.supplier ? String(filter.supplier) : '',
      options: suppliers.map((s) => ({ value: s.id, label: s.name })),
    });
  }
  fields.push(
    {
      name: 'groupId',
      label: 'GroupID',
      anyLabel: 'Any',
      value: filter.groupId ?? '',
      options: GROUP_IDS.map((g) => ({ value: g, label: g })),
    },
    {
      name: 'type',
      label: 'Installation type',
      anyLabel: 'Any',
      value: filter.type ?? '',
      options: INSTALLATION_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] })),
    },
  );
  return fields;
}

export default async function OverviewPage({ searchParams }: { searchParams: PageSearchParams }) {
  const viewer = await requirePermission('installations.view');
  const { filter, shortcut, weeks, problems } = parseOverviewQuery(
    flattenSearchParams(await searchParams),
    new Date(),
  );
  return (
    <div className="stack">
      <h1>Overview</h1>
      {problems.length > 0 ? (
        <div className="card" role="alert" data-testid="week-problems">
          {problems.map((p) => (
            <p key={p} className="form-error">
              {p}
            </p>
          ))}
          <p>Showing this week instead.</p>
        </div>
      ) : null}
      <WeekShortcuts filter={filter} shortcut={shortcut} weeks={weeks} />
      <OverviewFilters fields={await filterFields(viewer, filter)} />
      <Suspense key={JSON.stringify(filter)} fallback={<Skeleton label="the overview" height="30rem" />}>
        <OverviewWidgets viewer={viewer} filter={filter} weeks={weeks} />
      </Suspense>
      <Suspense fallback={<Skeleton label="incidents by owner" height="12rem" />}>
        <IncidentsByOwner viewer={viewer} />
      </Suspense>
      <Suspense fallback={<Skeleton label="the triage backlog" height="5rem" />}>
        <TriageBacklogPanel viewer={viewer} />
      </Suspense>
    </div>
  );
}
