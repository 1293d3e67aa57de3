'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { logAccess } from '@/lib/auth/access-log';
import { getAuth } from '@/lib/auth/auth';
import { getViewer } from '@/lib/auth/viewer';

/** Signs out by deleting the session row, so the cookie is worthless even if it was copied. */
export async function signOut(): Promise<void> {
  const viewer = await getViewer();
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() });
  if (viewer) await logAccess('sign-out', viewer.userId);
  redirect('/login');
}
