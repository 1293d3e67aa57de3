import 'server-only';
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { installationRollups, installations, parties, ROLLUP_NO_CODE } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import type { InstallationListQuery } from '@/lib/filters/installations';
import { describeCode } from '@/lib/rules/codes';
import type { CopySource } from './copy-out';
import { installationClauses } from './installation-filters';
import { sortExpressions } from './installations';
import { supplierNameSql, withViewerReadScope } from './scope';

const ELECTRICITY_SUPPLIER = 'electricity_supplier';
const GAS_SUPPLIER = 'gas_supplier';
const electricitySupplier = alias(parties, ELECTRICITY_SUPPLIER);
const gasSupplier = alias(parties, GAS_SUPPLIER);

/**
 * The installations export as one query for PostgreSQL's COPY: the rows `installationBatches` reads, with the same
 * filters, scope, masking and order, in the export's column order (lib/exports/installations.ts). The code
 * descriptions come from the rules' catalogue (code, not data), carried into the query as a literal map of the codes
 * present.
 */
export async function installationsCopySource(
  viewer: Viewer,
  query: Omit<InstallationListQuery, 'cursor'>,
): Promise<CopySource> {
  const codes = await withViewerReadScope(viewer, (db) =>
    db
      .selectDistinct({ code: installationRollups.lastCode })
      .from(installationRollups)
      .where(ne(installationRollups.lastCode, ROLLUP_NO_CODE)),
  );
  const descriptions = JSON.stringify(
    Object.fromEntries(codes.map(({ code }) => [code, describeCode(code).description])),
  );
  const i = installations;
  const order = query.dir === 'desc' ? desc : asc;
  return {
    values: [
      sql`${i.id}`,
      sql`${i.mpan}`,
      sql`${i.mprn}`,
      supplierNameSql(viewer, i.electricitySupplierId, electricitySupplier.name),
      supplierNameSql(viewer, i.gasSupplierId, gasSupplier.name),
      sql`${i.groupId}`,
      sql`${i.installationType}`,
      sql`${i.splitSupply}`,
      sql`${i.migrationWeek}`,
      sql`${i.stage}`,
      sql`${i.status}`,
      sql`${i.lastCode}`,
      sql`${descriptions}::jsonb ->> ${i.lastCode}`,
      sql`${i.attemptCount}`,
      sql`${i.lastChangedAt}`,
    ],
    rest: sql`from ${i}
      left join ${parties} ${sql.identifier(ELECTRICITY_SUPPLIER)} on ${eq(electricitySupplier.id, i.electricitySupplierId)}
      left join ${parties} ${sql.identifier(GAS_SUPPLIER)} on ${eq(gasSupplier.id, i.gasSupplierId)}
      where ${and(sql`true`, ...installationClauses(viewer, query))}
      order by ${sql.join([...sortExpressions(query.sort), sql`${i.id}`].map(order), sql`, `)}`,
  };
}
