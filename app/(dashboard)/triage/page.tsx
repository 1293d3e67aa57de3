import crypto from 'node:crypto';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AdviceCounts } from '@/components/triage/advice-counts';
import { TriageFilterForm } from '@/components/triage/triage-filter-form';
import { TriageQueue } from '@/components/triage/triage-queue';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { Skeleton } from '@/components/ui/skeleton';
import { requirePermission, type Viewer } from '@/lib/auth/viewer';
import { getTriageQueue, getWeekOptions } from '@/lib/data/triage';
import { type PageSearchParams, parseSearchParams, toSearchParams } from '@/lib/filters/installations';
import {
  TRIAGE_STATE_LABELS,
  type TriageListQuery,
  triageFilterParams,
  triageListSchema,
} from '@/lib/filters/triage';
import { formatCount } from '@/lib/format';
import { TRIAGE_DEFAULTS } from '@/lib/rules/config';
import { earliestTriageWeek } from '@/lib/rules/triage';

export const metadata: Metadata = { title: 'Dormant triage' };

async function Queue({ viewer, query }: { viewer: Viewer; query: TriageListQuery }) {
  const now = new Date();
  const [queue, weeks] = await Promise.all([
    getTriageQueue(viewer, query, now),
    getWeekOptions(viewer, earliestTriageWeek(now)),
  ]);
  const params = triageListSchema.parse({ ...query, cursor: undefined });
  const filter = triageFilterParams({ ...params });
  const matching = query.advice ? queue.counts.byAdvice[query.advice] : queue.counts.total;
  return (
    <>
      <AdviceCounts counts={queue.counts} query={query} />
      <section aria-labelledby="queue-heading" className="stack">
        <h2 id="queue-heading" data-testid="triage-count">
          {TRIAGE_STATE_LABELS[query.state]}: {formatCount(matching)} installation{matching === 1 ? '' : 's'}
        </h2>
        <TriageQueue
          rows={queue.rows}
          total={matching}
          state={query.state}
          filterJson={JSON.stringify(filter)}
          weeks={weeks}
          submissionId={crypto.randomUUID()}
          threshold={TRIAGE_DEFAULTS.exclusionReviewAttempts}
        />
        <KeysetPager
          firstHref={
            query.cursor ? `/triage${toSearchParams({ ...filter, sort: query.sort, dir: query.dir })}` : null
          }
          nextHref={
            queue.nextCursor
              ? `/triage${toSearchParams({ ...filter, sort: query.sort, dir: query.dir, cursor: queue.nextCursor })}`
              : null
          }
        />
      </section>
    </>
  );
}

export default async function TriagePage({ searchParams }: { searchParams: PageSearchParams }) {
  // Dormant triage is the MCC's job (MEHRS section 4): suppliers do not have this area (404).
  const viewer = await requirePermission('triage.view');
  const query = parseSearchParams(triageListSchema, await searchParams);
  return (
    <div className="stack">
      <h1>Dormant triage</h1>
      <p className="muted">
        Failed installations with a Dormant Meter (MEHRS section 4): the Migration Control Centre reschedules
        Dormant/Dormant installations itself and liaises with the Active supplier of Active/Dormant ones.
        Exclusion is considered from {TRIAGE_DEFAULTS.exclusionReviewAttempts} attempts, an MCC assumption the
        documents do not give.
      </p>
      <TriageFilterForm viewer={viewer} query={query} />
      <Suspense key={JSON.stringify(query)} fallback={<Skeleton label="the triage queue" height="30rem" />}>
        <Queue viewer={viewer} query={query} />
      </Suspense>
    </div>
  );
}
