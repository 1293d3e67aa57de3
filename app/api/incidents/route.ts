import { NextResponse } from 'next/server';
import { can } from '@/lib/auth/permissions';
import { listIncidentQueue } from '@/lib/data/incident-queue';
import { incidentQueueSchema } from '@/lib/filters/incidents';
import { parseSearchParams } from '@/lib/filters/installations';
import { searchParamsObject, withViewer } from '@/lib/http';

/** JSON for the incident queue's background refresh (react-query). */
export function GET(request: Request) {
  return withViewer(async (viewer) => {
    if (!can(viewer, 'incidents.view')) return NextResponse.json({ error: 'Not found' }, { status: 404 });
    const query = parseSearchParams(incidentQueueSchema, searchParamsObject(request.url));
    const page = await listIncidentQueue(viewer, query);
    return NextResponse.json(page, { headers: { 'Cache-Control': 'private, no-store' } });
  });
}
