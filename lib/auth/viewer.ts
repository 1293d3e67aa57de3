import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { markDatabaseUnavailable } from '@/lib/database-unavailable';
import { logAccess } from './access-log';
import { getAuth } from './auth';
import { can, type Permission, ROLES, type Role } from './permissions';
import { REQUEST_PATH_HEADER, signInPathFor } from './redirect';
import { pastAbsoluteLimit } from './session-policy';

/** The signed-in person, as every data-layer call receives it. A supplier viewer is bound to one party. */
export type Viewer =
  | { userId: string; name: string; email: string; role: Exclude<Role, 'supplier'>; supplierId: null }
  | { userId: string; name: string; email: string; role: 'supplier'; supplierId: number };

const sessionUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  partyId: z.number().int().nullish(),
});

/** Builds a Viewer from a stored user, refusing a supplier user who is not bound to a supplier. */
export function toViewer(user: unknown): Viewer | null {
  const parsed = sessionUser.safeParse(user);
  if (!parsed.success) return null;
  const { id, name, email, role, partyId } = parsed.data;
  if (role === 'supplier') return partyId ? { userId: id, name, email, role, supplierId: partyId } : null;
  return { userId: id, name, email, role, supplierId: null };
}

/**
 * The viewer of this request, or null when signed out. Cached per request. better-auth has already ended a session
 * idle for too long; one older than the absolute cap is ended here (lib/auth/session-policy.ts).
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  // headers() first: while `next build` prerenders, it bails out here, before anything opens the database.
  const requestHeaders = await headers();
  try {
    const auth = await getAuth();
    const found = await auth.api.getSession({ headers: requestHeaders });
    if (!found) return null;
    if (pastAbsoluteLimit(found.session.createdAt, new Date())) {
      await (await auth.$context).internalAdapter.deleteSession(found.session.token);
      await logAccess('session-expired', found.user.id, {
        signedInAt: found.session.createdAt.toISOString(),
      });
      return null;
    }
    return toViewer(found.user);
  } catch (error) {
    // Every page, action and route handler asks this first, so an outage surfaces here: mark it for the error page.
    throw markDatabaseUnavailable(error);
  }
});

/** For pages, actions and route handlers: the viewer, or a redirect to sign-in. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(signInPathFor((await headers()).get(REQUEST_PATH_HEADER)));
  return viewer;
}

/**
 * For pages: the viewer if it holds the permission. Signed out goes to sign-in; lacking the permission answers
 * 404, exactly like an area that does not exist.
 */
export async function requirePermission(permission: Permission): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!can(viewer, permission)) {
    await logAccess('access-refused', viewer.userId, { permission, answer: 404 });
    notFound();
  }
  return viewer;
}
