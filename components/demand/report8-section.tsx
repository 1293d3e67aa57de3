import Link from 'next/link';
import { ComboChart } from '@/components/charts/lazy';
import { type Column, DataTable } from '@/components/ui/data-table';
import { SectionCard } from '@/components/ui/section-card';
import type { Report8View } from '@/lib/data/demand';
import { formatCount, formatIsoDate } from '@/lib/format';
import { REPORT_8_COLUMNS, type Report8Row } from '@/lib/rules/demand';
import { DEMAND_COLOURS, installationsHref, shortWeek } from './shared';

const NUMERIC = new Set(['committed', 'received', 'accepted', 'rejected', 'difference', 'percentage']);

function percentage(row: Report8Row): string {
  return row.percentage === null ? 'No commitment' : `${row.percentage.toFixed(1)}%`;
}

/**
 * Report 8 (MEHRS 2.2.1) for the chosen party, or the sum of every party: the four weeks as grouped bars with the
 * chosen week's commitment as a reference line, and the table with the report's own columns.
 */
export function Report8Section({
  view,
  title,
  supplier,
}: {
  view: Report8View;
  title: string;
  /** The party id to carry into drill-down links (the MCC's choice); undefined for every party or a supplier. */
  supplier: number | undefined;
}) {
  const last = view.total.at(-1);
  const columns: Column<Report8Row>[] = [
    ...REPORT_8_COLUMNS.filter((c) => c.key !== 'party' && c.key !== 'secPartyId').map((c) => ({
      key: c.key,
      header: c.header,
      numeric: NUMERIC.has(c.key),
      cell: (row: Report8Row) =>
        c.key === 'week'
          ? formatIsoDate(row.migrationWeek)
          : c.key === 'percentage'
            ? percentage(row)
            : formatCount(Number(c.value(row))),
    })),
    {
      key: 'installations',
      header: 'Installations now in the week',
      numeric: true,
      cell: (row) => {
        const n = view.installationsInWeek[row.migrationWeek] ?? 0;
        return (
          <Link
            prefetch={false}
            href={installationsHref(row.migrationWeek, supplier)}
            aria-label={`${formatCount(n)} installations in Migration Week ${formatIsoDate(row.migrationWeek)}`}
          >
            {formatCount(n)}
          </Link>
        );
      },
    },
  ];
  return (
    <SectionCard title={title} testId="report-8">
      {last ? (
        <p>
          Migration Week {formatIsoDate(last.migrationWeek)}: <strong>{formatCount(last.received)}</strong>{' '}
          Migration Authorisations received against a commitment of{' '}
          <strong>{formatCount(last.committed)}</strong> ({percentage(last)}
          {last.shortfall > 0 ? `, ${formatCount(last.shortfall)} short` : ', commitment met'}).
        </p>
      ) : null}
      <ComboChart
        rows={view.total.map((row) => ({
          label: shortWeek(row.migrationWeek),
          values: { committed: row.committed, received: row.received },
          hrefs: { received: installationsHref(row.migrationWeek, supplier) },
        }))}
        series={[
          {
            key: 'committed',
            label: 'DCC Migration Commitment',
            color: DEMAND_COLOURS.committed,
            kind: 'bar',
          },
          {
            key: 'received',
            label: 'Migration Authorisations received',
            color: DEMAND_COLOURS.received,
            kind: 'bar',
          },
        ]}
        referenceLines={
          last
            ? [{ y: last.committed, label: 'Commitment, chosen week', color: DEMAND_COLOURS.rejected }]
            : []
        }
      />
      <DataTable
        caption={`${title}: commitment against Migration Authorisations received, by Migration Week`}
        columns={columns}
        rows={view.total}
        rowKey={(row) => row.migrationWeek}
        empty="No commitment and no Migration Authorisations in these four weeks."
        testId="report-8-table"
      />
      <p className="muted">
        Received counts every MA for the week, accepted or rejected by the Requesting Party’s checks (MEHRS
        2.3.2). The last column drills to the installations whose current Migration Week it is; an
        installation rescheduled since its MA has moved to its new week.
      </p>
    </SectionCard>
  );
}
