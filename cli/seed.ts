/**
 * `npm run db:seed -- --installations N --seed S [--now ISO] [--if-empty]`: loads the deterministic demo migration
 * into the database the environment points at (DATABASE_URL, else the embedded PGlite in MCC_DATA_DIR).
 * Refuses a database that already holds data; with --if-empty that is not an error ("already seeded", exit 0).
 */
import { parseArgs } from 'node:util';
import { type DatabaseHandle, locationFromEnv, openDatabase } from '@/db/client';
import { DataDirLockedError } from '@/db/lock';
import { DEFAULT_DEMO_INSTALLATIONS, isSeeded, seedDatabase } from '@/db/seed';

const DEFAULT_SEED = 1;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < 0) fail(`--${name} must be a whole number, got '${value}'.`);
  return n;
}

const USAGE = 'Usage: npm run db:seed -- [--installations N] [--seed S] [--now ISO-8601] [--if-empty]';

function parse() {
  try {
    return parseArgs({
      options: {
        installations: { type: 'string' },
        seed: { type: 'string' },
        now: { type: 'string' },
        'if-empty': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
}

const args = parse();
if (args.help) {
  console.log(
    `${USAGE}\n` +
      `  --installations  demo installations to generate (default ${DEFAULT_DEMO_INSTALLATIONS})\n` +
      `  --seed           PRNG seed: the same seed and --now give the same data (default ${DEFAULT_SEED})\n` +
      '  --now            the instant the demo history runs up to (default: the current time)\n' +
      '  --if-empty       do nothing (exit 0) when the database is already seeded',
  );
  process.exit(0);
}

const installations = wholeNumber('installations', args.installations, DEFAULT_DEMO_INSTALLATIONS);
const seed = wholeNumber('seed', args.seed, DEFAULT_SEED);
const now = args.now === undefined ? new Date() : new Date(args.now);
if (Number.isNaN(now.getTime())) fail(`--now must be an ISO-8601 instant, got '${args.now}'.`);

const opened = Date.now();
let handle: DatabaseHandle;
try {
  handle = await openDatabase(locationFromEnv());
} catch (error) {
  if (error instanceof DataDirLockedError) fail(error.message);
  throw error;
}

try {
  if (await isSeeded(handle)) {
    if (args['if-empty']) {
      console.log('The database is already seeded: nothing to do.');
    } else {
      console.error(
        'The database already holds data, so the demo seed would collide with it. Seed an empty database ' +
          '(a fresh MCC_DATA_DIR, or a new PostgreSQL database in DATABASE_URL), or pass --if-empty to skip.',
      );
      process.exitCode = 1;
    }
  } else {
    console.log(
      `Seeding ${installations.toLocaleString('en-GB')} installations (seed ${seed}, now ${now.toISOString()}) ` +
        `into ${handle.engine}; database opened in ${((Date.now() - opened) / 1000).toFixed(1)} s.`,
    );
    const summary = await seedDatabase(handle, { installations, seed, now, log: (m) => console.log(m) });
    console.log(
      `Seeded in ${(summary.milliseconds / 1000).toFixed(1)} s: ${summary.installations.toLocaleString('en-GB')} ` +
        `installations, ${summary.installationEvents.toLocaleString('en-GB')} events, ` +
        `${summary.migrationAuthorisations.toLocaleString('en-GB')} MAs, ${summary.incidents} incidents, ` +
        `${summary.users} demo users.`,
    );
  }
} finally {
  const closing = Date.now();
  await handle.close();
  console.log(`Database closed in ${((Date.now() - closing) / 1000).toFixed(1)} s.`);
}
