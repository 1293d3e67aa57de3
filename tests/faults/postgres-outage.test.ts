import net from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as overview } from '@/app/api/overview/route';
import { type DatabaseHandle, getDb, openDatabase, setDatabase } from '@/db/client';
import { users } from '@/db/schema';
import { getViewer } from '@/lib/auth/viewer';
import {
  DATABASE_UNAVAILABLE_DIGEST,
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
} from '@/lib/database-unavailable';
import { type Cluster, createCluster, postgresBin } from './cluster';

// The request's session, read from the database as better-auth reads it, so an outage reaches getViewer for real.
const ANALYST_ID = 'outage-analyst';
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
vi.mock('@/lib/auth/auth', () => ({
  getAuth: async () => ({
    api: {
      async getSession() {
        const [user] = await (await getDb()).select().from(users).where(eq(users.id, ANALYST_ID));
        // A session just signed in: well inside the absolute limit (lib/auth/session-policy.ts).
        return user ? { user, session: { createdAt: new Date(), token: 'outage-session' } } : null;
      },
    },
  }),
}));

const SECONDS = 1000;
/** "Not a hang": an answer during the outage comes within this. */
const PROMPT = 6 * SECONDS;

function request() {
  return overview(new Request('http://localhost/api/overview'));
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
}

if (!postgresBin) {
  console.warn(
    '\n!!! SKIPPED: PostgreSQL outage tests — no PostgreSQL binaries under /usr/lib/postgresql. !!!\n',
  );
}

// PostgreSQL only, on a cluster of the test's own: PGlite runs inside the server process, so it has no outage.
describe.skipIf(!postgresBin)('PostgreSQL restarted under the running app [PostgreSQL, own cluster]', () => {
  let cluster: Cluster;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    cluster = await createCluster();
    handle = await openDatabase({ url: cluster.url });
    setDatabase(handle);
    await handle.db.insert(users).values({ id: ANALYST_ID, name: 'Analyst', email: 'a@x', role: 'analyst' });
  }, 120_000);

  afterAll(async () => {
    await handle?.close();
    cluster?.destroy();
  });

  it('answers "database unavailable" promptly during the outage, then recovers by itself', async () => {
    expect((await request()).status).toBe(200);

    await cluster.stop();

    for (let attempt = 0; attempt < 2; attempt++) {
      const { result, ms } = await timed(request);
      expect(ms).toBeLessThan(PROMPT);
      expect(result.status).toBe(503);
      expect(result.headers.get('cache-control')).toContain('no-store');
      expect(result.headers.get('retry-after')).toBe('5');
      expect(await result.json()).toEqual({ error: DATABASE_UNAVAILABLE_MESSAGE });
    }
    // Pages: the error boundary tells the outage apart by the digest getViewer stamps on it.
    const failure = await getViewer().catch((error: unknown) => error);
    expect(failure).toMatchObject({ digest: DATABASE_UNAVAILABLE_DIGEST });

    await cluster.start();
    // No restart of the app: the pool reconnects, on every connection.
    const answers = await Promise.all(Array.from({ length: 12 }, request));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
  }, 120_000);

  it('gives up on a server that accepts but never answers within seconds, not 30', async () => {
    // A blackholed or hung server: the TCP connection opens, the startup reply never comes.
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const { result: error, ms } = await timed(() =>
        openDatabase({ url: `postgres://postgres@127.0.0.1:${port}/none` }).catch((e: unknown) => e),
      );
      expect(ms).toBeLessThan(PROMPT);
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      silent.close();
    }
  }, 60_000);
});
