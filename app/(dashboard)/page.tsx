import type { Metadata } from 'next';
import { Suspense } from 'react';
import { IncidentsByOwner } from '@/components/incidents/incidents-by-owner';
import { FilterForm } from '@/components/installations/filter-form';
import { OverviewLive } from '@/components/installations/overview-live';
import { TriageBacklogPanel } from '@/components/triage/triage-backlog-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { requirePermission, type Viewer } from '@/lib/auth/viewer';
import { getOverview } from '@/lib/data/overview';
import {
  type InstallationFilter,
  installationFilterSchema,
  type PageSearchParams,
  parseSearchParams,
} from '@/lib/filters/installations';
import { currentAndPreviousWeek } from '@/lib/rules/weeks';

export const metadata: Metadata = { title: 'Overview' };

async function OverviewWidgets({ viewer, filter }: { viewer: Viewer; filter: InstallationFilter }) {
  const weeks = currentAndPreviousWeek(new Date());
  const overview = await getOverview(viewer, filter, weeks);
  return <OverviewLive initial={overview} filter={filter} weeks={weeks} />;
}

export default async function OverviewPage({ searchParams }: { searchParams: PageSearchParams }) {
  const viewer = await requirePermission('installations.view');
  const filter = parseSearchParams(installationFilterSchema, await searchParams);
  return (
    <div className="stack">
      <h1>Overview</h1>
      <FilterForm viewer={viewer} action="/" filter={filter} />
      <Suspense key={JSON.stringify(filter)} fallback={<Skeleton label="the overview" height="30rem" />}>
        <OverviewWidgets viewer={viewer} filter={filter} />
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
