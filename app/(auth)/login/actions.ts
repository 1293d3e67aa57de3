'use server';

import { APIError } from 'better-auth/api';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { type ActionResult, fail, submittedValues } from '@/lib/actions/result';
import { getAuth } from '@/lib/auth/auth';
import { emailField } from '@/lib/auth/fields';
import { safeRedirectTarget } from '@/lib/auth/redirect';
import { isThrottled, LOGIN_THROTTLE } from '@/lib/auth/throttle';
import { clearLoginFailures, countRecentLoginFailures, recordLoginFailure } from '@/lib/data/login-failures';

const signInInput = z.object({
  email: emailField,
  password: z.string().min(1, { error: 'Enter your password.' }).max(256),
  next: z.string().max(2048).optional(),
});

function clientAddress(h: Headers): string | null {
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || null;
}

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
  const address = clientAddress(requestHeaders);
  const now = new Date();

  if (isThrottled(await countRecentLoginFailures(email, address, now))) {
    return fail(
      'throttled',
      `Too many failed sign-in attempts. Wait ${LOGIN_THROTTLE.windowMinutes} minutes, then try again.`,
      {
        values: submittedValues(form),
      },
    );
  }
  try {
    const auth = await getAuth();
    await auth.api.signInEmail({ body: { email, password }, headers: requestHeaders });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    await recordLoginFailure(email, address, now);
    // One message whether the account exists or not: no account enumeration.
    return fail('unauthenticated', 'The email address or password is incorrect.', {
      values: submittedValues(form),
    });
  }
  await clearLoginFailures(email);
  redirect(safeRedirectTarget(next));
}
