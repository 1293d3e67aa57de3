import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { LondonTime } from '@/components/ui/london-time';
import type { CalendarEntry } from '@/lib/data/split-supply';
import { formatIsoDate } from '@/lib/format';
import { MA_SIDE_STATUS_LABELS } from '@/lib/rules/split-supply';

/**
 * A supplier's split-supply calendar: the published week of each of its split-supply installations, whether its own
 * MA for that week has arrived, and whether the other supplier's has (never the other supplier's name).
 */
export function SupplierCalendar({ rows }: { rows: CalendarEntry[] }) {
  return (
    <DataTable
      caption="Your split-supply installations and their designated Migration Weeks"
      testId="supplier-calendar"
      rows={rows}
      rowKey={(r) => r.installationId}
      empty="The Migration Control Centre has not published a week for any of your split-supply installations."
      columns={[
        {
          key: 'installation',
          header: 'Installation',
          cell: (r) => (
            <Link className="mono" href={`/installations/${r.installationId}`}>
              {r.mpan ?? r.mprn}
            </Link>
          ),
        },
        { key: 'week', header: 'Designated Migration Week', cell: (r) => formatIsoDate(r.week) },
        {
          key: 'cutoff',
          header: 'Submit by',
          cell: (r) => (
            <>
              <LondonTime iso={r.cutOff} />
              <div className={r.cutOffPassed ? undefined : 'muted'}>{r.timeLeft}</div>
            </>
          ),
        },
        {
          key: 'own',
          header: 'Your MA',
          cell: (r) => MA_SIDE_STATUS_LABELS[(r.sides.find((s) => s.isViewer) ?? r.sides[0]).status],
        },
        {
          key: 'other',
          header: 'The other supplier’s MA',
          cell: (r) => MA_SIDE_STATUS_LABELS[(r.sides.find((s) => !s.isViewer) ?? r.sides[1]).status],
        },
      ]}
    />
  );
}
