import { NextResponse } from 'next/server';
import { listIncidentQueue } from '@/lib/data/incident-queue';
import { incidentQueueSchema } from '@/lib/filters/incidents';
import { parseSearchParams } from '@/lib/filters/installations';
import { NO_STORE, searchParamsObject, withPermission } from '@/lib/http';

/** JSON for the incident queue's background refresh (react-query). */
export function GET(request: Request) {
  return withPermission('incidents.view', async (viewer) => {
    const query = parseSearchParams(incidentQueueSchema, searchParamsObject(request.url));
    const page = await listIncidentQueue(viewer, query);
    return NextResponse.json(page, { headers: NO_STORE });
  });
}
