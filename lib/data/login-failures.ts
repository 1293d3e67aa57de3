import 'server-only';
import { and, count, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { inTransaction, type Transaction } from '@/db/client';
import { loginFailures } from '@/db/schema';
import { isThrottled, LOGIN_THROTTLE, type RecentFailures } from '@/lib/auth/throttle';

// Sign-in happens before there is a viewer: these are the data layer's only viewer-less functions.

function windowStart(now: Date): Date {
  return new Date(now.getTime() - LOGIN_THROTTLE.windowMinutes * 60_000);
}

/** Advisory-lock namespaces, so an account's and an address's locks never collide. */
const LOCK_ACCOUNT = 1;
const LOCK_ADDRESS = 2;

async function recentFailures(tx: Transaction, email: string, address: string | null, now: Date) {
  const since = gt(loginFailures.at, windowStart(now));
  const sameAddress =
    address === null ? isNull(loginFailures.ipAddress) : eq(loginFailures.ipAddress, address);
  const n = async (where: ReturnType<typeof and>) =>
    (await tx.select({ n: count() }).from(loginFailures).where(where))[0]?.n ?? 0;
  return {
    byAccountAndAddress: await n(and(eq(loginFailures.email, email), sameAddress, since)),
    byAddress: address === null ? 0 : await n(and(sameAddress, since)),
    byAccount: await n(and(eq(loginFailures.email, email), since)),
  } satisfies RecentFailures;
}

/**
 * Reserves one sign-in attempt before the password is checked, atomically: the attempt is counted as a failure
 * first and forgotten only if the password was right. Attempts for the same account or address queue on an
 * advisory lock, so 25 parallel guesses get exactly the limit, never more.
 */
export async function reserveSignInAttempt(
  email: string,
  address: string | null,
  now: Date,
): Promise<{ allowed: false } | { allowed: true; attemptId: number }> {
  return inTransaction(undefined, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_ACCOUNT}, hashtext(${email}))`);
    if (address !== null) {
      await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_ADDRESS}, hashtext(${address}))`);
    }
    if (isThrottled(await recentFailures(tx, email, address, now))) return { allowed: false };
    const [attempt] = await tx
      .insert(loginFailures)
      .values({ email, ipAddress: address, at: now })
      .returning({ id: loginFailures.id });
    // Keep the table small: anything outside the window no longer counts.
    await tx.delete(loginFailures).where(lt(loginFailures.at, windowStart(now)));
    if (!attempt) throw new Error('The sign-in attempt was not recorded.');
    return { allowed: true, attemptId: attempt.id };
  });
}

/** A right password: the reserved attempt was not a failure, and this account's failures from here are cleared. */
export async function forgetFailedAttempts(email: string, address: string | null, attemptId: number) {
  await inTransaction(undefined, async (tx) => {
    await tx.delete(loginFailures).where(eq(loginFailures.id, attemptId));
    await tx
      .delete(loginFailures)
      .where(
        and(
          eq(loginFailures.email, email),
          address === null ? isNull(loginFailures.ipAddress) : eq(loginFailures.ipAddress, address),
        ),
      );
  });
}
