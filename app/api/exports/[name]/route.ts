import { NextResponse } from 'next/server';
import type { Viewer } from '@/lib/auth/viewer';
import { getSupplierFileLabel } from '@/lib/data/parties';
import { exportSupplier } from '@/lib/data/scope';
import type { CsvProfile } from '@/lib/exports/csv';
import { getExport } from '@/lib/exports/registry';
import { NO_STORE, withPermission } from '@/lib/http';

/**
 * Every CSV download (docs/reports.md): `GET /api/exports/<name>?…`. The viewer is checked here (a page's check does
 * not protect a route handler); the rows are scoped in the data layer; `supplier` can narrow an analyst's export
 * and is refused from a supplier user unless it is its own.
 */

function refuse(status: 400 | 403 | 404, error: string) {
  return NextResponse.json({ error }, { status, headers: NO_STORE });
}

function parseProfile(value: string | null): CsvProfile | null {
  if (value === null || value === '' || value === '1') return 'excel';
  return value === '0' ? 'plain' : null;
}

async function partyLabel(viewer: Viewer, supplier: number | undefined): Promise<string | null> {
  if (supplier === undefined) return 'all-parties';
  return getSupplierFileLabel(viewer, supplier);
}

export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const definition = getExport(name);
  // An unknown name still asks for a session first: it answers nothing to someone signed out.
  return withPermission(definition?.permission ?? 'reports.view', async (viewer) => {
    if (!definition) return refuse(404, 'There is no such export.');
    const search = new URL(request.url).searchParams;

    const profile = parseProfile(search.get('bom'));
    if (!profile) return refuse(400, 'bom must be 1 (Excel, the default) or 0 (plain UTF-8 for scripts).');
    const rawSupplier = search.get('supplier');
    const requested = rawSupplier ? Number(rawSupplier) : undefined;
    if (requested !== undefined && !(Number.isSafeInteger(requested) && requested > 0)) {
      return refuse(400, 'supplier must be a supplier’s id, a whole number.');
    }
    const supplier = exportSupplier(viewer, requested);
    if (supplier === null) return refuse(403, 'You can export only your own organisation’s data.');
    const party = await partyLabel(viewer, supplier);
    if (!party) return refuse(400, `There is no supplier with id ${supplier}.`);

    const prepared = definition.prepare(search, new Date());
    if (!prepared.ok) return refuse(400, prepared.message);

    const filename =
      `mcc-${definition.name}-v${definition.version}_${party}_${prepared.periodLabel}.csv`.replace(
        /[^\w.-]/g,
        '-',
      );
    const body = prepared.stream(viewer, supplier, profile, (error) => {
      console.error(`export ${definition.name} failed part-way`, error);
    });
    return new Response(body, {
      headers: {
        ...NO_STORE,
        'Content-Type': 'text/csv; charset=utf-8; header=present',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'X-Content-Type-Options': 'nosniff',
        'X-Report-Version': String(definition.version),
      },
    });
  });
}
