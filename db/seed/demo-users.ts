/** The demo accounts (README "Demo accounts"), as better-auth credential accounts. */
import type { DatabaseHandle } from '@/db/client';
import { accounts, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { DEMO_PASSWORD } from '@/lib/demo';
import { ADMIN_USER_ID, ANALYST_USER_ID, supplierUserId } from './rows';

/**
 * The demo accounts (README "Demo accounts"): analyst@mcc.demo, admin@mcc.demo and <slug>@supplier.demo for every
 * supplier, all with the demo password, as better-auth credential accounts. Returns the number of users.
 */
export async function seedDemoUsers(
  handle: DatabaseHandle,
  suppliers: readonly { id: number; slug: string; name: string }[],
): Promise<number> {
  // One argon2id hash serves every demo account: hashing is deliberately slow (lib/auth/password.ts).
  const password = await hashPassword(DEMO_PASSWORD);
  const people = [
    {
      id: ANALYST_USER_ID,
      name: 'MCC Analyst',
      email: 'analyst@mcc.demo',
      role: 'analyst' as const,
      partyId: null,
    },
    {
      id: ADMIN_USER_ID,
      name: 'MCC Administrator',
      email: 'admin@mcc.demo',
      role: 'admin' as const,
      partyId: null,
    },
    ...suppliers.map((s) => ({
      id: supplierUserId(s.slug),
      name: `${s.name} (demo)`,
      email: `${s.slug}@supplier.demo`,
      role: 'supplier' as const,
      partyId: s.id,
    })),
  ];
  await handle.db.insert(users).values(people.map((p) => ({ ...p, emailVerified: true })));
  await handle.db.insert(accounts).values(
    people.map((p) => ({
      id: `account-${p.id}`,
      accountId: p.id,
      providerId: 'credential',
      userId: p.id,
      password,
    })),
  );
  return people.length;
}
