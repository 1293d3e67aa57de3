import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RaiseFromFilterLink } from '@/components/incidents/raise-from-filter-link';
import { FilterForm } from '@/components/installations/filter-form';
import { InstallationTable } from '@/components/installations/installation-table';
import { Skeleton } from '@/components/ui/skeleton';
import { requireViewer, type Viewer } from '@/lib/auth/viewer';
import { countInstallations, listInstallations } from '@/lib/data/installations';
import {
  type InstallationListQuery,
  installationListSchema,
  type PageSearchParams,
  parseSearchParams,
} from '@/lib/filters/installations';

export const metadata: Metadata = { title: 'Installations' };

async function Results({ viewer, query }: { viewer: Viewer; query: InstallationListQuery }) {
  const [page, total] = await Promise.all([
    listInstallations(viewer, query),
    countInstallations(viewer, query),
  ]);
  return (
    <>
      <RaiseFromFilterLink viewer={viewer} filter={query} count={total.value} />
      <InstallationTable initial={{ page, total }} query={query} />
    </>
  );
}

export default async function InstallationsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const viewer = await requireViewer();
  const query = parseSearchParams(installationListSchema, await searchParams);
  return (
    <div className="stack">
      <h1>Installations</h1>
      <FilterForm
        viewer={viewer}
        action="/installations"
        filter={query}
        extra={
          <>
            <div className="field">
              <label htmlFor="f-q">MPAN or MPRN</label>
              <input
                id="f-q"
                name="q"
                inputMode="numeric"
                defaultValue={query.q ?? ''}
                aria-describedby="f-q-hint"
              />
              <span id="f-q-hint" className="muted">
                Full number, or its first digits
              </span>
            </div>
            <input type="hidden" name="sort" value={query.sort} />
            <input type="hidden" name="dir" value={query.dir} />
          </>
        }
      />
      <Suspense key={JSON.stringify(query)} fallback={<Skeleton label="installations" height="30rem" />}>
        <Results viewer={viewer} query={query} />
      </Suspense>
    </div>
  );
}
