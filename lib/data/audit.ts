import 'server-only';
import type { Transaction } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';

/** Appends to the audit log inside the caller's transaction: the change and its record commit together. */
export async function recordAudit(
  tx: Transaction,
  viewer: Viewer,
  entry: { action: string; entity: string; entityId: string; detail?: Record<string, unknown> },
) {
  await tx.insert(auditLog).values({ userId: viewer.userId, ...entry, detail: entry.detail ?? {} });
}
