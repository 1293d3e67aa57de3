import 'server-only';
import crypto from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { inTransaction, type Transaction } from '@/db/client';
import { accounts, parties, sessions, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { assertCan, type Role } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { recordAudit } from './audit';
import { withViewerScope } from './scope';

function assertAdmin(viewer: Viewer) {
  assertCan(viewer, 'users.manage', 'Only administrators manage users.');
}

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  role: Role;
  supplier: string | null;
  createdAt: string;
  /** When an admin disabled the account; null while it may sign in. */
  disabledAt: string | null;
}

export async function listUsers(viewer: Viewer): Promise<UserSummary[]> {
  assertAdmin(viewer);
  return withViewerScope(viewer, async (db) => {
    const rows = await db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        supplier: parties.name,
        createdAt: users.createdAt,
        disabledAt: users.disabledAt,
      })
      .from(users)
      .leftJoin(parties, eq(parties.id, users.partyId))
      .orderBy(asc(users.role), asc(users.email));
    return rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      disabledAt: r.disabledAt?.toISOString() ?? null,
    }));
  });
}

export interface NewUser {
  name: string;
  email: string;
  role: Role;
  supplierId?: number;
  password: string;
}

/** Creates a user with an argon2id password, in the same transaction as its audit entry. */
export async function createUser(
  viewer: Viewer,
  input: NewUser,
  outerTx?: Transaction,
): Promise<{ id: string }> {
  assertAdmin(viewer);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(outerTx, async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) throw new ConflictError('A user with this email address already exists.');
    if (input.role === 'supplier') {
      const [supplier] = await tx
        .select({ id: parties.id })
        .from(parties)
        .where(and(eq(parties.id, input.supplierId ?? -1), eq(parties.role, 'supplier')));
      if (!supplier) throw new NotFoundError('Choose the supplier this user belongs to.');
    }
    const id = crypto.randomUUID();
    const now = new Date();
    await tx.insert(users).values({
      id,
      name: input.name,
      email: input.email,
      emailVerified: true,
      role: input.role,
      partyId: input.role === 'supplier' ? input.supplierId : null,
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(accounts).values({
      id: crypto.randomUUID(),
      accountId: id,
      providerId: 'credential',
      userId: id,
      password: passwordHash,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, viewer, {
      action: 'create-user',
      entity: 'user',
      entityId: id,
      detail: { email: input.email, role: input.role, supplierId: input.supplierId ?? null },
    });
    return { id };
  });
}

/**
 * Disables a user (it can no longer sign in, lib/auth/auth.ts) or enables it again. Disabling ends every session
 * it holds at once: the users trigger deletes them in this transaction (db/migrations, sign-in walls).
 */
export async function setUserDisabled(
  viewer: Viewer,
  userId: string,
  disabled: boolean,
  outerTx?: Transaction,
): Promise<void> {
  assertAdmin(viewer);
  if (userId === viewer.userId) throw new ConflictError('You cannot disable your own account.');
  await inTransaction(outerTx, async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ disabledAt: disabled ? new Date() : null, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ email: users.email });
    if (!user) throw new NotFoundError('That user no longer exists.');
    await recordAudit(tx, viewer, {
      action: disabled ? 'disable-user' : 'enable-user',
      entity: 'user',
      entityId: userId,
      detail: { email: user.email },
    });
  });
}

/** Deletes a user and every session it holds (signing it out everywhere). */
export async function deleteUser(viewer: Viewer, userId: string, outerTx?: Transaction): Promise<void> {
  assertAdmin(viewer);
  if (userId === viewer.userId) throw new ConflictError('You cannot delete your own account.');
  await inTransaction(outerTx, async (tx) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (!user) throw new NotFoundError('That user no longer exists.');
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.delete(users).where(eq(users.id, userId));
    await recordAudit(tx, viewer, {
      action: 'delete-user',
      entity: 'user',
      entityId: userId,
      detail: { email: user.email },
    });
  });
}
