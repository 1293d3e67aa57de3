import 'server-only';
import type { ExportDefinition } from './define';
import { installationsExport } from './installations';
import { report2, report6, report8, report10, s1mig001 } from './reports';
import { splitSupplyExport } from './split-supply';

/**
 * Every CSV the product serves at `GET /api/exports/<name>`. To add an export (a queue, a calendar), write its
 * definition with `defineExport` beside its area and add one line here and one entry in ./published.ts; the route,
 * the scoping of `supplier`, the headers, the file name and the CSV rules come with it.
 */
const EXPORTS: readonly ExportDefinition[] = [
  installationsExport,
  report2,
  report6,
  report8,
  report10,
  s1mig001,
  splitSupplyExport,
];

export const EXPORT_REGISTRY: ReadonlyMap<string, ExportDefinition> = new Map(
  EXPORTS.map((e) => [e.name, e]),
);

export function getExport(name: string): ExportDefinition | undefined {
  return EXPORT_REGISTRY.get(name);
}

/** The catalogue's reports, in the order the MRR numbers them. */
export const REPORT_EXPORTS: readonly ExportDefinition[] = [s1mig001, report2, report6, report8, report10];
