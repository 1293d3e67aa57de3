import crypto from 'node:crypto';
import postgres from 'postgres';
import { describe } from 'vitest';
import { type DatabaseHandle, openDatabase } from '@/db/client';

export interface TestEngine {
  name: 'PGlite' | 'PostgreSQL';
  /** A fresh, migrated, empty database, and a function that throws it away. */
  create(): Promise<{ handle: DatabaseHandle; dispose(): Promise<void> }>;
}

export const pglite: TestEngine = {
  name: 'PGlite',
  async create() {
    const handle = await openDatabase({ dataDir: 'memory://' });
    return { handle, dispose: () => handle.close() };
  },
};

/** A scratch database per call on the server in TEST_DATABASE_URL, dropped afterwards. */
export function postgresEngine(serverUrl: string): TestEngine {
  return {
    name: 'PostgreSQL',
    async create() {
      const name = `mcc_test_${crypto.randomBytes(6).toString('hex')}`;
      const admin = postgres(serverUrl, { onnotice: () => {}, max: 1 });
      await admin.unsafe(`CREATE DATABASE ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const handle = await openDatabase({ url: url.toString() });
      return {
        handle,
        async dispose() {
          await handle.close();
          await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await admin.end();
        },
      };
    },
  };
}

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  console.warn('\n!!! SKIPPED: PostgreSQL integration tests — TEST_DATABASE_URL is not set. !!!\n');
}

/**
 * Runs a suite once per engine. Without TEST_DATABASE_URL the PostgreSQL run is reported as skipped,
 * by name, so a green run can't hide it.
 */
export function describeEachEngine(title: string, suite: (engine: TestEngine) => void): void {
  describe(`${title} [PGlite]`, () => suite(pglite));
  if (serverUrl) {
    describe(`${title} [PostgreSQL]`, () => suite(postgresEngine(serverUrl)));
  } else {
    describe.skip(`${title} [PostgreSQL] SKIPPED: TEST_DATABASE_URL not set`, () => suite(pglite));
  }
}
