import 'server-only';
import type { z } from 'zod';
import { logAccess } from '@/lib/auth/access-log';
import { can, type Permission } from '@/lib/auth/permissions';
import { getViewer, type Viewer } from '@/lib/auth/viewer';
import { DomainError } from '@/lib/errors';
import { type ActionResult, fail, submittedValues } from './result';

/**
 * Builds a server action that cannot forget the order: authenticate → authorise (permission) → validate (zod) → act.
 * A refusal is audited (lib/auth/access-log.ts).
 * The data layer checks the viewer again; this is the first line, not the only one.
 */
export function authorisedAction<S extends z.ZodType, T>(
  options: { permission: Permission; input: S },
  act: (viewer: Viewer, input: z.infer<S>) => Promise<T>,
) {
  return async (_previous: ActionResult<T> | undefined, form: FormData): Promise<ActionResult<T>> => {
    const viewer = await getViewer();
    if (!viewer) {
      await logAccess('access-refused', null, { permission: options.permission, answer: 'unauthenticated' });
      return fail('unauthenticated', 'Your session has ended. Sign in again.');
    }
    if (!can(viewer, options.permission)) {
      await logAccess('access-refused', viewer.userId, {
        permission: options.permission,
        answer: 'forbidden',
      });
      return fail('forbidden', 'You do not have permission to do that.');
    }
    const parsed = options.input.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? 'form');
        fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
      }
      return fail('invalid', 'Check the highlighted fields.', { fieldErrors, values: submittedValues(form) });
    }
    try {
      return { ok: true, data: await act(viewer, parsed.data) };
    } catch (error) {
      if (error instanceof DomainError)
        return fail(error.code, error.message, { values: submittedValues(form) });
      console.error('Server action failed', error);
      return fail('conflict', 'Something went wrong and nothing was changed. Try again.', {
        values: submittedValues(form),
      });
    }
  };
}
