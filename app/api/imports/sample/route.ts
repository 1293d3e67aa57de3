import { NextResponse } from 'next/server';
import { getSampleFile } from '@/lib/data/imports';
import { isImportKind } from '@/lib/data/imports/kinds';
import { DomainError } from '@/lib/errors';
import { withPermission } from '@/lib/http';

/** GET /api/imports/sample?kind=…: a fresh good file of the kind for the viewer's installations, as a download. */
export async function GET(request: Request) {
  return withPermission('imports.view', async (viewer) => {
    const kind = new URL(request.url).searchParams.get('kind') ?? '';
    if (!isImportKind(kind)) return NextResponse.json({ error: 'Choose a kind of file.' }, { status: 400 });
    try {
      const text = await getSampleFile(viewer, kind);
      return new Response(text, {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${kind}-sample.csv"`,
          'cache-control': 'no-store',
        },
      });
    } catch (caught) {
      if (caught instanceof DomainError) return NextResponse.json({ error: caught.message }, { status: 403 });
      throw caught;
    }
  });
}
