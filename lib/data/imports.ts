import 'server-only';
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { type FileImportProblem, fileImports, users } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { IMPORT_KINDS, type ImportKind } from '@/lib/data/imports/kinds';
import {
  ImportNotAllowedError,
  type ImportOutcome,
  type ImportSource,
  runImport,
} from '@/lib/data/imports/pipeline';
import { sampleFile } from '@/lib/data/imports/sample';
import { DomainError } from '@/lib/errors';
import { fileImportsVisibleTo, importActorFor, withViewerScope } from './scope';

export const IMPORT_HISTORY_PAGE = 25;

/** The kinds of file the viewer may submit (MEHRS 2.3: a supplier submits its own Migration Authorisations). */
export function uploadableKinds(viewer: Viewer): ImportKind[] {
  if (can(viewer, 'imports.uploadAny')) return [...IMPORT_KINDS];
  if (can(viewer, 'imports.uploadOwnAuthorisations')) return ['authorisations'];
  return [];
}

/** Runs the pipeline for the viewer: permission first, then the supplier's scope inside the pipeline's checks. */
export async function importFile(
  viewer: Viewer,
  kind: ImportKind,
  source: ImportSource,
): Promise<ImportOutcome> {
  if (!uploadableKinds(viewer).includes(kind))
    throw new DomainError('forbidden', 'You cannot submit files of this kind.');
  try {
    return await runImport(await getDb(), importActorFor(viewer), kind, source);
  } catch (error) {
    if (error instanceof ImportNotAllowedError) throw new DomainError('forbidden', error.message);
    throw error;
  }
}

/** A fresh good sample of the kind for the viewer's own installations (docs/file-formats.md). */
export async function getSampleFile(viewer: Viewer, kind: ImportKind): Promise<string> {
  if (!uploadableKinds(viewer).includes(kind))
    throw new DomainError('forbidden', 'You cannot submit files of this kind.');
  return withViewerScope(viewer, (db) => sampleFile(db, kind, new Date(), importActorFor(viewer).supplierId));
}

export interface ImportHistoryRow {
  id: number;
  kind: ImportKind;
  filename: string;
  status: 'applied' | 'rejected' | 'received';
  uploadedAt: string;
  uploadedBy: string;
  rowsTotal: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsSkipped: number;
  problemCount: number;
}

export interface ImportDetail extends ImportHistoryRow {
  sha256: string;
  byteSize: number;
  problems: FileImportProblem[];
  notices: FileImportProblem[];
  partySignifier: string | null;
  fileCounter: number | null;
}

const historyColumns = {
  id: fileImports.id,
  kind: fileImports.kind,
  filename: fileImports.filename,
  status: fileImports.status,
  uploadedAt: fileImports.uploadedAt,
  uploadedBy: users.name,
  rowsTotal: fileImports.rowsTotal,
  rowsAccepted: fileImports.rowsAccepted,
  rowsRejected: fileImports.rowsRejected,
  rowsSkipped: fileImports.rowsSkipped,
  problemCount: fileImports.problemCount,
};

function toRow(
  r: { uploadedAt: Date; uploadedBy: string | null; kind: string } & Omit<
    ImportHistoryRow,
    'uploadedAt' | 'uploadedBy' | 'kind'
  >,
): ImportHistoryRow {
  return {
    ...r,
    kind: r.kind as ImportKind,
    uploadedAt: r.uploadedAt.toISOString(),
    uploadedBy: r.uploadedBy ?? 'Command line',
  };
}

/** Newest first, keyset-paged on (uploaded_at, id). */
export async function listImports(
  viewer: Viewer,
  before?: { uploadedAt: string; id: number },
): Promise<{ rows: ImportHistoryRow[]; next: { uploadedAt: string; id: number } | null }> {
  return withViewerScope(viewer, async (db) => {
    const clauses: (SQL | undefined)[] = [fileImportsVisibleTo(viewer)];
    if (before) {
      const at = new Date(before.uploadedAt);
      clauses.push(
        or(
          lt(fileImports.uploadedAt, at),
          and(eq(fileImports.uploadedAt, at), lt(fileImports.id, before.id)),
        ),
      );
    }
    const found = await db
      .select(historyColumns)
      .from(fileImports)
      .leftJoin(users, eq(users.id, fileImports.uploadedByUserId))
      .where(and(...clauses))
      .orderBy(desc(fileImports.uploadedAt), desc(fileImports.id))
      .limit(IMPORT_HISTORY_PAGE + 1);
    const rows = found.slice(0, IMPORT_HISTORY_PAGE).map(toRow);
    const last = rows[rows.length - 1];
    return {
      rows,
      next: found.length > IMPORT_HISTORY_PAGE && last ? { uploadedAt: last.uploadedAt, id: last.id } : null,
    };
  });
}

/** One import with its report; another supplier's import is null, like a missing one. */
export async function getImport(viewer: Viewer, id: number): Promise<ImportDetail | null> {
  return withViewerScope(viewer, async (db) => {
    const [found] = await db
      .select({
        ...historyColumns,
        sha256: fileImports.sha256,
        byteSize: fileImports.byteSize,
        problems: fileImports.errors,
        notices: fileImports.notices,
        partySignifier: fileImports.partySignifier,
        fileCounter: fileImports.fileCounter,
      })
      .from(fileImports)
      .leftJoin(users, eq(users.id, fileImports.uploadedByUserId))
      .where(and(eq(fileImports.id, id), fileImportsVisibleTo(viewer)));
    if (!found) return null;
    const { sha256, byteSize, problems, notices, partySignifier, fileCounter, ...row } = found;
    return { ...toRow(row), sha256, byteSize, problems, notices, partySignifier, fileCounter };
  });
}
