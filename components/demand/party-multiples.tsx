import Link from 'next/link';
import { ComboChart } from '@/components/charts/lazy';
import { type Column, DataTable } from '@/components/ui/data-table';
import { SectionCard } from '@/components/ui/section-card';
import type { DemandParty } from '@/lib/data/demand';
import { formatCount } from '@/lib/format';
import { demandFigures, type Report8Row, sortByShortfall } from '@/lib/rules/demand';
import type { IsoDate } from '@/lib/rules/weeks';
import { DEMAND_COLOURS, demandHref, shortWeek } from './shared';

interface PartySummary {
  party: DemandParty;
  name: string;
  weeks: Report8Row[];
  committed: number;
  received: number;
  shortfall: number;
  percentage: number | null;
}

function summarise(block: { party: DemandParty; rows: Report8Row[] }): PartySummary {
  const committed = block.rows.reduce((s, r) => s + r.committed, 0);
  const received = block.rows.reduce((s, r) => s + r.received, 0);
  return {
    party: block.party,
    name: block.party.name,
    weeks: block.rows,
    committed,
    received,
    shortfall: block.rows.reduce((s, r) => s + r.shortfall, 0),
    percentage: demandFigures(committed, received).percentage,
  };
}

/**
 * The MCC's view of every Authorising Party: one small chart per party, the largest shortfall over the four weeks
 * first, each opening that party's Report 8; the table carries the same figures and links.
 */
export function PartyMultiples({
  blocks,
  week,
}: {
  blocks: { party: DemandParty; rows: Report8Row[] }[];
  week: IsoDate;
}) {
  const parties = sortByShortfall(blocks.map(summarise));
  const columns: Column<PartySummary>[] = [
    {
      key: 'party',
      header: 'Authorising Party',
      cell: (p) => (
        <Link prefetch={false} href={demandHref(week, p.party.id)}>
          {p.name}
        </Link>
      ),
    },
    { key: 'committed', header: 'Committed (4 weeks)', numeric: true, cell: (p) => formatCount(p.committed) },
    { key: 'received', header: 'Received (4 weeks)', numeric: true, cell: (p) => formatCount(p.received) },
    {
      key: 'shortfall',
      header: 'Shortfall (sum of weeks short)',
      numeric: true,
      cell: (p) => formatCount(p.shortfall),
    },
    {
      key: 'percentage',
      header: 'Percentage of commitment',
      numeric: true,
      cell: (p) => (p.percentage === null ? 'No commitment' : `${p.percentage.toFixed(1)}%`),
    },
  ];
  return (
    <SectionCard title="Every Authorising Party, largest shortfall first" testId="party-multiples">
      <ul className="multiples" aria-label="Authorising Parties">
        {parties.map((p) => (
          <li key={p.party.id} className="multiple">
            <h3>
              <Link prefetch={false} href={demandHref(week, p.party.id)}>
                {p.name}
              </Link>
            </h3>
            <p className="muted">
              {formatCount(p.received)} of {formatCount(p.committed)} committed
              {p.shortfall > 0 ? `, ${formatCount(p.shortfall)} short` : ''}
            </p>
            <ComboChart
              compact
              height={130}
              rows={p.weeks.map((row) => ({
                label: shortWeek(row.migrationWeek),
                values: { committed: row.committed, received: row.received },
                hrefs: { received: demandHref(week, p.party.id) },
              }))}
              series={[
                { key: 'committed', label: 'Committed', color: DEMAND_COLOURS.committed, kind: 'bar' },
                { key: 'received', label: 'Received', color: DEMAND_COLOURS.received, kind: 'bar' },
              ]}
            />
          </li>
        ))}
      </ul>
      <DataTable
        caption="Every Authorising Party over the four weeks, largest shortfall first"
        columns={columns}
        rows={parties}
        rowKey={(p) => p.party.id}
        empty="No party had a commitment or sent a Migration Authorisation in these four weeks."
        testId="party-table"
      />
    </SectionCard>
  );
}
