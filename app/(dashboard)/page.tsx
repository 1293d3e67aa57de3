import type { Metadata } from 'next';
import { Suspense } from 'react';
import { FilterForm } from '@/components/installations/filter-form';
import { OverviewLive } from '@/components/installations/overview-live';
import { Skeleton } from '@/components/ui/skeleton';
import { requireViewer, type Viewer } from '@/lib/auth/viewer';
import { currentAndPreviousWeek } from '@/lib/current-weeks';
import { getOverview, listMigrationWeeks } from '@/lib/data/overview';
import { listVisibleSuppliers } from '@/lib/data/parties';
import {
  type InstallationFilter,
  installationFilterSchema,
  parseSearchParams,
} from '@/lib/filters/installations';

export const metadata: Metadata = { title: 'Overview' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function OverviewWidgets({ viewer, filter }: { viewer: Viewer; filter: InstallationFilter }) {
  const weeks = currentAndPreviousWeek(new Date());
  const overview = await getOverview(viewer, filter, weeks);
  return <OverviewLive initial={overview} filter={filter} weeks={weeks} />;
}

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const filter = parseSearchParams(installationFilterSchema, await searchParams);
  const [weeks, suppliers] = await Promise.all([listMigrationWeeks(viewer), listVisibleSuppliers(viewer)]);
  return (
    <div className="stack">
      <h1>Overview</h1>
      <FilterForm
        action="/"
        filter={filter}
        weeks={weeks}
        suppliers={suppliers}
        showSupplier={viewer.role !== 'supplier'}
      />
      <Suspense key={JSON.stringify(filter)} fallback={<Skeleton label="the overview" height="30rem" />}>
        <OverviewWidgets viewer={viewer} filter={filter} />
      </Suspense>
    </div>
  );
}
