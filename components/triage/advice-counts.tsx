import Link from 'next/link';
import type { TriageCounts } from '@/lib/data/triage';
import { toSearchParams } from '@/lib/filters/search-params';
import { type TriageListQuery, triageFilterParams } from '@/lib/filters/triage';
import { formatCount, inSentence } from '@/lib/format';
import { TRIAGE_DECISION_LABELS, TRIAGE_DECISIONS } from '@/lib/rules/triage';

/** Counts by the rules' advice over the filter; each links to the queue narrowed to that advice. */
export function AdviceCounts({ counts, query }: { counts: TriageCounts; query: TriageListQuery }) {
  const base = triageFilterParams({ ...query, advice: undefined });
  const link = (advice?: string) => `/triage${toSearchParams({ ...base, advice })}`;
  return (
    <nav aria-label="Counts by advice" className="card">
      <ul className="advice-counts" data-testid="advice-counts">
        <li>
          <Link href={link()} aria-current={query.advice ? undefined : 'page'}>
            <strong>{formatCount(counts.total)}</strong> in all
          </Link>
        </li>
        {TRIAGE_DECISIONS.map((d) => (
          <li key={d}>
            <Link href={link(d)} aria-current={query.advice === d ? 'page' : undefined} data-advice={d}>
              <strong>{formatCount(counts.byAdvice[d])}</strong> {inSentence(TRIAGE_DECISION_LABELS[d])}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
