'use client';

import Link from 'next/link';
import { HorizontalBarChart, StackedBarChart } from '@/components/charts/lazy';
import { LiveStatus } from '@/components/live/live-status';
import { useLiveQuery } from '@/components/live/use-live-query';
import { NextMoves } from '@/components/overview/next-moves';
import { ScrollRegion } from '@/components/ui/scroll-region';
import type { CodeFailures, FailureRate, Overview } from '@/lib/data/overview';
import type { InstallationFilter } from '@/lib/filters/installations';
import { toSearchParams } from '@/lib/filters/search-params';
import { formatCount, formatIsoDate, formatRate, OUTCOME_LABELS, STATUS_LABELS } from '@/lib/format';
import { STAGES } from '@/lib/rules/stages';
import {
  type GroupId,
  INSTALLATION_STATUSES,
  type InstallationStatus,
  OUTCOMES,
  type Outcome,
} from '@/lib/rules/types';

const STATUS_COLOURS: Record<InstallationStatus, string> = {
  'in-progress': '#0b5394',
  failed: '#a4161a',
  migrated: '#1e6b3a',
  'rolled-back': '#8a5300',
};

const FAILURE_STATUSES = ['failed', 'rolled-back'] as const;

function listHref(filter: InstallationFilter, extra: Partial<InstallationFilter>): string {
  return `/installations${toSearchParams({ ...filter, ...extra })}`;
}

/** Failures by code: the top codes and one "other codes" bar, failed and rolled back apart, so the total adds up. */
function FailuresByCode({ overview, filter }: { overview: Overview; filter: InstallationFilter }) {
  const rows: (CodeFailures & { codes?: number })[] = [
    ...overview.failuresByCode,
    ...(overview.otherCodes.codes > 0 ? [overview.otherCodes] : []),
  ];
  const isOther = (code: string) => code === overview.otherCodes.code;
  const href = (code: string, status: 'failed' | 'rolled-back') =>
    listHref(filter, isOther(code) ? { status } : { status, code });
  const sumOf = (key: 'failed' | 'rolledBack') => rows.reduce((n, r) => n + r[key], 0);
  return (
    <section className="card" aria-labelledby="by-code">
      <h2 id="by-code">Failures by code</h2>
      {rows.length === 0 ? (
        <p className="empty-state">No failures in this selection.</p>
      ) : (
        <>
          <HorizontalBarChart
            data={rows.map((r) => ({
              label: isOther(r.code) ? `Other (${r.codes ?? 0})` : r.code,
              value: r.failed + r.rolledBack,
              href: href(r.code, r.failed > 0 ? 'failed' : 'rolled-back'),
            }))}
            name="Failures"
            color={STATUS_COLOURS.failed}
          />
          <ScrollRegion label="Failures by code">
            <table className="data" data-testid="failures-by-code">
              <caption className="visually-hidden">Failures by code</caption>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Meaning</th>
                  <th scope="col" className="num">
                    Failed
                  </th>
                  <th scope="col" className="num">
                    Rolled back
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.code}>
                    <th scope="row">{isOther(r.code) ? r.code : <code>{r.code}</code>}</th>
                    <td>{isOther(r.code) ? `${formatCount(r.codes ?? 0)} more codes` : r.description}</td>
                    {(['failed', 'rolled-back'] as const).map((status) => {
                      const n = status === 'failed' ? r.failed : r.rolledBack;
                      return (
                        <td key={status} className="num">
                          {n === 0 ? (
                            '0'
                          ) : (
                            <Link
                              href={href(r.code, status)}
                              aria-label={`${formatCount(n)} ${STATUS_LABELS[status].toLowerCase()} with ${r.code}`}
                            >
                              {formatCount(n)}
                            </Link>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    Total
                  </th>
                  <td className="num">{formatCount(sumOf('failed'))}</td>
                  <td className="num">{formatCount(sumOf('rolledBack'))}</td>
                </tr>
              </tfoot>
            </table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}

/** Failure rates (failed per installation attempted) beside the counts, highest rate first. */
function FailureRates({
  id,
  title,
  keyLabel,
  rows,
  hrefOf,
}: {
  id: string;
  title: string;
  keyLabel: string;
  rows: FailureRate[];
  hrefOf: (key: string) => string;
}) {
  const shown = rows.filter((r) => r.attempted > 0);
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {shown.every((r) => r.failures === 0) ? (
        <p className="empty-state">No failures in this selection.</p>
      ) : (
        <>
          <HorizontalBarChart
            data={shown.map((r) => ({
              label: r.label,
              value: r.failures / r.attempted,
              href: hrefOf(r.key),
            }))}
            name="Failure rate"
            color={STATUS_COLOURS.failed}
            formatValue={(v) => formatRate(v, 1)}
          />
          <ScrollRegion label={title}>
            <table className="data" data-testid={id}>
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{keyLabel}</th>
                  <th scope="col" className="num">
                    Failure rate
                  </th>
                  <th scope="col" className="num">
                    Failed
                  </th>
                  <th scope="col" className="num">
                    Attempted
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    <td className="num">{formatRate(r.failures, r.attempted)}</td>
                    <td className="num">
                      <Link
                        href={hrefOf(r.key)}
                        aria-label={`${formatCount(r.failures)} failed for ${r.label}`}
                      >
                        {formatCount(r.failures)}
                      </Link>
                    </td>
                    <td className="num">{formatCount(r.attempted)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className="muted">
            Failed: installations whose attempt has failed now. Attempted: those past the Demand stage.
          </p>
        </>
      )}
    </section>
  );
}

export function OverviewLive({
  initial,
  filter,
  weeks,
  reader,
}: {
  initial: Overview;
  filter: InstallationFilter;
  weeks: { current: string; previous: string };
  /** Whose view it is: a supplier's overview leads with its own moves. */
  reader: 'mcc' | 'supplier';
}) {
  const live = useLiveQuery<Overview>(`/api/overview${toSearchParams(filter)}`, initial);
  const overview = live.data;

  const cell = (stage: string, status: InstallationStatus) =>
    overview.byStageStatus.find((r) => r.stage === stage && r.status === status)?.count ?? 0;
  const stageRows = STAGES.map((s) => ({
    id: s.id,
    label: s.label,
    values: Object.fromEntries(INSTALLATION_STATUSES.map((status) => [status, cell(s.id, status)])),
    hrefs: Object.fromEntries(
      INSTALLATION_STATUSES.map((status) => [status, listHref(filter, { stage: s.id, status })]),
    ),
  }));
  const migrated = cell('migrated', 'migrated');
  const weekCount = (week: string, outcome: Outcome) =>
    overview.weekOutcomes.find((r) => r.week === week && r.outcome === outcome)?.count ?? 0;
  // The list of installations that ended an attempt so during the week (not those currently in it).
  const outcomeHref = (week: string, outcome: Outcome) =>
    listHref(
      { ...filter, weekFrom: undefined, weekTo: undefined, status: undefined },
      { outcome, outcomeWeek: week },
    );

  return (
    <>
      <LiveStatus live={live} />
      <NextMoves counts={overview.nextMoves} filter={filter} reader={reader} />
      <section className="card" aria-labelledby="by-stage">
        <h2 id="by-stage">Installations by stage and status</h2>
        {/* Migrated and in-progress installations dwarf the failures (40,000 against a few hundred): the chart
            draws failures only, the table every status. */}
        <p className="muted" data-testid="migrated-not-drawn">
          The chart shows failures only; the table has every status ({formatCount(migrated)} migrated).
        </p>
        <StackedBarChart
          rows={stageRows.filter((row) => row.id !== 'migrated')}
          series={FAILURE_STATUSES.map((s) => ({
            key: s,
            label: STATUS_LABELS[s],
            color: STATUS_COLOURS[s],
          }))}
        />
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">Installations by stage and status</caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                {INSTALLATION_STATUSES.map((s) => (
                  <th key={s} scope="col" className="num">
                    {STATUS_LABELS[s]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {stageRows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.label}</th>
                  {INSTALLATION_STATUSES.map((s) => (
                    <td key={s} className="num">
                      <Link href={row.hrefs[s] ?? '#'}>{formatCount(row.values[s] ?? 0)}</Link>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <FailuresByCode overview={overview} filter={filter} />
      <div className="grid">
        <FailureRates
          id="by-group"
          title="Failure rate by GroupID"
          keyLabel="GroupID"
          rows={overview.failuresByGroup}
          hrefOf={(groupId) => listHref(filter, { status: 'failed', groupId: groupId as GroupId })}
        />
        {overview.failuresBySupplier ? (
          <FailureRates
            id="by-supplier"
            title="Failure rate by supplier"
            keyLabel="Supplier"
            rows={overview.failuresBySupplier}
            hrefOf={(supplier) => listHref(filter, { status: 'failed', supplier: Number(supplier) })}
          />
        ) : null}

        <section className="card" aria-labelledby="this-week">
          <h2 id="this-week">This week against last week</h2>
          <p className="muted" id="this-week-meaning">
            What happened during each Migration Week: every attempt that ended in it, counted once, as Report
            6 counts MA completions, whatever the installation's state now.
          </p>
          <div className="table-scroll">
            <table className="data" aria-describedby="this-week-meaning" data-testid="week-outcomes">
              <thead>
                <tr>
                  <th scope="col">Outcome during the week</th>
                  <th scope="col" className="num">
                    Week of {formatIsoDate(weeks.current)}
                  </th>
                  <th scope="col" className="num">
                    Week of {formatIsoDate(weeks.previous)}
                  </th>
                  <th scope="col" className="num">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                {OUTCOMES.map((outcome) => {
                  const now = weekCount(weeks.current, outcome);
                  const before = weekCount(weeks.previous, outcome);
                  const change = now - before;
                  return (
                    <tr key={outcome}>
                      <th scope="row">{OUTCOME_LABELS[outcome]}</th>
                      <td className="num">
                        <Link
                          href={outcomeHref(weeks.current, outcome)}
                          aria-label={`${formatCount(now)} ${OUTCOME_LABELS[outcome].toLowerCase()} during the week of ${formatIsoDate(weeks.current)}`}
                        >
                          {formatCount(now)}
                        </Link>
                      </td>
                      <td className="num">
                        <Link
                          href={outcomeHref(weeks.previous, outcome)}
                          aria-label={`${formatCount(before)} ${OUTCOME_LABELS[outcome].toLowerCase()} during the week of ${formatIsoDate(weeks.previous)}`}
                        >
                          {formatCount(before)}
                        </Link>
                      </td>
                      <td className="num">
                        {change > 0 ? '+' : ''}
                        {formatCount(change)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </>
  );
}
