import 'server-only';
import { desc, eq, inArray } from 'drizzle-orm';
import { inTransaction, type Transaction } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { withViewerScope } from './scope';

/** Appends to the audit log inside the caller's transaction: the change and its record commit together. */
export async function recordAudit(
  tx: Transaction,
  viewer: Viewer,
  entry: { action: string; entity: string; entityId: string; detail?: Record<string, unknown> },
) {
  await tx.insert(auditLog).values({ userId: viewer.userId, ...entry, detail: entry.detail ?? {} });
}

/** Who signed in and out, and who was refused what: the events an administrator reviews (README "Security"). */
export const ACCESS_EVENTS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'session-expired',
  'access-refused',
] as const;
export type AccessEvent = (typeof ACCESS_EVENTS)[number];

/**
 * Records a sign-in or access event. It has its own transaction: it happens before there is a viewer (a failed
 * sign-in) or while a request is being refused, and it must be kept even though nothing else is written.
 */
export async function recordAccessEvent(event: {
  action: AccessEvent;
  userId: string | null;
  clientAddress: string | null;
  detail?: Record<string, unknown>;
}): Promise<void> {
  await inTransaction(undefined, async (tx) => {
    await tx.insert(auditLog).values({
      action: event.action,
      entity: 'access',
      userId: event.userId,
      clientAddress: event.clientAddress,
      detail: event.detail ?? {},
    });
  });
}

export interface AccessEventRow {
  id: number;
  /** ISO 8601 in UTC. */
  at: string;
  action: AccessEvent;
  /** The account's email address now, or the address typed at a failed sign-in; null when signed out. */
  who: string | null;
  clientAddress: string | null;
  detail: Record<string, unknown>;
}

/** The latest access events, newest first: administrators only. */
export async function listAccessEvents(viewer: Viewer, limit = 100): Promise<AccessEventRow[]> {
  assertCan(viewer, 'users.manage', 'Only administrators review sign-in and access events.');
  return withViewerScope(viewer, async (db) => {
    const rows = await db
      .select({ entry: auditLog, email: users.email })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .where(inArray(auditLog.action, [...ACCESS_EVENTS]))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(limit);
    return rows.map(({ entry, email }) => {
      const typed = typeof entry.detail.email === 'string' ? entry.detail.email : null;
      return {
        id: entry.id,
        at: entry.at.toISOString(),
        action: entry.action as AccessEvent,
        who: email ?? typed,
        clientAddress: entry.clientAddress,
        detail: entry.detail,
      };
    });
  });
}
