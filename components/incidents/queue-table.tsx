'use client';

import Link from 'next/link';
import { LiveStatus } from '@/components/live/live-status';
import { useLiveQuery } from '@/components/live/use-live-query';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { LondonTime } from '@/components/ui/london-time';
import type { IncidentQueuePage, IncidentQueueRow } from '@/lib/data/incident-queue';
import type { IncidentQueueQuery, IncidentSort } from '@/lib/filters/incidents';
import { toSearchParams } from '@/lib/filters/search-params';
import { RECORD_KIND_LABELS } from '@/lib/rules/incident-workflow';
import { IncidentStatusBadge } from './status-badge';
import { TimeLeft } from './time-left';

function SortHeader({
  query,
  sort,
  label,
}: {
  query: IncidentQueueQuery;
  sort: IncidentSort;
  label: string;
}) {
  const active = query.sort === sort;
  return (
    <th scope="col" aria-sort={active ? (sort === 'time-left' ? 'ascending' : 'descending') : undefined}>
      <Link href={`/incidents${toSearchParams({ ...query, cursor: undefined, sort })}`}>
        {label}
        {active ? (sort === 'time-left' ? ' ↑' : ' ↓') : ''}
        <span className="visually-hidden">
          , sort {sort === 'time-left' ? 'least time left first' : 'newest first'}
        </span>
      </Link>
    </th>
  );
}

function Parties({ row }: { row: IncidentQueueRow }) {
  if (row.interestedPartiesTotal === 0) return <span className="muted">—</span>;
  const more = row.interestedPartiesTotal - row.interestedParties.length;
  return (
    <>
      {row.interestedParties.join(', ')}
      {more > 0 ? ` and ${more} more` : ''}
    </>
  );
}

/** The queue, refreshed in the background (pausable); the clocks tick in the browser between refreshes. */
export function QueueTable({
  initial,
  query,
  showAssignee,
}: {
  initial: IncidentQueuePage;
  query: IncidentQueueQuery;
  showAssignee: boolean;
}) {
  const live = useLiveQuery<IncidentQueuePage>(`/api/incidents${toSearchParams(query)}`, initial);
  const page = live.data;
  const kindLabel = RECORD_KIND_LABELS[query.kind];
  return (
    <section aria-labelledby="queue-results">
      <div className="page-header">
        <h2 id="queue-results">{kindLabel === 'Incident' ? 'Incidents' : `${kindLabel}s`}</h2>
        <LiveStatus live={live} />
      </div>
      {page.rows.length === 0 ? (
        <p className="card empty-state">Nothing in this queue matches these filters.</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="incident-queue">
            <caption className="visually-hidden">{kindLabel} queue</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">MEHRS scenario</th>
                <th scope="col">Owner</th>
                <th scope="col" className="num">
                  Category
                </th>
                <th scope="col">Status</th>
                <SortHeader query={query} sort="raised" label="Opened" />
                <SortHeader query={query} sort="time-left" label="Time left (provisional target)" />
                <th scope="col" className="num">
                  Affected installations
                </th>
                <th scope="col">Interested Parties</th>
                {showAssignee ? <th scope="col">Assigned to</th> : null}
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link href={`/incidents/${row.id}`} className="mono">
                      {row.reference}
                    </Link>
                  </td>
                  <td>
                    MEHRS {row.scenario} <span className="muted">{row.scenarioTitle}</span>
                  </td>
                  <td>{row.owner}</td>
                  <td className="num">{row.category}</td>
                  <td>
                    <IncidentStatusBadge status={row.status} />
                  </td>
                  <td>
                    <LondonTime iso={row.raisedAt} />
                  </td>
                  <td>
                    <TimeLeft clock={row.clock} asOf={page.asOf} />
                  </td>
                  <td className="num">{row.affected}</td>
                  <td>
                    <Parties row={row} />
                  </td>
                  {showAssignee ? <td>{row.assignee ?? <span className="muted">Unassigned</span>}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <KeysetPager
        firstHref={query.cursor ? `/incidents${toSearchParams({ ...query, cursor: undefined })}` : null}
        nextHref={
          page.nextCursor ? `/incidents${toSearchParams({ ...query, cursor: page.nextCursor })}` : null
        }
      />
    </section>
  );
}
