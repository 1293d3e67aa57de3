import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Permission } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import type { CopySource } from '@/lib/data/copy-out';
import { copyCsvOut } from '@/lib/data/copy-out';
import { MAX_REPORT_PERIOD_DAYS, periodDays, previousMigrationWeekPeriod } from '@/lib/rules/reports';
import type { ReportId } from '@/lib/rules/types';
import { type IsoDate, isIsoDate, isValidMigrationWeek } from '@/lib/rules/weeks';
import {
  type CsvProfile,
  crlfRecords,
  csvBody,
  csvFileStream,
  csvHead,
  csvSqlCell,
  type ExportColumn,
} from './csv';

/**
 * How one CSV export is declared: its published columns (with a version), its parameters and its rows. The
 * registry (./registry.ts) lists them; `GET /api/exports/<name>` serves every one the same way.
 */

export type ParseResult<P> = { ok: true; params: P } | { ok: false; message: string };

export interface ExportSpec<Params, Row> {
  name: string;
  title: string;
  /** Who may download it; `reports.view` unless the export belongs to another area (the split-supply calendar). */
  permission?: Permission;
  reportId?: ReportId;
  description: string;
  /** Bump with every change to `columns`, and record the new list in ./published.ts and docs/reports.md. */
  version: number;
  columns: readonly ExportColumn<Row>[];
  /** Reads and checks the URL's parameters; a refusal says what to change, in one sentence. */
  parse(search: URLSearchParams, now: Date): ParseResult<Params>;
  /** The rows, scoped to the viewer, in a stable order; `supplier` is an analyst's choice already checked. */
  rows(viewer: Viewer, params: Params, supplier: number | undefined): AsyncIterable<readonly Row[]>;
  /** What the file name says about the period, e.g. '2026-11-16_to_2026-11-22'. */
  periodLabel(params: Params): string;
  /**
   * The same rows as one query, for exports large enough that PostgreSQL should write the file itself (COPY): the
   * raw value of each column in `columns` order, scoped and ordered exactly as `rows`. PGlite still uses `rows`.
   */
  copy?(viewer: Viewer, params: Params, supplier: number | undefined): Promise<CopySource>;
}

/** The file's body: COPY on PostgreSQL when the export has a query for it, otherwise its rows encoded here. */
async function fileBody<Params, Row>(
  spec: ExportSpec<Params, Row>,
  viewer: Viewer,
  params: Params,
  supplier: number | undefined,
  profile: CsvProfile,
): Promise<AsyncIterable<string | Uint8Array>> {
  if (spec.copy) {
    const source = await spec.copy(viewer, params, supplier);
    if (source.values.length !== spec.columns.length) {
      throw new Error(
        `${spec.name}: the COPY query has ${source.values.length} values for ${spec.columns.length} columns`,
      );
    }
    const cells = spec.columns.map((column, i) => csvSqlCell(column.kind, source.values[i] as SQL, profile));
    const copied = await copyCsvOut(cells, source.rest);
    if (copied) return crlfRecords(copied);
  }
  return csvBody(spec.columns, spec.rows(viewer, params, supplier), profile);
}

/** An export with its types sealed in, so the registry can hold different row types side by side. */
export interface ExportDefinition {
  name: string;
  title: string;
  permission: Permission;
  reportId?: ReportId;
  description: string;
  version: number;
  columns: readonly Pick<ExportColumn<never>, 'header' | 'kind' | 'description'>[];
  prepare(
    search: URLSearchParams,
    now: Date,
  ):
    | { ok: false; message: string }
    | {
        ok: true;
        periodLabel: string;
        stream(
          viewer: Viewer,
          supplier: number | undefined,
          profile: CsvProfile,
          onError?: (error: unknown) => void,
        ): ReadableStream<Uint8Array>;
      };
}

export function defineExport<Params, Row>(spec: ExportSpec<Params, Row>): ExportDefinition {
  return {
    name: spec.name,
    title: spec.title,
    permission: spec.permission ?? 'reports.view',
    reportId: spec.reportId,
    description: spec.description,
    version: spec.version,
    columns: spec.columns.map(({ header, kind, description }) => ({ header, kind, description })),
    prepare(search, now) {
      const parsed = spec.parse(search, now);
      if (!parsed.ok) return parsed;
      const params = parsed.params;
      return {
        ok: true,
        periodLabel: spec.periodLabel(params),
        stream: (viewer, supplier, profile, onError) =>
          csvFileStream(
            csvHead(spec.columns, profile),
            () => fileBody(spec, viewer, params, supplier, profile),
            onError,
          ),
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Parameters shared by the reports
// ---------------------------------------------------------------------------------------------------------

const isoDate = (name: string) =>
  z.string().refine(isIsoDate, `${name} must be a calendar date written YYYY-MM-DD, for example 2026-11-02.`);

const periodSchema = z.object({ from: isoDate('from').optional(), to: isoDate('to').optional() });

/** One sentence from a zod failure: the first problem is the one to fix. */
function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'The parameters are not valid.';
}

/**
 * `from` and `to` as London calendar dates, both included. Both missing: the default period; one missing: the
 * other end of the same day. A period longer than MAX_REPORT_PERIOD_DAYS, or backwards, is refused.
 */
export function parsePeriod(
  search: URLSearchParams,
  fallback: { from: IsoDate; to: IsoDate },
): ParseResult<{ from: IsoDate; to: IsoDate }> {
  const parsed = periodSchema.safeParse({
    from: search.get('from') || undefined,
    to: search.get('to') || undefined,
  });
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  const { from: f, to: t } = parsed.data;
  const from = f ?? t ?? fallback.from;
  const to = t ?? f ?? fallback.to;
  if (from > to) return { ok: false, message: `from (${from}) must not be after to (${to}).` };
  if (periodDays(from, to) > MAX_REPORT_PERIOD_DAYS) {
    return {
      ok: false,
      message: `A report covers at most ${MAX_REPORT_PERIOD_DAYS} days; choose a shorter period.`,
    };
  }
  return { ok: true, params: { from, to } };
}

export function parseWeek(search: URLSearchParams, fallback: IsoDate): ParseResult<{ week: IsoDate }> {
  const week = search.get('week') || fallback;
  if (!isValidMigrationWeek(week)) {
    return {
      ok: false,
      message: 'week must be a Migration Week: a Monday written YYYY-MM-DD, for example 2026-11-02.',
    };
  }
  return { ok: true, params: { week } };
}

export const periodLabel = (p: { from: IsoDate; to: IsoDate }) =>
  p.from === p.to ? p.from : `${p.from}_to_${p.to}`;

export const defaultPeriod = previousMigrationWeekPeriod;
