import { NextResponse } from 'next/server';
import { can } from '@/lib/auth/permissions';
import { getIncident } from '@/lib/data/incidents';
import { withViewer } from '@/lib/http';

const NOT_FOUND = { error: 'There is no incident with this number that you can see.' };

/** One incident as JSON. Missing and not-yours answer the same 404, byte for byte. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withViewer(async (viewer) => {
    const id = Number((await params).id);
    const incident =
      can(viewer, 'incidents.view') && Number.isSafeInteger(id) && id > 0
        ? await getIncident(viewer, id)
        : null;
    if (!incident)
      return NextResponse.json(NOT_FOUND, { status: 404, headers: { 'Cache-Control': 'private, no-store' } });
    return NextResponse.json(incident, { headers: { 'Cache-Control': 'private, no-store' } });
  });
}
