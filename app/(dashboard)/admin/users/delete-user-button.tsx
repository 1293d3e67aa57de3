'use client';

import { useActionState } from 'react';
import { deleteUserAction } from './actions';

export function DeleteUserButton({ userId, email }: { userId: string; email: string }) {
  const [state, action, pending] = useActionState(deleteUserAction, undefined);
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <button className="button secondary" type="submit" disabled={pending} aria-label={`Delete ${email}`}>
        Delete
      </button>
      {state && !state.ok ? (
        <span className="form-error" role="status">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
