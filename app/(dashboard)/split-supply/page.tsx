import type { Metadata } from 'next';
import Link from 'next/link';
import { DesignateForm } from '@/components/split-supply/designate-form';
import {
  PairTable,
  PlanTable,
  PublicationLog,
  WeekFiguresTable,
} from '@/components/split-supply/plan-tables';
import { PublishForm } from '@/components/split-supply/publish-form';
import { SupplierCalendar } from '@/components/split-supply/supplier-calendar';
import { FilterBar } from '@/components/ui/filter-bar';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { SectionCard } from '@/components/ui/section-card';
import { SelectField } from '@/components/ui/select-field';
import { can } from '@/lib/auth/permissions';
import { requirePermission, type Viewer } from '@/lib/auth/viewer';
import { listCalendar } from '@/lib/data/split-supply';
import { listPlan, listSupplierPairs, weekFigures } from '@/lib/data/split-supply-plan';
import { countDrafts, listPublications } from '@/lib/data/split-supply-writes';
import { type PageSearchParams, parseSearchParams } from '@/lib/filters/installations';
import {
  CALENDAR_STATE_LABELS,
  CALENDAR_STATES,
  type SplitSupplyListQuery,
  splitSupplyListSchema,
  splitSupplyParams,
} from '@/lib/filters/split-supply';
import { SPLIT_SUPPLY_DEFAULTS } from '@/lib/rules/config';
import { validDesignationWeeks } from '@/lib/rules/split-supply';

export const metadata: Metadata = { title: 'Split supply' };

const EXPORT_HREF = '/api/exports/split-supply';

function href(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams(
    Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  ).toString();
  return search ? `/split-supply?${search}` : '/split-supply';
}

const cutOffNote = `Each week’s submission cut-off is 00:00 London time ${SPLIT_SUPPLY_DEFAULTS.submissionCutOffDaysBefore} days before its Monday. This is an assumption of this product: the documents give no cut-off.`;

async function SupplierView({ viewer, query }: { viewer: Viewer; query: { cursor?: string } }) {
  const page = await listCalendar(viewer, { cursor: query.cursor }, new Date());
  return (
    <>
      <p>
        The Migration Control Centre designates the week in which both suppliers of a split-supply
        installation submit a Migration Authorisation including their split-supply device (MAM). If either
        misses the week the installation fails with MA106. {cutOffNote}
      </p>
      <SectionCard title="Your designated weeks" actions={<a href={EXPORT_HREF}>Export CSV</a>}>
        <SupplierCalendar rows={page.rows} />
        <KeysetPager
          firstHref={query.cursor ? '/split-supply' : null}
          nextHref={page.nextCursor ? `/split-supply?calendar=${page.nextCursor}` : null}
        />
      </SectionCard>
    </>
  );
}

async function PlannerView({ viewer, query }: { viewer: Viewer; query: SplitSupplyListQuery }) {
  const now = new Date();
  const filter = { pair: query.pair, state: query.state, code: query.code };
  const filterParams = splitSupplyParams(filter);
  const [pairs, plan, drafts, publications] = await Promise.all([
    listSupplierPairs(viewer, now),
    listPlan(viewer, filter, query.cursor, now),
    countDrafts(viewer),
    listPublications(viewer),
  ]);
  const pair = pairs.find((p) => p.key === filterParams.pair) ?? null;
  const weeks = await weekFigures(
    viewer,
    validDesignationWeeks(now),
    pair ? pair.suppliers.map((s) => s.id) : null,
  );
  const target = plan.rows.find((r) => r.id === query.installation) ?? null;
  const pairLabel = pair ? `${pair.suppliers[0].name} & ${pair.suppliers[1].name}` : null;
  return (
    <>
      <p>
        Designate the Migration Week in which both suppliers of a split-supply installation submit their
        Migration Authorisations, then publish the calendar (MAM). A published week can be superseded with a
        reason, never changed. {cutOffNote}
      </p>
      <SectionCard title="Supplier pairs" actions={<a href={EXPORT_HREF}>Export CSV</a>}>
        <PairTable pairs={pairs} selected={pair?.key ?? null} />
      </SectionCard>
      <FilterBar action="/split-supply">
        <SelectField
          id="f-pair"
          name="pair"
          label="Supplier pair"
          defaultValue={filterParams.pair}
          options={pairs.map((p) => ({
            value: p.key,
            label: `${p.suppliers[0].name} & ${p.suppliers[1].name}`,
          }))}
        />
        <SelectField
          id="f-state"
          name="state"
          label="Calendar state"
          defaultValue={query.state}
          options={CALENDAR_STATES.map((s) => ({ value: s, label: CALENDAR_STATE_LABELS[s] }))}
        />
        <SelectField
          id="f-code"
          name="code"
          label="Last code"
          defaultValue={query.code}
          options={[{ value: 'MA106', label: 'MA106 (other split-supply MA not received)' }]}
        />
      </FilterBar>
      <SectionCard title={pairLabel ? `Installations of ${pairLabel}` : 'Split-supply installations'}>
        <p className="muted" data-testid="plan-count">
          {plan.total} installation{plan.total === 1 ? '' : 's'} match.
        </p>
        <PlanTable
          rows={plan.rows}
          designateHref={(id) =>
            `${href({ ...filterParams, installation: id, cursor: query.cursor })}#designate`
          }
        />
        <KeysetPager
          firstHref={query.cursor ? href(filterParams) : null}
          nextHref={plan.nextCursor ? href({ ...filterParams, cursor: plan.nextCursor }) : null}
        />
      </SectionCard>
      <div className="grid">
        <DesignateForm
          weeks={weeks}
          filterParams={filterParams}
          targets={{
            installation: target
              ? { id: target.id, label: target.mpan ?? target.mprn ?? String(target.id) }
              : null,
            pair: pair && pairLabel ? { label: pairLabel, count: pair.total } : null,
            filter: { count: plan.total },
          }}
        />
        <SectionCard title="Publish">
          <PublishForm drafts={drafts} />
        </SectionCard>
      </div>
      <SectionCard title={`Demand and capacity, ${pairLabel ?? 'all suppliers'}`}>
        <WeekFiguresTable weeks={weeks} scope={pairLabel ?? 'all suppliers'} />
      </SectionCard>
      <SectionCard title="Publication history">
        <PublicationLog publications={publications} />
      </SectionCard>
    </>
  );
}

export default async function SplitSupplyPage({ searchParams }: { searchParams: PageSearchParams }) {
  const viewer = await requirePermission('splitSupply.view');
  const params = await searchParams;
  const query = parseSearchParams(splitSupplyListSchema, params);
  const calendarCursor = typeof params.calendar === 'string' ? params.calendar : undefined;
  return (
    <div className="stack">
      <h1>Split-supply calendar</h1>
      {can(viewer, 'splitSupply.plan') ? (
        <PlannerView viewer={viewer} query={query} />
      ) : (
        <SupplierView viewer={viewer} query={{ cursor: calendarCursor }} />
      )}
      <p className="muted">
        <Link href="/installations">Installations</Link> · Source: MAM change, MEHRS v5.0 consultation
        conclusions (8 April 2021).
      </p>
    </div>
  );
}
