import { NextResponse } from 'next/server';
import { getOverview } from '@/lib/data/overview';
import { installationFilterSchema, parseSearchParams } from '@/lib/filters/installations';
import { searchParamsObject, withPermission } from '@/lib/http';
import { currentAndPreviousWeek } from '@/lib/rules/weeks';

/** JSON for the overview's background refresh (react-query). */
export function GET(request: Request) {
  return withPermission('installations.view', async (viewer) => {
    const filter = parseSearchParams(installationFilterSchema, searchParamsObject(request.url));
    const overview = await getOverview(viewer, filter, currentAndPreviousWeek(new Date()));
    return NextResponse.json(overview, { headers: { 'Cache-Control': 'private, no-store' } });
  });
}
