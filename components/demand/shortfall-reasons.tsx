import Link from 'next/link';
import { type Column, DataTable } from '@/components/ui/data-table';
import { SectionCard } from '@/components/ui/section-card';
import type { ShortfallReasons } from '@/lib/data/demand';
import { formatCount, formatIsoDate } from '@/lib/format';
import { type Report8Row, SHORTFALL_CAUSES } from '@/lib/rules/demand';
import { INCIDENT_STATUS_LABELS } from '@/lib/rules/incident-workflow';
import type { IsoDate } from '@/lib/rules/weeks';
import { installationsHref } from './shared';

type Cause = (typeof SHORTFALL_CAUSES)[number];

const NOT_RECORDED: Record<string, string> = {
  'dcc-capacity':
    'Not recorded: the data holds the commitment DCC gave, not whether its systems coped with it in the week.',
  signature:
    'Not recorded: an MA whose signature the MCC rejects is not processed (MEHRS 2.3.1), so it never reaches this data; the MCC tells the supplier by telephone and email.',
};

/**
 * MEHRS 2.2.1 (a)–(e), week by week: the figures where the data says, and a plain "not recorded" where it does not.
 */
export function ShortfallReasonsSection({
  reasons,
  total,
  supplier,
}: {
  reasons: ShortfallReasons;
  total: Report8Row[];
  supplier: number | undefined;
}) {
  const weeks = reasons.weeks;
  const rowOf = (week: IsoDate) => total.find((r) => r.migrationWeek === week);
  const figure = (cause: Cause, week: IsoDate): string => {
    switch (cause.key) {
      case 'fewer-authorisations':
        return formatCount(rowOf(week)?.shortfall ?? 0);
      case 'validation':
        return formatCount(rowOf(week)?.rejected ?? 0);
      case 'mcf':
        return formatCount(reasons.mcfIncidents.filter((i) => i.week === week).length);
      default:
        return 'Not recorded';
    }
  };
  const causeColumns: Column<Cause>[] = [
    { key: 'clause', header: 'MEHRS', cell: (c) => c.clause },
    {
      key: 'cause',
      header: 'Cause',
      cell: (c) => (c.recorded ? c.cause : `${c.cause}. ${NOT_RECORDED[c.key] ?? ''}`),
    },
    ...weeks.map((week) => ({
      key: week,
      header: formatIsoDate(week),
      numeric: true,
      cell: (c: Cause) => figure(c, week),
    })),
  ];
  type CodeRow = ShortfallReasons['rejectedByCode'][number];
  const codeColumns: Column<CodeRow>[] = [
    { key: 'code', header: 'Reason code', cell: (c) => <code>{c.code}</code> },
    { key: 'meaning', header: 'Meaning', cell: (c) => c.description },
    ...weeks.map((week) => ({
      key: week,
      header: formatIsoDate(week),
      numeric: true,
      cell: (c: CodeRow) => {
        const n = c.counts[week] ?? 0;
        if (n === 0) return '0';
        return (
          <Link
            prefetch={false}
            href={installationsHref(week, supplier, { code: c.code })}
            aria-label={`Installations in Migration Week ${formatIsoDate(week)} whose last code is ${c.code}`}
          >
            {formatCount(n)}
          </Link>
        );
      },
    })),
    { key: 'total', header: 'Total', numeric: true, cell: (c) => formatCount(c.total) },
  ];
  return (
    <SectionCard title="Why the commitment was missed (MEHRS 2.2.1)" testId="shortfall-reasons">
      <DataTable
        caption="Causes of a missed commitment by Migration Week: MAs short, MAs rejected, MCF incidents raised"
        columns={causeColumns}
        rows={SHORTFALL_CAUSES}
        rowKey={(c) => c.key}
        empty="No causes."
        testId="causes-table"
      />
      <h3>Migration Authorisations rejected, by reason code (MEHRS 2.3.2)</h3>
      <DataTable
        caption="Migration Authorisations rejected by the Requesting Party, by reason code and Migration Week"
        columns={codeColumns}
        rows={reasons.rejectedByCode}
        rowKey={(c) => c.code}
        empty="No Migration Authorisation was rejected in these four weeks."
        testId="rejections-table"
      />
      <p className="muted">
        An MA that fails several checks counts under each of its codes. A count links to the installations of
        that week whose last code is still that reason code; an installation re-authorised since then shows
        its newer outcome instead.
      </p>
      <h3>Migration Common File not generated (MEHRS 2.4.1)</h3>
      {reasons.mcfIncidents.length === 0 ? (
        <p>
          No incident “Requesting Party unable to generate Migration Common File” was raised in these four
          weeks.
        </p>
      ) : (
        <ul className="link-list">
          {reasons.mcfIncidents.map((i) => (
            <li key={i.id}>
              <Link prefetch={false} href={`/incidents/${i.id}`}>
                {i.reference}
              </Link>
              , raised in Migration Week {formatIsoDate(i.week)} ({INCIDENT_STATUS_LABELS[i.status]})
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}
