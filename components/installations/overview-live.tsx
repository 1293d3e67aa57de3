'use client';

import Link from 'next/link';
import { type BarDatum, HorizontalBarChart } from '@/components/charts/bar-chart';
import { StackedBarChart } from '@/components/charts/stacked-bar-chart';
import { LiveStatus } from '@/components/live/live-status';
import { useLiveQuery } from '@/components/live/use-live-query';
import type { Overview } from '@/lib/data/overview';
import { type InstallationFilter, OUTCOMES, type Outcome, toSearchParams } from '@/lib/filters/installations';
import { formatCount, formatIsoDate, OUTCOME_LABELS, STATUS_LABELS } from '@/lib/format';
import { describeCode } from '@/lib/rules/codes';
import { STAGES } from '@/lib/rules/stages';
import { INSTALLATION_STATUSES, type InstallationStatus } from '@/lib/rules/types';

const STATUS_COLOURS: Record<InstallationStatus, string> = {
  'in-progress': '#0b5394',
  failed: '#a4161a',
  migrated: '#1e6b3a',
  'rolled-back': '#8a5300',
};

function listHref(filter: InstallationFilter, extra: Partial<InstallationFilter>): string {
  return `/installations${toSearchParams({ ...filter, ...extra })}`;
}

/** A ranked bar chart of failures with its accessible table (same numbers, same drill-down links). */
function FailureBreakdown({
  id,
  title,
  keyLabel,
  bars,
  meaningOf,
  testId,
}: {
  id: string;
  title: string;
  keyLabel: string;
  bars: BarDatum[];
  meaningOf?: (key: string) => string;
  testId?: string;
}) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {bars.length === 0 ? (
        <p className="empty-state">No failures in this selection.</p>
      ) : (
        <>
          <HorizontalBarChart data={bars} color={STATUS_COLOURS.failed} />
          <table className="data" data-testid={testId}>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{keyLabel}</th>
                {meaningOf ? <th scope="col">Meaning</th> : null}
                <th scope="col" className="num">
                  Failed
                </th>
              </tr>
            </thead>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.label}>
                  <th scope="row">
                    <code>{bar.label}</code>
                  </th>
                  {meaningOf ? <td>{meaningOf(bar.label)}</td> : null}
                  <td className="num">
                    <Link href={bar.href} aria-label={`${formatCount(bar.value)} failed with ${bar.label}`}>
                      {formatCount(bar.value)}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

export function OverviewLive({
  initial,
  filter,
  weeks,
}: {
  initial: Overview;
  filter: InstallationFilter;
  weeks: { current: string; previous: string };
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
  const codeBars = overview.failuresByCode.map((r) => ({
    label: r.code,
    value: r.count,
    href: listHref(filter, { status: 'failed', code: r.code }),
  }));
  const groupBars = overview.failuresByGroup.map((r) => ({
    label: r.groupId,
    value: r.count,
    href: listHref(filter, { status: 'failed', groupId: r.groupId }),
  }));
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
      <section className="card" aria-labelledby="by-stage">
        <h2 id="by-stage">Installations by stage and status</h2>
        <StackedBarChart
          rows={stageRows}
          series={INSTALLATION_STATUSES.map((s) => ({
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

      <FailureBreakdown
        id="by-code"
        title="Failures by code"
        keyLabel="Code"
        bars={codeBars}
        meaningOf={(code) => describeCode(code).description}
        testId="failures-by-code"
      />
      <div className="grid">
        <FailureBreakdown id="by-group" title="Failures by GroupID" keyLabel="GroupID" bars={groupBars} />

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
