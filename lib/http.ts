import 'server-only';
import { NextResponse } from 'next/server';
import { can, type Permission } from '@/lib/auth/permissions';
import { getViewer, type Viewer } from '@/lib/auth/viewer';
import { DATABASE_UNAVAILABLE_MESSAGE, databaseUnavailableReason } from '@/lib/database-unavailable';

/**
 * Route handlers check the viewer themselves (a page's check does not protect them) and answer JSON errors,
 * never a redirect, so a polling client can tell "signed out" from "failed".
 */
/** Answers about one viewer's data, errors included, are never kept by a browser or proxy cache. */
export const NO_STORE = { 'Cache-Control': 'private, no-store' } as const;

/** Seconds a client should wait before asking again while the database is unavailable. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

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
    return NextResponse.json(
      { error: 'Your session has ended. Sign in again.' },
      { status: 401, headers: NO_STORE },
    );
  }
  // Lacking the permission answers like a route that does not exist, as pages do.
  if (!can(viewer, permission)) {
    return NextResponse.json({ error: 'Not found.' }, { status: 404, headers: NO_STORE });
  }
  return handler(viewer);
}

export function searchParamsObject(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams);
}
