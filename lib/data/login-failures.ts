import 'server-only';
import { and, count, eq, gt, lt } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { loginFailures } from '@/db/schema';
import { LOGIN_THROTTLE } from '@/lib/auth/throttle';

// Sign-in happens before there is a viewer: these are the data layer's only viewer-less functions.

function windowStart(now: Date): Date {
  return new Date(now.getTime() - LOGIN_THROTTLE.windowMinutes * 60_000);
}

export async function countRecentLoginFailures(email: string, ipAddress: string | null, now: Date) {
  const db = await getDb();
  const since = windowStart(now);
  const [byEmail] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, email), gt(loginFailures.at, since)));
  const [byAddress] = ipAddress
    ? await db
        .select({ n: count() })
        .from(loginFailures)
        .where(and(eq(loginFailures.ipAddress, ipAddress), gt(loginFailures.at, since)))
    : [{ n: 0 }];
  return { byEmail: byEmail?.n ?? 0, byAddress: byAddress?.n ?? 0 };
}

export async function recordLoginFailure(email: string, ipAddress: string | null, now: Date) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.insert(loginFailures).values({ email, ipAddress, at: now });
    // Keep the table small: anything outside the window no longer counts.
    await tx.delete(loginFailures).where(lt(loginFailures.at, windowStart(now)));
  });
}

export async function clearLoginFailures(email: string) {
  const db = await getDb();
  await db.delete(loginFailures).where(eq(loginFailures.email, email));
}
