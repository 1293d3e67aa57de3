'use server';

import { APIError } from 'better-auth/api';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { type ActionResult, fail, submittedValues } from '@/lib/actions/result';
import { logAccess, requestClientAddress } from '@/lib/auth/access-log';
import { getAuth } from '@/lib/auth/auth';
import { emailField } from '@/lib/auth/fields';
import { safeRedirectTarget } from '@/lib/auth/redirect';
import { LOGIN_THROTTLE } from '@/lib/auth/throttle';
import { forgetFailedAttempts, reserveSignInAttempt } from '@/lib/data/login-failures';

const signInInput = z.object({
  email: emailField,
  password: z.string().min(1, { error: 'Enter your password.' }).max(256),
  next: z.string().max(2048).optional(),
});

export async function signIn(_previous: ActionResult | undefined, form: FormData): Promise<ActionResult> {
  const parsed = signInInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return fail('invalid', 'Check the highlighted fields.', {
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      values: submittedValues(form),
    });
  }
  const { email, password, next } = parsed.data;
  const requestHeaders = await headers();
  // Set by scripts/server.mjs from the socket and the trusted proxies, never from what the client sent.
  const address = await requestClientAddress();
  const now = new Date();

  const attempt = await reserveSignInAttempt(email, address, now);
  if (!attempt.allowed) {
    await logAccess('sign-in-failed', null, { email, reason: 'throttled' });
    return fail(
      'throttled',
      `Too many failed sign-in attempts. Wait ${LOGIN_THROTTLE.windowMinutes} minutes, then try again.`,
      {
        values: submittedValues(form),
      },
    );
  }
  let signedIn: { user: { id: string } };
  try {
    const auth = await getAuth();
    signedIn = await auth.api.signInEmail({ body: { email, password }, headers: requestHeaders });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    // The reserved attempt stays counted as a failure. A disabled account fails here too (lib/auth/auth.ts).
    await logAccess('sign-in-failed', null, { email, reason: 'credentials' });
    // One message whether the account exists or not: no account enumeration.
    return fail('unauthenticated', 'The email address or password is incorrect.', {
      values: submittedValues(form),
    });
  }
  await forgetFailedAttempts(email, address, attempt.attemptId);
  await logAccess('sign-in', signedIn.user.id);
  redirect(safeRedirectTarget(next));
}
