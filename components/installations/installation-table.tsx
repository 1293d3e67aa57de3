'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { LiveStatus } from '@/components/live/live-status';
import { useLiveQuery } from '@/components/live/use-live-query';
import { type Column, DataTable } from '@/components/ui/data-table';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { LondonTime } from '@/components/ui/london-time';
import { ariaSort, SortHeader } from '@/components/ui/sort-header';
import { TruncatedText } from '@/components/ui/truncated-text';
import type { InstallationCount, InstallationPage, InstallationRow } from '@/lib/data/installations';
import {
  DEFAULT_SORT_DIRECTION,
  type InstallationListQuery,
  type InstallationSort,
} from '@/lib/filters/installations';
import { toSearchParams } from '@/lib/filters/search-params';
import { formatCount, formatIsoDate, STATUS_LABELS } from '@/lib/format';
import { stage as stageInfo } from '@/lib/rules/stages';
import { NextMoveCell } from './next-move-cell';

interface ListData {
  page: InstallationPage;
  total: InstallationCount;
}

/** What following a sort link does, read by screen readers. */
const ORDER_WORDS: Record<InstallationSort, Record<'asc' | 'desc', string>> = {
  attention: { asc: 'failures first, oldest first', desc: 'failures last' },
  changed: { asc: 'oldest first', desc: 'newest first' },
  week: { asc: 'earliest first', desc: 'latest first' },
  code: { asc: 'A to Z', desc: 'Z to A' },
  stage: { asc: 'earliest stage first', desc: 'latest stage first' },
  attempts: { asc: 'fewest first', desc: 'most first' },
};

/** A header cell that sorts the list by `sort`: the current sort flips, another starts in its own direction. */
function sortable(
  query: InstallationListQuery,
  sort: InstallationSort,
  label: string,
): Pick<Column<InstallationRow>, 'header' | 'headerProps'> {
  const active = query.sort === sort;
  const flipped = query.dir === 'desc' ? 'asc' : 'desc';
  const next = active ? flipped : DEFAULT_SORT_DIRECTION[sort];
  const href = `/installations${toSearchParams({ ...query, cursor: undefined, sort, dir: next })}`;
  return {
    header: (
      <SortHeader
        label={label}
        active={active}
        direction={query.dir}
        href={href}
        nextDirectionLabel={ORDER_WORDS[sort][next]}
      />
    ),
    headerProps: ariaSort(active, query.dir),
  };
}

function suppliersOf(row: InstallationRow): string {
  const names = [row.electricitySupplier, row.gasSupplier].filter((s, i, all) => s && all.indexOf(s) === i);
  return names.join(' / ') || 'None (dormant)';
}

/**
 * The list's columns: one line per installation. Fixed widths fit their longest value; supplier, code description
 * and next move share the rest, cut with the whole text on hover and focus. The installation type is left to
 * the filters and the timeline: at 1280 px the list has no room for it.
 */
function columns(query: InstallationListQuery, showSuppliers: boolean): Column<InstallationRow>[] {
  const all: (Column<InstallationRow> | null)[] = [
    {
      key: 'mpan',
      header: 'MPAN',
      width: '7rem',
      cell: (row) => (
        <Link href={`/installations/${row.id}`} className="mono">
          {row.mpan ?? '—'}
        </Link>
      ),
    },
    {
      key: 'mprn',
      header: 'MPRN',
      width: '5.75rem',
      cell: (row) =>
        row.mpan ? (
          <span className="mono">{row.mprn ?? '—'}</span>
        ) : (
          <Link href={`/installations/${row.id}`} className="mono">
            {row.mprn}
          </Link>
        ),
    },
    // A supplier sees only its own installations: the column would repeat its name on every row.
    showSuppliers
      ? {
          key: 'suppliers',
          header: 'Supplier(s)',
          cell: (row) => (
            <span data-testid="suppliers">
              <TruncatedText text={suppliersOf(row)} />
            </span>
          ),
        }
      : null,
    { key: 'group', header: 'GroupID', width: '4.75rem', cell: (row) => row.groupId },
    {
      key: 'week',
      width: '6.25rem',
      ...sortable(query, 'week', 'Migration Week'),
      cell: (row) => (row.migrationWeek ? formatIsoDate(row.migrationWeek) : '—'),
    },
    {
      key: 'stage',
      width: '8.25rem',
      ...sortable(query, 'stage', 'Stage'),
      cell: (row) => stageInfo(row.stage).label,
    },
    {
      key: 'status',
      header: 'Status',
      width: '7rem',
      cell: (row) => <span className={`badge ${row.status}`}>{STATUS_LABELS[row.status]}</span>,
    },
    {
      key: 'code',
      ...sortable(query, 'code', 'Last code'),
      cell: (row) =>
        row.lastCode ? (
          <span className="code-cell">
            <code>{row.lastCode}</code>
            {row.lastCodeDescription ? (
              <TruncatedText text={row.lastCodeDescription} className="muted" />
            ) : null}
          </span>
        ) : (
          '—'
        ),
    },
    {
      key: 'next-move',
      header: 'Next move',
      // Wide enough for the owner and the start of the move: "whose move" is what a reader scans this list for.
      width: '17rem',
      cell: (row) => <NextMoveCell move={row.nextMove} />,
    },
    {
      key: 'attempts',
      width: '5.5rem',
      ...sortable(query, 'attempts', 'Attempts'),
      numeric: true,
      cell: (row) => row.attempts,
    },
    {
      key: 'changed',
      width: '6.5rem',
      ...sortable(query, 'changed', 'Last change'),
      cell: (row) => <LondonTime iso={row.lastChangedAt} dayOnly />,
    },
  ];
  return all.filter((c) => c !== null);
}

export function InstallationTable({
  initial,
  query,
  showSuppliers,
  summary,
}: {
  initial: ListData;
  query: InstallationListQuery;
  /** What the count means and what can be done with it, beside the count. */
  summary?: ReactNode;
  /** False for a supplier viewer, whose every row is its own. */
  showSuppliers: boolean;
}) {
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
        {summary}
        <LiveStatus live={live} />
      </div>
      <DataTable
        caption="Installations"
        columns={columns(query, showSuppliers)}
        rows={page.rows}
        rowKey={(row) => row.id}
        empty="No installations match these filters."
        testId="installations"
        dense
      />
      <KeysetPager firstHref={firstHref} nextHref={nextHref} />
    </section>
  );
}
