import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { QueueFilters } from '@/components/incidents/queue-filters';
import { QueueSummary } from '@/components/incidents/queue-summary';
import { QueueTable } from '@/components/incidents/queue-table';
import { Skeleton } from '@/components/ui/skeleton';
import { can } from '@/lib/auth/permissions';
import { requirePermission, type Viewer } from '@/lib/auth/viewer';
import { getIncidentDeskSummary, listIncidentQueue } from '@/lib/data/incident-queue';
import { listVisibleSuppliers } from '@/lib/data/parties';
import { type IncidentQueueQuery, incidentQueueSchema } from '@/lib/filters/incidents';
import { type PageSearchParams, parseSearchParams } from '@/lib/filters/installations';

export const metadata: Metadata = { title: 'Incidents' };

async function Summary({ viewer, query }: { viewer: Viewer; query: IncidentQueueQuery }) {
  const summary = await getIncidentDeskSummary(viewer);
  return <QueueSummary summary={summary} current={{ kind: query.kind, owner: query.owner }} />;
}

async function Results({ viewer, query }: { viewer: Viewer; query: IncidentQueueQuery }) {
  const page = await listIncidentQueue(viewer, query);
  return <QueueTable initial={page} query={query} showAssignee={can(viewer, 'incidents.work')} />;
}

export default async function IncidentsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const viewer = await requirePermission('incidents.view');
  const query = parseSearchParams(incidentQueueSchema, await searchParams);
  const suppliers = can(viewer, 'migration.viewAll') ? await listVisibleSuppliers(viewer) : null;
  return (
    <div className="stack">
      <div className="page-header">
        <h1>Incidents</h1>
        {can(viewer, 'incidents.work') ? (
          <Link href="/incidents/new" className="button">
            Raise an incident
          </Link>
        ) : null}
      </div>
      <p className="muted">
        Target resolution times are provisional: the documents name the Incident Target Resolution Time but
        give no figures, so the desk measures against placeholders until they are confirmed.
      </p>
      <Suspense fallback={<Skeleton label="the queues" height="6rem" />}>
        <Summary viewer={viewer} query={query} />
      </Suspense>
      <QueueFilters query={query} suppliers={suppliers} />
      <Suspense key={JSON.stringify(query)} fallback={<Skeleton label="the queue" height="24rem" />}>
        <Results viewer={viewer} query={query} />
      </Suspense>
    </div>
  );
}
