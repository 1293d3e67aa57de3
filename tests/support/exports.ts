import { parse } from 'csv-parse/sync';
import type { Viewer } from '@/lib/auth/viewer';
import { exportSupplier } from '@/lib/data/scope';
import { getExport } from '@/lib/exports/registry';

/**
 * An export's file as the endpoint would stream it (plain profile), parsed back into records with its header
 * first: tests read exactly the bytes a user downloads, scoped as the route scopes `supplier`.
 */
export async function downloadExport(
  name: string,
  viewer: Viewer,
  query = '',
  now = new Date(),
): Promise<string[][]> {
  const definition = getExport(name);
  if (!definition) throw new Error(`no export ${name}`);
  const search = new URLSearchParams(query);
  const requested = search.get('supplier');
  const supplier = exportSupplier(viewer, requested ? Number(requested) : undefined);
  if (supplier === null) throw new Error('refused: another supplier');
  const prepared = definition.prepare(search, now);
  if (!prepared.ok) throw new Error(prepared.message);
  const text = await new Response(prepared.stream(viewer, supplier, 'plain')).text();
  return parse(text);
}
