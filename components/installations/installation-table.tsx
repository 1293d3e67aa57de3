'use client';

import Link from 'next/link';
import { LiveStatus } from '@/components/live/live-status';
import { useLiveQuery } from '@/components/live/use-live-query';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { LondonTime } from '@/components/ui/london-time';
import type { InstallationCount, InstallationPage } from '@/lib/data/installations';
import type { InstallationListQuery, InstallationSort } from '@/lib/filters/installations';
import { toSearchParams } from '@/lib/filters/search-params';
import { formatCount, formatIsoDate, STATUS_LABELS, TYPE_LABELS } from '@/lib/format';
import { stage as stageInfo } from '@/lib/rules/stages';
import { NextMoveCell } from './next-move-cell';

interface ListData {
  page: InstallationPage;
  total: InstallationCount;
}

function SortHeader({
  query,
  sort,
  label,
}: {
  query: InstallationListQuery;
  sort: InstallationSort;
  label: string;
}) {
  const active = query.sort === sort;
  const dir = active && query.dir === 'desc' ? 'asc' : 'desc';
  const href = `/installations${toSearchParams({ ...query, cursor: undefined, sort, dir })}`;
  return (
    <th scope="col" aria-sort={active ? (query.dir === 'desc' ? 'descending' : 'ascending') : undefined}>
      <Link href={href}>
        {label}
        {active ? (query.dir === 'desc' ? ' ↓' : ' ↑') : ''}
        <span className="visually-hidden">, sort {dir === 'desc' ? 'newest first' : 'oldest first'}</span>
      </Link>
    </th>
  );
}

export function InstallationTable({ initial, query }: { initial: ListData; query: InstallationListQuery }) {
  const live = useLiveQuery<ListData>(`/api/installations${toSearchParams(query)}`, initial);
  const { page, total } = live.data;
  const nextHref = page.nextCursor
    ? `/installations${toSearchParams({ ...query, cursor: page.nextCursor })}`
    : null;
  const firstHref = query.cursor ? `/installations${toSearchParams({ ...query, cursor: undefined })}` : null;

  return (
    <section aria-labelledby="results">
      <div className="page-header">
        <h2 id="results" data-testid="installation-count">
          {total.exact ? formatCount(total.value) : `More than ${formatCount(total.value)}`} installation
          {total.value === 1 ? '' : 's'}
        </h2>
        <LiveStatus live={live} />
      </div>
      {page.rows.length === 0 ? (
        <p className="card empty-state">No installations match these filters.</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="installations">
            <caption className="visually-hidden">Installations</caption>
            <thead>
              <tr>
                <th scope="col">MPAN</th>
                <th scope="col">MPRN</th>
                <th scope="col">Supplier(s)</th>
                <th scope="col">GroupID</th>
                <th scope="col">Type</th>
                <SortHeader query={query} sort="week" label="Migration Week" />
                <th scope="col">Stage</th>
                <th scope="col">Status</th>
                <th scope="col">Last code</th>
                <th scope="col">Next move</th>
                <th scope="col" className="num">
                  Attempts
                </th>
                <SortHeader query={query} sort="changed" label="Last change" />
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link href={`/installations/${row.id}`} className="mono">
                      {row.mpan ?? '—'}
                    </Link>
                  </td>
                  <td className="mono">
                    {row.mpan ? (row.mprn ?? '—') : <Link href={`/installations/${row.id}`}>{row.mprn}</Link>}
                  </td>
                  <td data-testid="suppliers">
                    {[row.electricitySupplier, row.gasSupplier]
                      .filter((s, i, all) => s && all.indexOf(s) === i)
                      .join(' / ') || 'None (dormant)'}
                  </td>
                  <td>{row.groupId}</td>
                  <td>{TYPE_LABELS[row.type]}</td>
                  <td>{row.migrationWeek ? formatIsoDate(row.migrationWeek) : '—'}</td>
                  <td>{stageInfo(row.stage).label}</td>
                  <td>
                    <span className={`badge ${row.status}`}>{STATUS_LABELS[row.status]}</span>
                  </td>
                  <td>
                    {row.lastCode ? (
                      <>
                        <code>{row.lastCode}</code> <span className="muted">{row.lastCodeDescription}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td data-testid="list-next-move">
                    <NextMoveCell move={row.nextMove} />
                  </td>
                  <td className="num">{row.attempts}</td>
                  <td>
                    <LondonTime iso={row.lastChangedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <KeysetPager firstHref={firstHref} nextHref={nextHref} />
    </section>
  );
}
