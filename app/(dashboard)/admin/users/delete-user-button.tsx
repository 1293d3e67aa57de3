'use client';

import { useActionState, useRef } from 'react';
import { deleteUserAction } from './actions';

/** Deleting a user cannot be undone: a dialog names the user and asks first. */
export function DeleteUserButton({ userId, name, email }: { userId: string; name: string; email: string }) {
  const [state, action, pending] = useActionState(deleteUserAction, undefined);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = `delete-${userId}-title`;
  return (
    <>
      <button
        className="button secondary"
        type="button"
        aria-label={`Delete ${email}`}
        onClick={() => dialog.current?.showModal()}
      >
        Delete
      </button>
      <dialog ref={dialog} className="card confirm-dialog" aria-labelledby={titleId}>
        <form action={action} onSubmit={() => dialog.current?.close()}>
          <h2 id={titleId}>
            Delete {name} ({email})?
          </h2>
          <p>They will no longer be able to sign in. This cannot be undone.</p>
          <input type="hidden" name="userId" value={userId} />
          <div className="button-row">
            <button className="button danger" type="submit" disabled={pending}>
              Delete {name}
            </button>
            <button className="button secondary" type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
      {state && !state.ok ? (
        <span className="form-error" role="status">
          {state.message}
        </span>
      ) : null}
    </>
  );
}
