'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/result';

/** One button acting on one user of the table (delete, disable, enable), with the refusal shown beside it. */
export function UserRowAction({
  action,
  fields,
  label,
  accessibleName,
}: {
  action: (previous: ActionResult<void> | undefined, form: FormData) => Promise<ActionResult<void>>;
  fields: Record<string, string>;
  label: string;
  accessibleName: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button className="button secondary" type="submit" disabled={pending} aria-label={accessibleName}>
        {label}
      </button>
      {state && !state.ok ? (
        <span className="form-error" role="status">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
