import Link from 'next/link';
import type { ComboSeries } from '@/components/charts/combo-chart';
import { ComboChart } from '@/components/charts/lazy';
import { type Column, DataTable } from '@/components/ui/data-table';
import { SectionCard } from '@/components/ui/section-card';
import type { PlannedVolume } from '@/lib/data/demand';
import { formatCount, formatIsoDate } from '@/lib/format';
import type { PlannedWeek } from '@/lib/rules/demand';
import type { IsoDate } from '@/lib/rules/weeks';
import { DEMAND_COLOURS, installationsHref, shortWeek } from './shared';

/**
 * Another count per coming week, drawn and tabled beside the scheduled volume: e.g. the split-supply calendar's
 * installations per designated week (MAM). Passed in by the page; this section does not fetch it.
 */
export interface PlannedExtraSeries {
  key: string;
  label: string;
  color: string;
  values: Record<IsoDate, number>;
}

function flags(week: PlannedWeek, showsCapacity: boolean): string {
  const out: string[] = [];
  if (showsCapacity && week.overCapacity) out.push('Over capacity');
  if (week.overCommitment) out.push('Over commitment');
  return out.join(', ');
}

/** Per coming Migration Week: installations scheduled against the commitment and (for the MCC) DCC's capacity. */
export function PlannedVolumeSection({
  volume,
  supplier,
  extraSeries = [],
}: {
  volume: PlannedVolume;
  supplier: number | undefined;
  extraSeries?: PlannedExtraSeries[];
}) {
  const { showsCapacity, weeks } = volume;
  const series: ComboSeries[] = [
    {
      key: 'direct',
      label: 'Scheduled by the supplier',
      color: DEMAND_COLOURS.scheduled,
      kind: 'bar',
      stackId: 's',
    },
    {
      key: 'triage',
      label: 'Rescheduled after dormant triage',
      color: DEMAND_COLOURS.triage,
      kind: 'bar',
      stackId: 's',
    },
    ...extraSeries.map((s) => ({ key: s.key, label: s.label, color: s.color, kind: 'bar' as const })),
    {
      key: 'committed',
      label: 'DCC Migration Commitment',
      color: DEMAND_COLOURS.committed,
      kind: 'line',
      dashed: true,
    },
    ...(showsCapacity
      ? [
          {
            key: 'capacity',
            label: 'DCC capacity',
            color: DEMAND_COLOURS.capacity,
            kind: 'line' as const,
            dashed: true,
          },
        ]
      : []),
  ];
  const columns: Column<PlannedWeek>[] = [
    { key: 'week', header: 'Migration Week', cell: (w) => formatIsoDate(w.migrationWeek) },
    {
      key: 'scheduled',
      header: 'Installations scheduled',
      numeric: true,
      cell: (w) => (
        <Link
          prefetch={false}
          href={installationsHref(w.migrationWeek, supplier)}
          aria-label={`${formatCount(w.scheduled)} installations scheduled in Migration Week ${formatIsoDate(w.migrationWeek)}`}
        >
          {formatCount(w.scheduled)}
        </Link>
      ),
    },
    {
      key: 'triage',
      header: 'Of which rescheduled after dormant triage',
      numeric: true,
      cell: (w) => formatCount(w.rescheduledByTriage),
    },
    ...extraSeries.map((s) => ({
      key: s.key,
      header: s.label,
      numeric: true,
      cell: (w: PlannedWeek) => formatCount(s.values[w.migrationWeek] ?? 0),
    })),
    { key: 'committed', header: 'Commitment', numeric: true, cell: (w) => formatCount(w.committed) },
    ...(showsCapacity
      ? [
          {
            key: 'capacity',
            header: 'DCC capacity',
            numeric: true,
            cell: (w: PlannedWeek) => (w.capacity === null ? 'Not set' : formatCount(w.capacity)),
          },
          {
            key: 'used',
            header: 'Capacity used',
            numeric: true,
            cell: (w: PlannedWeek) => (w.capacityUsed === null ? '' : `${w.capacityUsed.toFixed(1)}%`),
          },
        ]
      : []),
    {
      key: 'flags',
      header: 'Flags',
      cell: (w) => {
        const text = flags(w, showsCapacity);
        return text ? <span className="flag">{text}</span> : null;
      },
    },
  ];
  const over = weeks.filter((w) => showsCapacity && w.overCapacity);
  return (
    <SectionCard title="Planned volume of coming Migration Weeks" testId="planned-volume">
      <p>
        {showsCapacity
          ? over.length > 0
            ? `${over.length} of the next ${weeks.length} Migration Weeks ${over.length === 1 ? 'is' : 'are'} scheduled beyond DCC’s capacity: ${over.map((w) => formatIsoDate(w.migrationWeek)).join(', ')}.`
            : `None of the next ${weeks.length} Migration Weeks is scheduled beyond DCC’s capacity.`
          : 'Installations scheduled in each coming Migration Week against your commitment; weeks scheduled beyond it are flagged.'}
      </p>
      <ComboChart
        rows={weeks.map((w) => ({
          label: shortWeek(w.migrationWeek),
          values: {
            direct: w.scheduled - w.rescheduledByTriage,
            triage: w.rescheduledByTriage,
            committed: w.committed,
            capacity: w.capacity,
            ...Object.fromEntries(extraSeries.map((s) => [s.key, s.values[w.migrationWeek] ?? 0])),
          },
          hrefs: {
            direct: installationsHref(w.migrationWeek, supplier),
            triage: installationsHref(w.migrationWeek, supplier),
          },
        }))}
        series={series}
      />
      <DataTable
        caption="Installations scheduled per coming Migration Week against commitment and capacity"
        columns={columns}
        rows={weeks}
        rowKey={(w) => w.migrationWeek}
        empty="No coming Migration Weeks."
        testId="planned-table"
      />
      <p className="muted">
        The current week is still filling: its installations are counted whatever stage they have reached. The
        commitment of a coming week is what DCC has committed so far.
      </p>
    </SectionCard>
  );
}
