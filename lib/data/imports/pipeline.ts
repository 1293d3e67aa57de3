/**
 * The one import pipeline, for the upload page and the command line (docs/file-formats.md):
 * 1. the file's SHA-256: a file seen before changes nothing and answers with its first outcome;
 * 2. pass 1 streams the file through the format checks and the database checks, writing nothing;
 *    any problem rejects the whole file, and the file and its report are kept (status 'rejected');
 * 3. pass 2 streams it again and applies it, a chunk at a time, in the same single transaction as pass 1 and the
 *    file's record: either every accepted row is in, or nothing is (a killed process leaves nothing behind).
 */
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditLog, fileImportContents, fileImports, parties } from '@/db/schema';
import { londonDate } from '@/lib/rules/weeks';
import { seesEarlierImport } from '../scope';
import { authorisationsHandler } from './authorisations';
import { demandHandler } from './demand';
import type { ChunkResult, ImportActor, ImportContext, KindHandler } from './handler';
import type { ImportKind } from './kinds';
import { commissioningHandler, commissioningOutcomesHandler, completionsHandler } from './outcomes';
import { readRows } from './read';
import type { FileImportProblem, RowContext, RowsByKind } from './rows';
import { rows as query, type Tx } from './store';

export type { ImportActor };

/** At most this many problems (and notices) are kept and shown per file; the totals are always exact. */
export const MAX_LISTED_PROBLEMS = 1000;
export const CHUNK_ROWS = 5000;

export interface ImportSource {
  readonly filename: string;
  /** Opens the file from its start (the pipeline reads it more than once). */
  open(): Readable;
}

export interface ImportOptions {
  readonly now?: Date;
  readonly chunkRows?: number;
  readonly onProgress?: (phase: 'checking' | 'applying', rows: number) => void;
}

export interface ImportOutcome {
  id: number;
  kind: ImportKind;
  filename: string;
  status: 'applied' | 'rejected';
  /** True when this exact file (by SHA-256) was submitted before: nothing changed now. */
  alreadyImported: boolean;
  rowsTotal: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsSkipped: number;
  problems: FileImportProblem[];
  problemCount: number;
  notices: FileImportProblem[];
  uploadedAt: string;
}

const HANDLERS: { [K in ImportKind]: KindHandler<K> } = {
  authorisations: authorisationsHandler,
  completions: completionsHandler,
  commissioning: commissioningHandler,
  'commissioning-outcomes': commissioningOutcomesHandler,
  demand: demandHandler,
};

export class ImportNotAllowedError extends Error {
  readonly code = 'forbidden';
}

/** SHA-256, size and gzipped bytes of the file, in one streaming read. */
async function digest(source: ImportSource): Promise<{ sha256: string; byteSize: number; gzip: Buffer }> {
  const hash = crypto.createHash('sha256');
  const gzip = zlib.createGzip();
  const parts: Buffer[] = [];
  gzip.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<void>((resolve, reject) => {
    gzip.on('end', resolve);
    gzip.on('error', reject);
  });
  let byteSize = 0;
  for await (const chunk of source.open()) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    hash.update(buffer);
    byteSize += buffer.length;
    if (!gzip.write(buffer)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await done;
  return { sha256: hash.digest('hex'), byteSize, gzip: Buffer.concat(parts) };
}

function toOutcome(row: typeof fileImports.$inferSelect, alreadyImported: boolean): ImportOutcome {
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    filename: row.filename,
    status: row.status === 'rejected' ? 'rejected' : 'applied',
    alreadyImported,
    rowsTotal: row.rowsTotal,
    rowsAccepted: row.rowsAccepted,
    rowsRejected: row.rowsRejected,
    rowsSkipped: row.rowsSkipped,
    problems: row.errors,
    problemCount: row.problemCount,
    notices: row.notices,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

/** Problems, capped for storage, with an exact count and the number of distinct rows they are on. */
class Problems {
  readonly listed: FileImportProblem[] = [];
  count = 0;
  private readonly lines = new Set<number>();
  badRows = 0;

  add(problems: readonly FileImportProblem[]): void {
    for (const p of problems) {
      this.count++;
      if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(p);
      if (p.line > 1 && !this.lines.has(p.line)) {
        this.lines.add(p.line);
        this.badRows++;
      }
    }
  }

  /** Lines are only remembered per chunk: a line's problems all arrive together. */
  endChunk(): void {
    this.lines.clear();
  }
}

async function* chunks<K extends ImportKind>(
  kind: K,
  source: ImportSource,
  rowContext: RowContext,
  size: number,
  problems: Problems | null,
): AsyncGenerator<RowsByKind[K][]> {
  let batch: RowsByKind[K][] = [];
  for await (const event of readRows(kind, source.open(), rowContext)) {
    if (event.type === 'problems') problems?.add(event.problems);
    else batch.push(event.row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** COF: one SEC party and one file counter per file (MRR v3.0 4.7). */
function fileConstants(
  kind: ImportKind,
  batch: readonly unknown[],
  first: { sec?: string; counter?: number },
) {
  if (kind !== 'commissioning-outcomes') return [];
  const problems: FileImportProblem[] = [];
  for (const row of batch as RowsByKind['commissioning-outcomes'][]) {
    first.sec ??= row.secPartyId;
    first.counter ??= row.fileCounter;
    if (row.secPartyId !== first.sec)
      problems.push({
        line: row.line,
        column: 'sec_party_id',
        message: `Every row must carry ${first.sec}: one file per supplier.`,
      });
    if (row.fileCounter !== first.counter)
      problems.push({
        line: row.line,
        column: 'file_counter',
        message: `Every row must carry file counter ${first.counter}.`,
      });
  }
  return problems;
}

class RejectedFile extends Error {
  constructor(readonly totals: { rows: number; bad: number; problems: Problems }) {
    super('rejected');
  }
}

export async function runImport(
  db: Database,
  actor: ImportActor,
  kind: ImportKind,
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  if (actor.supplierId !== null && kind !== 'authorisations')
    throw new ImportNotAllowedError('A supplier can only submit its own Migration Authorisations.');
  const now = options.now ?? new Date();
  const size = options.chunkRows ?? CHUNK_ROWS;
  const file = await digest(source);
  const seen = async () => {
    const [found] = await db.select().from(fileImports).where(eq(fileImports.sha256, file.sha256));
    if (!found) return null;
    // The same bytes from another party are refused without a word about that party's file (found by the
    // isolation matrix: the answer was the other supplier's import, its name and its problems).
    if (!seesEarlierImport(actor, found)) {
      throw new ImportNotAllowedError('This exact file was submitted before, so it was not imported again.');
    }
    return toOutcome(found, true);
  };
  const before = await seen();
  if (before) return before;

  const partyRows = await db
    .select({ id: parties.id, role: parties.role, sec: parties.secPartyId })
    .from(parties);
  const suppliers = new Map(
    partyRows.filter((p) => p.role === 'supplier' && p.sec).map((p) => [p.sec as string, p.id]),
  );
  const base = {
    now,
    today: londonDate(now),
    actor,
    suppliers,
    secOf: new Map([...suppliers].map(([sec, id]) => [id, sec])),
    dccPartyId: partyRows.find((p) => p.role === 'dcc')?.id ?? null,
    fileImportId: 0,
  };
  const rowContext: RowContext = { suppliers: new Set(suppliers.keys()) };
  const record = {
    kind,
    filename: source.filename.slice(0, 255),
    sha256: file.sha256,
    uploadedByUserId: actor.userId,
    uploadedByPartyId: actor.supplierId,
    uploadedAt: now,
    byteSize: file.byteSize,
  };
  try {
    return await db.transaction(async (tx) => {
      const ctx: ImportContext = { ...base, tx };
      const checked = await check(ctx, kind, source, rowContext, size, options);
      const [row] = await tx
        .insert(fileImports)
        .values({
          ...record,
          status: 'applied',
          partySignifier: checked.sec ?? null,
          fileCounter: checked.counter ?? null,
        })
        .returning({ id: fileImports.id });
      ctx.fileImportId = row?.id ?? 0;
      const counterNote = checked.sec
        ? await counterNotice(tx, ctx.fileImportId, checked.sec, checked.counter ?? 0)
        : [];
      const applied = await applyAll(ctx, kind, source, rowContext, size, options);
      const [saved] = await tx
        .update(fileImports)
        .set({
          completedAt: new Date(),
          rowsTotal: checked.rows,
          rowsAccepted: checked.rows,
          rowsSkipped: applied.skipped,
          notices: [...counterNote, ...applied.notices].slice(0, MAX_LISTED_PROBLEMS),
        })
        .where(eq(fileImports.id, ctx.fileImportId))
        .returning();
      await tx.insert(fileImportContents).values({ fileImportId: ctx.fileImportId, gzip: file.gzip });
      if (!saved) throw new Error('file import record vanished');
      await audit(tx, actor, saved);
      return toOutcome(saved, false);
    });
  } catch (error) {
    if (error instanceof RejectedFile) return recordRejection(db, record, file.gzip, error.totals);
    const again = await seen();
    if (again) return again;
    throw error;
  }
}

async function check(
  ctx: ImportContext,
  kind: ImportKind,
  source: ImportSource,
  rowContext: RowContext,
  size: number,
  options: ImportOptions,
): Promise<{ rows: number; sec?: string; counter?: number }> {
  const problems = new Problems();
  const handler = HANDLERS[kind] as KindHandler<ImportKind>;
  const constants: { sec?: string; counter?: number } = {};
  let good = 0;
  for await (const batch of chunks(kind, source, rowContext, size, problems)) {
    const found = [...fileConstants(kind, batch, constants), ...(await handler.check(ctx, batch))];
    found.sort((a, b) => a.line - b.line);
    const before = problems.badRows;
    problems.add(found);
    problems.endChunk();
    good += batch.length - (problems.badRows - before);
    options.onProgress?.('checking', good + problems.badRows);
  }
  const rows = good + problems.badRows;
  if (problems.count > 0) throw new RejectedFile({ rows, bad: problems.badRows, problems });
  return { rows, ...constants };
}

async function applyAll(
  ctx: ImportContext,
  kind: ImportKind,
  source: ImportSource,
  rowContext: RowContext,
  size: number,
  options: ImportOptions,
): Promise<{ skipped: number; notices: FileImportProblem[] }> {
  const handler = HANDLERS[kind] as KindHandler<ImportKind>;
  const notices: FileImportProblem[] = [];
  let skipped = 0;
  let done = 0;
  for await (const batch of chunks(kind, source, rowContext, size, null)) {
    const result: ChunkResult = await handler.apply(ctx, batch);
    skipped += result.skipped.length;
    for (const n of [...result.skipped, ...(result.notes ?? [])])
      if (notices.length < MAX_LISTED_PROBLEMS) notices.push(n);
    done += batch.length;
    options.onProgress?.('applying', done);
  }
  notices.sort((a, b) => a.line - b.line);
  return { skipped, notices };
}

/** MRR v3.0 4.7: each supplier's Commissioning Outcome Files carry their own counter; a gap or repeat is reported. */
async function counterNotice(
  tx: Tx,
  self: number,
  sec: string,
  counter: number,
): Promise<FileImportProblem[]> {
  const [last] = await query<{ last: number | null }>(
    tx,
    sql`SELECT max(file_counter) AS last FROM file_imports
        WHERE party_signifier = ${sec} AND status = 'applied' AND kind = 'commissioning-outcomes'
          AND id <> ${self}`,
  );
  const previous = last?.last == null ? null : Number(last.last);
  if (previous === null || counter === previous + 1) return [];
  const message =
    counter <= previous
      ? `File counter ${counter} repeats: ${sec}'s last file was ${previous}.`
      : `File counter gap: ${sec}'s last file was ${previous}, so ${previous + 1} was expected, not ${counter}.`;
  return [{ line: 2, column: 'file_counter', message }];
}

/** Every submitted file is in the audit log, in the transaction that records it. */
async function audit(tx: Tx, actor: ImportActor, saved: typeof fileImports.$inferSelect): Promise<void> {
  await tx.insert(auditLog).values({
    userId: actor.userId,
    action: `import.${saved.status}`,
    entity: 'file_import',
    entityId: String(saved.id),
    detail: { kind: saved.kind, filename: saved.filename, sha256: saved.sha256, rows: saved.rowsTotal },
  });
}

async function recordRejection(
  db: Database,
  record: Omit<typeof fileImports.$inferInsert, 'status'>,
  gzip: Buffer,
  totals: { rows: number; bad: number; problems: Problems },
): Promise<ImportOutcome> {
  return db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(fileImports)
      .values({
        ...record,
        status: 'rejected',
        completedAt: new Date(),
        rowsTotal: totals.rows,
        rowsAccepted: totals.rows - totals.bad,
        rowsRejected: totals.bad,
        errors: [...totals.problems.listed].sort((a, b) => a.line - b.line),
        problemCount: totals.problems.count,
      })
      .returning();
    if (!saved) throw new Error('file import record not written');
    await tx.insert(fileImportContents).values({ fileImportId: saved.id, gzip });
    await audit(tx, { userId: record.uploadedByUserId ?? null, supplierId: null }, saved);
    return toOutcome(saved, false);
  });
}
