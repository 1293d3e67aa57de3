import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RaiseFromFilterLink } from '@/components/incidents/raise-from-filter-link';
import { FilterForm } from '@/components/installations/filter-form';
import { InstallationTable } from '@/components/installations/installation-table';
import { NextMoveFilter } from '@/components/installations/next-move-filter';
import { SelectField } from '@/components/ui/select-field';
import { Skeleton } from '@/components/ui/skeleton';
import { can } from '@/lib/auth/permissions';
import { requirePermission, type Viewer } from '@/lib/auth/viewer';
import { countInstallations, listInstallations } from '@/lib/data/installations';
import { listMigrationWeeks } from '@/lib/data/overview';
import {
  type InstallationListQuery,
  installationListSchema,
  OUTCOMES,
  type PageSearchParams,
  parseSearchParams,
  toSearchParams,
} from '@/lib/filters/installations';
import { formatIsoDate, OUTCOME_LABELS } from '@/lib/format';

export const metadata: Metadata = { title: 'Installations' };

async function Results({ viewer, query }: { viewer: Viewer; query: InstallationListQuery }) {
  const [page, total] = await Promise.all([
    listInstallations(viewer, query),
    countInstallations(viewer, query),
  ]);
  return (
    <InstallationTable
      initial={{ page, total }}
      query={query}
      showSuppliers={can(viewer, 'migration.viewAll')}
      summary={
        <>
          <p className="muted" data-testid="week-meaning">
            {weekMeaning(query)}
          </p>
          <RaiseFromFilterLink viewer={viewer} filter={query} count={total.value} />
        </>
      }
    />
  );
}

/** Which meaning of "week" the list applies: what happened during a week, or where installations are now. */
function weekMeaning(query: InstallationListQuery): string {
  const parts: string[] = [];
  if (query.outcomeWeek) {
    const what = query.outcome ? OUTCOME_LABELS[query.outcome].toLowerCase() : 'ended an attempt';
    parts.push(
      `Installations that ${what} during the Migration Week of ${formatIsoDate(query.outcomeWeek)}.`,
    );
  }
  if (query.weekFrom || query.weekTo) {
    const from = query.weekFrom ? formatIsoDate(query.weekFrom) : 'the first';
    const to = query.weekTo ? formatIsoDate(query.weekTo) : 'the last';
    parts.push(`Currently in a Migration Week from ${from} to ${to}.`);
  }
  return parts.length > 0 ? parts.join(' ') : 'All Migration Weeks.';
}

export default async function InstallationsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const viewer = await requirePermission('installations.view');
  const query = parseSearchParams(installationListSchema, await searchParams);
  const weekOptions = (await listMigrationWeeks(viewer)).map((w) => ({ value: w, label: formatIsoDate(w) }));
  return (
    <div className="stack">
      <div className="page-header">
        <h1>Installations</h1>
        {/* "Export what I see": the same filters and sort, every row (docs/reports.md). */}
        <a
          className="button secondary"
          href={`/api/exports/installations${toSearchParams({ ...query, cursor: undefined })}`}
        >
          Download CSV
        </a>
      </div>
      <FilterForm
        viewer={viewer}
        action="/installations"
        filter={query}
        hidden={{ sort: query.sort, dir: query.dir }}
        extra={
          <>
            <div className="field">
              <label htmlFor="f-q">MPAN or MPRN</label>
              <input
                id="f-q"
                name="q"
                inputMode="numeric"
                defaultValue={query.q ?? ''}
                aria-describedby="f-q-hint"
              />
              <span id="f-q-hint" className="muted">
                Full number, or its first digits
              </span>
            </div>
            <NextMoveFilter viewer={viewer} filter={query} />
            <SelectField
              id="f-outcome"
              name="outcome"
              label="Ended an attempt"
              anyLabel="With any outcome"
              defaultValue={query.outcome}
              options={OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))}
            />
            <SelectField
              id="f-outcomeWeek"
              name="outcomeWeek"
              label="During Migration Week"
              defaultValue={query.outcomeWeek}
              options={weekOptions}
            />
          </>
        }
      />
      <Suspense key={JSON.stringify(query)} fallback={<Skeleton label="installations" height="30rem" />}>
        <Results viewer={viewer} query={query} />
      </Suspense>
    </div>
  );
}
