import { NextResponse } from 'next/server';
import { getIncident } from '@/lib/data/incidents';
import { NO_STORE, withPermission } from '@/lib/http';

const NOT_FOUND = { error: 'There is no incident with this number that you can see.' };

/** One incident as JSON. Missing and not-yours answer the same 404, byte for byte. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withPermission('incidents.view', async (viewer) => {
    const id = Number((await params).id);
    const incident = Number.isSafeInteger(id) && id > 0 ? await getIncident(viewer, id) : null;
    if (!incident) return NextResponse.json(NOT_FOUND, { status: 404, headers: NO_STORE });
    return NextResponse.json(incident, { headers: NO_STORE });
  });
}
