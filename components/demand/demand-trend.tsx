import Link from 'next/link';
import { ComboChart } from '@/components/charts/lazy';
import { DataTable } from '@/components/ui/data-table';
import { SectionCard } from '@/components/ui/section-card';
import type { TrendPoint } from '@/lib/data/demand';
import { formatCount, formatIsoDate } from '@/lib/format';
import { demandFigures } from '@/lib/rules/demand';
import { DEMAND_COLOURS, demandHref, shortWeek } from './shared';

/** Commitment against MAs received over half a year, the table folded away under the chart. */
export function DemandTrend({ points, supplier }: { points: TrendPoint[]; supplier: number | undefined }) {
  return (
    <SectionCard title={`The last ${points.length} Migration Weeks`} testId="demand-trend">
      <ComboChart
        rows={points.map((p) => ({
          label: shortWeek(p.week),
          values: { committed: p.committed, received: p.received, accepted: p.accepted },
        }))}
        series={[
          {
            key: 'committed',
            label: 'DCC Migration Commitment',
            color: DEMAND_COLOURS.committed,
            kind: 'line',
            dashed: true,
          },
          {
            key: 'received',
            label: 'Migration Authorisations received',
            color: DEMAND_COLOURS.received,
            kind: 'line',
          },
          { key: 'accepted', label: 'Accepted', color: DEMAND_COLOURS.accepted, kind: 'line' },
        ]}
      />
      <details>
        <summary>The same weeks as a table (each week opens its Report 8)</summary>
        <DataTable
          caption="Commitment against Migration Authorisations received, by Migration Week"
          columns={[
            {
              key: 'week',
              header: 'Migration Week',
              cell: (p) => (
                <Link prefetch={false} href={demandHref(p.week, supplier)}>
                  {formatIsoDate(p.week)}
                </Link>
              ),
            },
            { key: 'committed', header: 'Commitment', numeric: true, cell: (p) => formatCount(p.committed) },
            { key: 'received', header: 'Received', numeric: true, cell: (p) => formatCount(p.received) },
            { key: 'accepted', header: 'Accepted', numeric: true, cell: (p) => formatCount(p.accepted) },
            {
              key: 'percentage',
              header: 'Percentage of commitment',
              numeric: true,
              cell: (p) => {
                const pct = demandFigures(p.committed, p.received).percentage;
                return pct === null ? 'No commitment' : `${pct.toFixed(1)}%`;
              },
            },
          ]}
          rows={[...points].reverse()}
          rowKey={(p) => p.week}
          empty="No weeks."
          testId="trend-table"
        />
      </details>
    </SectionCard>
  );
}
