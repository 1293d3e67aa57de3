'use client';

import { type ReactNode, useActionState, useEffect } from 'react';
import { decideTriageAction } from '@/app/(dashboard)/triage/actions';
import type { WeekOption } from '@/lib/data/triage';
import type { TriageState } from '@/lib/filters/triage';
import type { TriageDecision } from '@/lib/rules/triage';
import { DecisionFields } from './decision-fields';
import { DecisionReportView } from './decision-report';

/** Which installations the form decides: picked ones, or every one matching the filter. */
export interface FormTarget {
  scope: 'selected' | 'filter';
  ids: readonly number[];
  state: TriageState;
  /** The URL filter as JSON (for "all matching"). */
  filter: string;
  /** For one installation: the decision the analyst saw as current ('' when none), so a stale form is skipped. */
  expectedDecisionId?: number | '';
}

/**
 * A decision on one or many installations. The submission id comes from the server render, so a form submitted
 * twice (double click, resend) has effect once; after a decision the page re-renders with a fresh id.
 */
export function DecisionForm({
  submissionId,
  target,
  advice,
  weeks,
  idPrefix,
  heading,
  onDone,
}: {
  submissionId: string;
  target: FormTarget;
  advice: TriageDecision | null;
  weeks: readonly WeekOption[];
  idPrefix: string;
  heading: ReactNode;
  onDone?: () => void;
}) {
  const [result, action, pending] = useActionState(decideTriageAction, undefined);
  useEffect(() => {
    if (result?.ok) onDone?.();
  }, [result, onDone]);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  return (
    <form action={action} className="card decision-form" aria-label="Decision">
      {heading}
      <input type="hidden" name="submissionId" value={submissionId} />
      <input type="hidden" name="scope" value={target.scope} />
      <input type="hidden" name="ids" value={target.ids.join(',')} />
      <input type="hidden" name="state" value={target.state} />
      <input type="hidden" name="filter" value={target.filter} />
      {target.expectedDecisionId !== undefined ? (
        <input type="hidden" name="expectedDecisionId" value={target.expectedDecisionId} />
      ) : null}
      <DecisionFields
        idPrefix={idPrefix}
        advice={advice}
        weeks={weeks}
        errors={errors}
        values={result && !result.ok ? result.values : undefined}
      />
      <div className="filter-actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Recording…' : 'Record decision'}
        </button>
      </div>
      <div aria-live="polite">
        {result && !result.ok ? (
          <p className="form-error" role="alert">
            {errors?.ids?.[0] ?? result.message}
          </p>
        ) : null}
        {result?.ok ? <DecisionReportView report={result.data} /> : null}
      </div>
    </form>
  );
}
