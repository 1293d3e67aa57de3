import 'server-only';
import { NextResponse } from 'next/server';
import { can, type Permission } from '@/lib/auth/permissions';
import { getViewer, type Viewer } from '@/lib/auth/viewer';

/**
 * Route handlers check the viewer themselves (a page's check does not protect them) and answer JSON errors,
 * never a redirect, so a polling client can tell "signed out" from "failed".
 */
/** Answers about one viewer's data, errors included, are never kept by a browser or proxy cache. */
export const NO_STORE = { 'Cache-Control': 'private, no-store' } as const;

export async function withPermission(
  permission: Permission,
  handler: (viewer: Viewer) => Promise<Response>,
): Promise<Response> {
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
