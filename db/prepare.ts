import fs from 'node:fs';
import path from 'node:path';
import { isDatabaseUnavailable } from '@/lib/database-unavailable';
import { dataRoot, getDatabase, locationFromEnv } from './client';
import { DataDirLockedError } from './lock';
import { DEFAULT_DEMO_INSTALLATIONS, isSeeded, seedDatabase } from './seed';

/**
 * Present only while a start seeds the demo. The seed is one transaction, so an interrupted one leaves an empty
 * database; this file is how the next start knows to say that it is seeding again rather than for the first time.
 */
export function seedingMarker(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(dataRoot(env), 'seeding');
}

/**
 * Runs once when the server starts: opens the database (applying migrations) and, on the embedded database
 * only, seeds the demo migration the first time, or again after an interrupted first time. A DATABASE_URL
 * deployment never gets demo data by itself.
 */
export async function prepareDatabase(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const handle = await getDatabase();
  if (env.DATABASE_URL) return;
  const marker = seedingMarker(env);
  if (await isSeeded(handle)) {
    fs.rmSync(marker, { force: true }); // killed between the seed's commit and this file's removal
    return;
  }
  const installations = Number(env.MCC_DEMO_INSTALLATIONS ?? DEFAULT_DEMO_INSTALLATIONS);
  const started = Date.now();
  if (fs.existsSync(marker)) {
    console.log(
      `The demo seed started at ${fs.readFileSync(marker, 'utf8')} was interrupted; it was rolled back, so ` +
        `nothing half-seeded was kept. Seeding the ${installations} demo installations again…`,
    );
  } else {
    console.log(`Seeding the embedded database with ${installations} demo installations (first start only)…`);
  }
  fs.writeFileSync(marker, new Date().toISOString());
  await seedDatabase(handle, { installations, seed: 1, now: new Date(), log: (m) => console.log(m) });
  fs.rmSync(marker);
  console.log(`Demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/** Below this much free space the embedded database cannot be created or seeded (a fresh one alone is ~40 MB). */
const LOW_DISK_BYTES = 64 * 1024 * 1024;

function nearestExistingDirectory(dir: string): string {
  let existing = dir;
  while (!fs.existsSync(existing)) existing = path.dirname(existing);
  return existing;
}

/** The error writing a file in `dir` gives, if any: the honest test of "read-only" (even for root). */
function writeRefusal(dir: string): NodeJS.ErrnoException | undefined {
  const probe = path.join(dir, `.mcc-write-probe-${process.pid}`);
  try {
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
    return undefined;
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}

/**
 * What stops the embedded database's directory from working, in one sentence, or undefined: not writable (as root
 * only a read-only file system does that), or too little room when `needsRoom`. The directory is examined rather
 * than an error, since PGlite reports a full disk or a read-only file system as an opaque WASM errno.
 */
function dataDirProblem(env: NodeJS.ProcessEnv, needsRoom: boolean): string | undefined {
  const root = path.resolve(dataRoot(env));
  const existing = nearestExistingDirectory(root);
  const refusal = writeRefusal(existing);
  const fix = 'or set MCC_DATA_DIR to a directory that is, then start again.';
  if (refusal?.code === 'EROFS') {
    return `The embedded database's directory (${root}) is on a read-only file system. Make it writable, ${fix}`;
  }
  if (refusal && refusal.code !== 'ENOSPC') {
    return `The embedded database's directory (${root}) cannot be written (${refusal.code}). Make it writable, ${fix}`;
  }
  const { bavail, bsize } = fs.statfsSync(existing);
  const freeBytes = bavail * bsize;
  if (refusal || (needsRoom && freeBytes < LOW_DISK_BYTES)) {
    return (
      `The disk holding the embedded database (${root}) is full: ${(freeBytes / 1024 / 1024).toFixed(0)} MB free. ` +
      'Free some space, or set MCC_DATA_DIR to a directory on a disk with room, then start again. ' +
      'Nothing half-written was kept.'
    );
  }
  return undefined;
}

/**
 * One sentence for a start that failed for a reason the operator can fix (README "When things go wrong"), or
 * undefined for anything else (a bug: its stack trace is the useful output).
 */
export function startFailureMessage(
  error: unknown,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (error instanceof DataDirLockedError) return error.message;
  if (!env.DATABASE_URL) return dataDirProblem(env, true);
  if (!isDatabaseUnavailable(error)) return undefined;
  const host = new URL(env.DATABASE_URL).host;
  return `PostgreSQL at ${host} cannot be reached: start it, or correct DATABASE_URL, then start again.`;
}

/**
 * The server start (instrumentation.ts): prepares the database, or ends the process with one clear sentence. The
 * embedded database's directory is checked first, so a first start on a full disk fails at once, not after trying.
 */
export async function prepareDatabaseOrExit(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const exit = (message: string): never => {
    console.error(message);
    process.exit(1);
  };
  const problem = env.DATABASE_URL
    ? undefined
    : dataDirProblem(env, !fs.existsSync(/*turbopackIgnore: true*/ locationFromEnv(env).dataDir ?? ''));
  if (problem) exit(problem);
  try {
    await prepareDatabase(env);
  } catch (error) {
    const message = startFailureMessage(error, env);
    if (message === undefined) throw error;
    exit(message);
  }
}
