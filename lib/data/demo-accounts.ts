import 'server-only';
import { asc, like } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { Role } from '@/lib/auth/permissions';
import { isDemoMode } from '@/lib/demo';

/** The demo accounts shown on the login page; empty outside demo mode, so nothing leaks in production. */
export async function listDemoAccounts(): Promise<{ email: string; role: Role }[]> {
  if (!isDemoMode()) return [];
  const db = await getDb();
  return db
    .select({ email: users.email, role: users.role })
    .from(users)
    .where(like(users.email, '%.demo'))
    .orderBy(asc(users.role), asc(users.email));
}
