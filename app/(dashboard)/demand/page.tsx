import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DemandFilterForm } from '@/components/demand/demand-filter-form';
import { DemandTrend } from '@/components/demand/demand-trend';
import { PartyMultiples } from '@/components/demand/party-multiples';
import { PlannedVolumeSection } from '@/components/demand/planned-volume';
import { Report8Section } from '@/components/demand/report8-section';
import { DEMAND_COLOURS } from '@/components/demand/shared';
import { ShortfallReasonsSection } from '@/components/demand/shortfall-reasons';
import { Skeleton } from '@/components/ui/skeleton';
import { can } from '@/lib/auth/permissions';
import { requirePermission, type Viewer } from '@/lib/auth/viewer';
import {
  type DemandScope,
  getDemandTrend,
  getPlannedVolume,
  getReport8,
  getShortfallReasons,
  listDemandParties,
  listDemandWeeks,
  resolveDemandScope,
} from '@/lib/data/demand';
import { designatedPerWeek } from '@/lib/data/split-supply';
import { demandQuerySchema } from '@/lib/filters/demand';
import { type PageSearchParams, parseSearchParams } from '@/lib/filters/installations';
import { lastCompleteMigrationWeek } from '@/lib/rules/demand';

export const metadata: Metadata = { title: 'Demand' };

interface WidgetProps {
  viewer: Viewer;
  scope: DemandScope;
  /** The party id carried into drill-down links: the MCC's choice only. */
  supplier: number | undefined;
}

async function Report8Widgets({ viewer, scope, supplier }: WidgetProps) {
  const [report, reasons] = await Promise.all([
    getReport8(viewer, scope),
    getShortfallReasons(viewer, scope),
  ]);
  const title = `Report 8: ${scope.party?.name ?? 'all Authorising Parties'}`;
  return (
    <>
      <Report8Section view={report} title={title} supplier={supplier} />
      {can(viewer, 'migration.viewAll') && !scope.party ? (
        <PartyMultiples blocks={report.parties} week={scope.week} />
      ) : null}
      <ShortfallReasonsSection reasons={reasons} total={report.total} supplier={supplier} />
    </>
  );
}

async function TrendWidget({ viewer, scope, supplier }: WidgetProps) {
  return <DemandTrend points={await getDemandTrend(viewer, scope)} supplier={supplier} />;
}

/**
 * The split-supply calendar's designations are part of the planned volume (MAM: the calendar "will be dependent on
 * demand"). They count the viewer's own installations, so they are shown for every party together or for a
 * supplier's own view, never beside one other party's figures.
 */
async function PlannedWidget({ viewer, scope, supplier, now }: WidgetProps & { now: Date }) {
  const volume = await getPlannedVolume(viewer, scope.party, now);
  const [first, last] = [volume.weeks[0]?.migrationWeek, volume.weeks.at(-1)?.migrationWeek];
  const matchesScope = scope.party === null || !can(viewer, 'migration.viewAll');
  const calendar =
    first && last && matchesScope ? await designatedPerWeek(viewer, { from: first, to: last }) : [];
  const extraSeries = calendar.length
    ? [
        {
          key: 'splitSupply',
          label: 'Split-supply designations',
          color: DEMAND_COLOURS.splitSupply,
          values: Object.fromEntries(calendar.map((w) => [w.week, w.published + w.draft])),
        },
      ]
    : undefined;
  return <PlannedVolumeSection volume={volume} supplier={supplier} extraSeries={extraSeries} />;
}

export default async function DemandPage({ searchParams }: { searchParams: PageSearchParams }) {
  const viewer = await requirePermission('demand.view');
  const query = parseSearchParams(demandQuerySchema, await searchParams);
  const now = new Date();
  const latest = lastCompleteMigrationWeek(now);
  const [scope, weeks, parties] = await Promise.all([
    resolveDemandScope(viewer, query.week ?? latest, query.supplier),
    listDemandWeeks(viewer, latest),
    listDemandParties(viewer),
  ]);
  const choosesParty = can(viewer, 'migration.viewAll');
  const props: WidgetProps = { viewer, scope, supplier: choosesParty ? scope.party?.id : undefined };
  const key = `${scope.week}|${scope.party?.id ?? 'all'}`;
  return (
    <div className="stack">
      <h1>Demand against commitment</h1>
      <p className="muted">
        Migration Authorisations received against DCC’s Migration Demand Commitment for four Migration Weeks,
        as Report 8 gives them to each Authorising Party (MEHRS 2.2.1), and the volume planned for the weeks
        ahead.
      </p>
      <DemandFilterForm
        weeks={weeks}
        week={scope.week}
        latest={latest}
        parties={parties}
        party={scope.party}
        choosesParty={choosesParty}
      />
      <Suspense key={`r8|${key}`} fallback={<Skeleton label="Report 8" height="30rem" />}>
        <Report8Widgets {...props} />
      </Suspense>
      <Suspense key={`trend|${key}`} fallback={<Skeleton label="the trend" height="20rem" />}>
        <TrendWidget {...props} />
      </Suspense>
      <Suspense key={`planned|${key}`} fallback={<Skeleton label="the planned volume" height="20rem" />}>
        <PlannedWidget {...props} now={now} />
      </Suspense>
    </div>
  );
}
