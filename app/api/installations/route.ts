import { NextResponse } from 'next/server';
import { countInstallations, listInstallations } from '@/lib/data/installations';
import { installationListSchema, parseSearchParams } from '@/lib/filters/installations';
import { searchParamsObject, withPermission } from '@/lib/http';

/** JSON for the installations list's background refresh (react-query). */
export function GET(request: Request) {
  return withPermission('installations.view', async (viewer) => {
    const query = parseSearchParams(installationListSchema, searchParamsObject(request.url));
    const [page, total] = await Promise.all([
      listInstallations(viewer, query),
      countInstallations(viewer, query),
    ]);
    return NextResponse.json({ page, total }, { headers: { 'Cache-Control': 'private, no-store' } });
  });
}
