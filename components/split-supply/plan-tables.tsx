import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { LondonTime } from '@/components/ui/london-time';
import type { PlanRow, SupplierPair, WeekFigures } from '@/lib/data/split-supply-plan';
import type { PublicationSummary } from '@/lib/data/split-supply-writes';
import { formatCount, formatIsoDate, STATUS_LABELS } from '@/lib/format';
import { MA_SIDE_STATUS_LABELS } from '@/lib/rules/split-supply';

/** Every supplier pair with split-supply installations not yet migrated, each a link to its installations. */
export function PairTable({ pairs, selected }: { pairs: SupplierPair[]; selected: string | null }) {
  return (
    <DataTable
      caption="Supplier pairs with split-supply installations not yet migrated"
      testId="supplier-pairs"
      rows={pairs}
      rowKey={(p) => p.key}
      empty="No split-supply installation is waiting to migrate."
      columns={[
        {
          key: 'pair',
          header: 'Supplier pair',
          cell: (p) => (
            <Link href={`/split-supply?pair=${p.key}`} aria-current={p.key === selected ? 'true' : undefined}>
              {p.suppliers[0].name} &amp; {p.suppliers[1].name}
            </Link>
          ),
        },
        { key: 'total', header: 'Not yet migrated', numeric: true, cell: (p) => formatCount(p.total) },
        { key: 'needs', header: 'Needs a week', numeric: true, cell: (p) => formatCount(p.needsWeek) },
        { key: 'draft', header: 'Draft', numeric: true, cell: (p) => formatCount(p.draft) },
        { key: 'published', header: 'Published', numeric: true, cell: (p) => formatCount(p.published) },
      ]}
    />
  );
}

function History({ row }: { row: PlanRow }) {
  if (row.history.length === 0) return <span className="muted">Never designated</span>;
  return (
    <ul className="plain-list">
      {row.history.map((h) => (
        <li key={`${h.week}-${h.designatedAt}`} className={h.superseded ? 'muted' : undefined}>
          {formatIsoDate(h.week)} · {h.publishedAt ? 'published' : 'draft'}
          {h.superseded ? ', superseded' : ''} · by {h.designatedBy ?? 'unknown'},{' '}
          <LondonTime iso={h.designatedAt} />
          {h.reason ? <> · reason: {h.reason}</> : null}
        </li>
      ))}
    </ul>
  );
}

function Arrivals({ row }: { row: PlanRow }) {
  return (
    <ul className="plain-list">
      {row.weeks.map((w) => (
        <li key={w.week}>
          {formatIsoDate(w.week)}: electricity {MA_SIDE_STATUS_LABELS[w.electricity].toLowerCase()}; gas{' '}
          {MA_SIDE_STATUS_LABELS[w.gas].toLowerCase()}
        </li>
      ))}
      {row.offCalendarWeeks.map((w) => (
        <li key={`off-${w}`}>
          <strong>Off the calendar:</strong> MA for {formatIsoDate(w)}, a week never designated
        </li>
      ))}
      {row.weeks.length === 0 && row.offCalendarWeeks.length === 0 ? <li className="muted">No MAs</li> : null}
    </ul>
  );
}

/** The pair's (or filter's) installations with their calendar history, MA arrivals and MA106 failures. */
export function PlanTable({
  rows,
  designateHref,
}: {
  rows: PlanRow[];
  designateHref: (id: number) => string;
}) {
  return (
    <DataTable
      caption="Split-supply installations with their calendar history"
      testId="split-supply-plan"
      rows={rows}
      rowKey={(r) => r.id}
      empty="No split-supply installation matches the filter."
      columns={[
        {
          key: 'installation',
          header: 'Installation',
          cell: (r) => (
            <>
              <Link className="mono" href={`/installations/${r.id}`}>
                {r.mpan ?? r.mprn}
              </Link>
              <div className="muted">
                {STATUS_LABELS[r.status]}
                {r.lastCode ? ` · ${r.lastCode}` : ''}
              </div>
            </>
          ),
        },
        {
          key: 'suppliers',
          header: 'Electricity · gas supplier',
          cell: (r) => `${r.electricitySupplier} · ${r.gasSupplier}`,
        },
        {
          key: 'current',
          header: 'Current week',
          cell: (r) =>
            r.current
              ? `${formatIsoDate(r.current.week)} (${r.current.published ? 'published' : 'draft'})`
              : '—',
        },
        { key: 'history', header: 'Weeks designated', cell: (r) => <History row={r} /> },
        { key: 'mas', header: 'MAs received', cell: (r) => <Arrivals row={r} /> },
        {
          key: 'ma106',
          header: 'MA106 failures',
          cell: (r) => (r.ma106Weeks.length === 0 ? 'None' : r.ma106Weeks.map(formatIsoDate).join(', ')),
        },
        {
          key: 'action',
          header: 'Designate',
          cell: (r) => (
            <Link href={designateHref(r.id)} aria-label={`Designate a week for ${r.mpan ?? r.mprn}`}>
              Designate
            </Link>
          ),
        },
      ]}
    />
  );
}

/** The candidate weeks' demand and capacity (the demand page's figures): commitment, what is planned, DCC capacity. */
export function WeekFiguresTable({ weeks, scope }: { weeks: WeekFigures[]; scope: string }) {
  return (
    <DataTable
      caption={`Demand and capacity of the weeks that may be designated, ${scope}`}
      testId="week-figures"
      rows={weeks}
      rowKey={(w) => w.week}
      empty="No week may be designated now."
      columns={[
        { key: 'week', header: 'Migration Week', cell: (w) => formatIsoDate(w.week) },
        { key: 'committed', header: 'DCC commitment', numeric: true, cell: (w) => formatCount(w.committed) },
        { key: 'planned', header: 'Already planned', numeric: true, cell: (w) => formatCount(w.planned) },
        {
          key: 'designated',
          header: 'Split supply designated',
          numeric: true,
          cell: (w) => formatCount(w.designated),
        },
        {
          key: 'capacity',
          header: 'DCC capacity',
          numeric: true,
          cell: (w) => (w.capacity === null ? '—' : formatCount(w.capacity)),
        },
        {
          key: 'headroom',
          header: 'Headroom',
          numeric: true,
          cell: (w) => {
            const headroom = w.committed - w.planned - w.designated;
            return headroom < 0 ? <strong>{formatCount(headroom)} (over)</strong> : formatCount(headroom);
          },
        },
      ]}
    />
  );
}

export function PublicationLog({ publications }: { publications: PublicationSummary[] }) {
  return (
    <DataTable
      caption="Publications of the split-supply calendar, newest first"
      testId="publications"
      rows={publications}
      rowKey={(p) => p.id}
      empty="The calendar has not been published yet."
      columns={[
        { key: 'at', header: 'Published', cell: (p) => <LondonTime iso={p.publishedAt} /> },
        { key: 'by', header: 'By', cell: (p) => p.publishedBy ?? 'unknown' },
        { key: 'count', header: 'Designations', numeric: true, cell: (p) => formatCount(p.designationCount) },
      ]}
    />
  );
}
