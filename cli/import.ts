/**
 * `npm run import -- <kind> <file>`: imports a file into the database the environment points at (DATABASE_URL, else
 * the embedded PGlite in MCC_DATA_DIR), through the same pipeline as the upload page (docs/file-formats.md).
 * Prints rows parsed / accepted / rejected and every problem by line and column. Exit 0 when applied or already
 * applied, 1 when rejected or refused. `npm run import -- <kind> --sample` writes a fresh good file to stdout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type DatabaseHandle, locationFromEnv, openDatabase } from '@/db/client';
import { DataDirLockedError } from '@/db/lock';
import { IMPORT_KINDS, isImportKind } from '@/lib/data/imports/kinds';
import { type ImportOutcome, runImport } from '@/lib/data/imports/pipeline';
import { sampleFile } from '@/lib/data/imports/sample';

const USAGE = `Usage: npm run import -- <kind> <file>
       npm run import -- <kind> --sample     (a fresh good file for this database, on stdout)
kinds: ${IMPORT_KINDS.join(', ')}`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        sample: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
}

function report(outcome: ImportOutcome): void {
  const n = (v: number) => v.toLocaleString('en-GB');
  const state = outcome.alreadyImported
    ? `already imported (file #${outcome.id}, ${outcome.uploadedAt}): nothing changed; its outcome was`
    : 'this import';
  console.log(`${outcome.filename}: ${state} ${outcome.status.toUpperCase()}.`);
  console.log(
    `rows parsed ${n(outcome.rowsTotal)} = accepted ${n(outcome.rowsAccepted)} + rejected ${n(outcome.rowsRejected)}` +
      (outcome.rowsSkipped > 0 ? `; ${n(outcome.rowsSkipped)} accepted rows reported and not applied` : ''),
  );
  for (const p of outcome.problems)
    console.log(`  line ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.message}`);
  if (outcome.problemCount > outcome.problems.length)
    console.log(`  … and ${n(outcome.problemCount - outcome.problems.length)} more problems.`);
  for (const p of outcome.notices)
    console.log(`  note, line ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.message}`);
  if (outcome.status === 'rejected')
    console.log('The file was rejected and nothing changed; it is kept with this report.');
}

const { values, positionals } = parse();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [kind, file] = positionals;
if (!kind || !isImportKind(kind)) fail(`Give a file kind.\n${USAGE}`);
if (!values.sample && !file) fail(`Give a file to import.\n${USAGE}`);
if (file && !fs.existsSync(file)) fail(`No such file: ${file}`);

let handle: DatabaseHandle;
try {
  handle = await openDatabase(locationFromEnv());
} catch (error) {
  if (error instanceof DataDirLockedError) fail(error.message);
  throw error;
}

try {
  if (values.sample) {
    process.stdout.write(await sampleFile(handle.db, kind, new Date()));
  } else {
    const started = Date.now();
    let last = 0;
    let lastPhase = '';
    const outcome = await runImport(
      handle.db,
      { userId: null, supplierId: null },
      kind,
      { filename: path.basename(file as string), open: () => fs.createReadStream(file as string) },
      {
        onProgress: (phase, rows) => {
          if (phase === lastPhase && Date.now() - last < 2000) return;
          last = Date.now();
          lastPhase = phase;
          console.error(`  ${phase} … ${rows.toLocaleString('en-GB')} rows`);
        },
      },
    );
    report(outcome);
    console.error(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    process.exitCode = outcome.status === 'applied' ? 0 : 1;
  }
} finally {
  await handle.close();
}
