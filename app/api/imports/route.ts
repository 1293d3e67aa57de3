import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { NextResponse } from 'next/server';
import { importFile, uploadableKinds } from '@/lib/data/imports';
import { isImportKind } from '@/lib/data/imports/kinds';
import { DomainError } from '@/lib/errors';
import { NO_STORE, withWritePermission } from '@/lib/http';

/** The largest file the upload accepts (a 1,000,000-row outcome file is about 70 MB). */
const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

function error(status: number, message: string) {
  return NextResponse.json({ error: message }, { status, headers: NO_STORE });
}

/**
 * POST /api/imports?kind=…&filename=… with the file as the body. The body streams to a temporary file (bounded
 * memory), then runs through the same pipeline as `npm run import`; the answer is the import's outcome.
 */
export async function POST(request: Request) {
  return withWritePermission(request, 'imports.view', async (viewer) => {
    const url = new URL(request.url);
    const kind = url.searchParams.get('kind') ?? '';
    const filename = (url.searchParams.get('filename') ?? 'upload.csv').slice(0, 255);
    if (!isImportKind(kind)) return error(400, 'Choose a kind of file.');
    if (!uploadableKinds(viewer).includes(kind)) return error(403, 'You cannot submit files of this kind.');
    if (!request.body) return error(400, 'The file is empty.');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcc-upload-'));
    const file = path.join(dir, crypto.randomUUID());
    try {
      let size = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          done(size > MAX_UPLOAD_BYTES ? new Error('too large') : null, chunk);
        },
      });
      try {
        await pipeline(
          Readable.fromWeb(request.body as WebReadableStream),
          limit,
          fs.createWriteStream(file),
        );
      } catch {
        return error(413, `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
      }
      const outcome = await importFile(viewer, kind, { filename, open: () => fs.createReadStream(file) });
      return NextResponse.json(outcome);
    } catch (caught) {
      if (caught instanceof DomainError)
        return error(caught.code === 'forbidden' ? 403 : 400, caught.message);
      console.error('Import failed', caught);
      return error(500, 'The file could not be imported and nothing was changed. Try again.');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
