import 'server-only';
import { and, asc, eq, like } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { accounts, users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/permissions';
import { DEMO_PASSWORD } from '@/lib/demo';

/**
 * Stored hashes already checked against the demo password. A hash never changes its answer, and the seed gives
 * every demo account the same one: the login page pays for one argon2 verification per process, not per visit.
 */
const demoPasswordHashes = new Map<string, Promise<boolean>>();

function opensWithDemoPassword(hash: string): Promise<boolean> {
  let verdict = demoPasswordHashes.get(hash);
  if (!verdict) {
    verdict = verifyPassword({ hash, password: DEMO_PASSWORD });
    demoPasswordHashes.set(hash, verdict);
  }
  return verdict;
}

/**
 * The demo accounts the login page lists: the seed's `.demo` accounts that are enabled and still open with the
 * demo password (lib/demo.ts). Without demo data, or once an admin changed their passwords, the list is empty.
 */
export async function listDemoAccounts(): Promise<{ email: string; role: Role }[]> {
  const db = await getDb();
  const candidates = await db
    .select({ email: users.email, role: users.role, hash: accounts.password, disabledAt: users.disabledAt })
    .from(users)
    .innerJoin(accounts, and(eq(accounts.userId, users.id), eq(accounts.providerId, 'credential')))
    .where(like(users.email, '%.demo'))
    .orderBy(asc(users.role), asc(users.email));
  const opens = await Promise.all(
    candidates.map((c) => (c.hash && !c.disabledAt ? opensWithDemoPassword(c.hash) : false)),
  );
  return candidates.filter((_, i) => opens[i]).map(({ email, role }) => ({ email, role }));
}
