'use client';

import { useActionState } from 'react';
import { publishCalendarAction } from '@/app/(dashboard)/split-supply/actions';
import { formatCount } from '@/lib/format';

/** Publishes every draft designation: only then do the two suppliers see their weeks (MAM). */
export function PublishForm({ drafts }: { drafts: number }) {
  const [state, action, pending] = useActionState(publishCalendarAction, undefined);
  return (
    <form action={action} className="stack">
      <div aria-live="polite">
        {state?.ok ? (
          <p className="advice" data-testid="publication-outcome">
            Calendar published: {formatCount(state.data.count)} designations are now visible to their
            suppliers.
          </p>
        ) : null}
        {state && !state.ok ? <p className="form-error">{state.message}</p> : null}
      </div>
      <p>
        {drafts === 0
          ? 'Every designation is published.'
          : `${formatCount(drafts)} designation${drafts === 1 ? '' : 's'} not yet published.`}
      </p>
      <div>
        <button className="button" type="submit" disabled={pending || drafts === 0}>
          {pending ? 'Publishing…' : 'Publish the calendar'}
        </button>
      </div>
    </form>
  );
}
