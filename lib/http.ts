import 'server-only';
import { NextResponse } from 'next/server';
import { logAccess } from '@/lib/auth/access-log';
import { can, type Permission } from '@/lib/auth/permissions';
import { getViewer, type Viewer } from '@/lib/auth/viewer';
import { DATABASE_UNAVAILABLE_MESSAGE, databaseUnavailableReason } from '@/lib/database-unavailable';

/** Answers about one viewer's data, errors included, are never kept by a browser or proxy cache. */
export const NO_STORE = { 'Cache-Control': 'private, no-store' } as const;

/** Seconds a client should wait before asking again while the database is unavailable. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Route handlers check the viewer themselves (a page's check does not protect them) and answer JSON errors,
 * never a redirect, so a polling client can tell "signed out" from "failed". Every refusal is audited.
 */

export async function withPermission(
  permission: Permission,
  handler: (viewer: Viewer) => Promise<Response>,
): Promise<Response> {
  try {
    return await answer(permission, handler);
  } catch (error) {
    // An outage is the client's to retry (503), not a bug in the route (500); everything else still is one.
    const reason = databaseUnavailableReason(error);
    if (reason === undefined) throw error;
    console.error(`Database unavailable (${reason})`);
    return NextResponse.json(
      { error: DATABASE_UNAVAILABLE_MESSAGE },
      { status: 503, headers: { ...NO_STORE, 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) } },
    );
  }
}

async function answer(permission: Permission, handler: (viewer: Viewer) => Promise<Response>) {
  const viewer = await getViewer();
  if (!viewer) {
    await logAccess('access-refused', null, { permission, answer: 401 });
    return NextResponse.json(
      { error: 'Your session has ended. Sign in again.' },
      { status: 401, headers: NO_STORE },
    );
  }
  // Lacking the permission answers like a route that does not exist, as pages do.
  if (!can(viewer, permission)) {
    await logAccess('access-refused', viewer.userId, { permission, answer: 404 });
    return NextResponse.json({ error: 'Not found.' }, { status: 404, headers: NO_STORE });
  }
  return handler(viewer);
}

/**
 * True when the request comes from a page of this site: its Origin names the host it was sent to. This is the
 * check Next.js makes on server actions (Origin against X-Forwarded-Host or Host); route handlers get none. A
 * browser always sends Origin with a POST, so a request without one is refused too.
 */
export function fromThisSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * For route handlers that change data: a request from another site's page (CSRF) is refused with 403 before
 * anything is read or written, then the viewer is checked as by withPermission.
 */
export async function withWritePermission(
  request: Request,
  permission: Permission,
  handler: (viewer: Viewer) => Promise<Response>,
): Promise<Response> {
  if (!fromThisSite(request)) {
    await logAccess('access-refused', null, {
      permission,
      answer: 403,
      origin: request.headers.get('origin')?.slice(0, 200) ?? null,
    });
    return NextResponse.json(
      { error: 'Changes must come from this site.' },
      { status: 403, headers: NO_STORE },
    );
  }
  return withPermission(permission, handler);
}

export function searchParamsObject(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams);
}
