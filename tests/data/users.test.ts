import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DatabaseHandle, setDatabase } from '@/db/client';
import { accounts, auditLog } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { LOGIN_THROTTLE } from '@/lib/auth/throttle';
import { forgetFailedAttempts, reserveSignInAttempt } from '@/lib/data/login-failures';
import { createUser, deleteUser, listUsers } from '@/lib/data/users';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { describeEachEngine } from '../support/engines';
import { admin, analyst, createSupplier, supplierViewer } from '../support/factories';

describeEachEngine('Users and sign-in throttling', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ handle, dispose } = await engine.create());
    setDatabase(handle);
  });
  afterAll(() => dispose());

  it('lets only an admin create users, stores an argon2id hash, and audits the change', async () => {
    const supplier = await createSupplier(handle.db);
    const input = {
      name: 'S',
      email: 's1@example.com',
      role: 'supplier' as const,
      supplierId: supplier.id,
      password: 'correct horse battery',
    };
    await expect(createUser(analyst, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createUser(supplierViewer(supplier.id), input)).rejects.toBeInstanceOf(ForbiddenError);
    const { id } = await createUser(admin, input);
    const [account] = await handle.db.select().from(accounts).where(eq(accounts.userId, id));
    expect(account?.password).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword({ hash: account?.password ?? '', password: 'correct horse battery' })).toBe(
      true,
    );
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(['create-user']);
    expect((await listUsers(admin)).find((u) => u.id === id)?.supplier).toBe(supplier.name);
  });

  it('refuses a duplicate email and a supplier user without a real supplier, changing nothing', async () => {
    await createUser(admin, {
      name: 'First',
      email: 'dup@example.com',
      role: 'analyst',
      password: 'long enough pass',
    });
    const before = (await listUsers(admin)).length;
    await expect(
      createUser(admin, {
        name: 'Dup',
        email: 'dup@example.com',
        role: 'analyst',
        password: 'long enough pass',
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      createUser(admin, {
        name: 'X',
        email: 'x@example.com',
        role: 'supplier',
        supplierId: 999_999,
        password: 'long enough pass',
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await listUsers(admin)).length).toBe(before);
  });

  it('deletes a user but never the admin themself', async () => {
    const { id } = await createUser(admin, {
      name: 'T',
      email: 't@example.com',
      role: 'analyst',
      password: 'long enough pass',
    });
    await expect(deleteUser(admin, admin.userId)).rejects.toBeInstanceOf(ConflictError);
    await deleteUser(admin, id);
    expect((await listUsers(admin)).some((u) => u.id === id)).toBe(false);
  });

  it('throttles one account from one address without locking it out elsewhere', async () => {
    const now = new Date('2026-11-24T09:00:00Z');
    for (let i = 0; i < LOGIN_THROTTLE.maxFailuresPerAccountAndAddress; i++) {
      expect((await reserveSignInAttempt('ghost@example.com', '10.0.0.1', now)).allowed).toBe(true);
    }
    expect((await reserveSignInAttempt('ghost@example.com', '10.0.0.1', now)).allowed).toBe(false);
    // A third party guessing from its own address does not lock the account's owner out of theirs.
    expect((await reserveSignInAttempt('ghost@example.com', '10.0.0.2', now)).allowed).toBe(true);
    // Outside the window the failures no longer count.
    const later = new Date(now.getTime() + (LOGIN_THROTTLE.windowMinutes + 1) * 60_000);
    expect((await reserveSignInAttempt('ghost@example.com', '10.0.0.1', later)).allowed).toBe(true);
  });

  it('counts parallel attempts atomically: never more guesses than the limit', async () => {
    const now = new Date('2026-11-24T10:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 25 }, () => reserveSignInAttempt('race@example.com', '10.0.0.3', now)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(LOGIN_THROTTLE.maxFailuresPerAccountAndAddress);
  });

  it('forgets the reserved attempt and this address’s failures after a right password', async () => {
    const now = new Date('2026-11-24T11:00:00Z');
    for (let i = 0; i < LOGIN_THROTTLE.maxFailuresPerAccountAndAddress - 1; i++) {
      await reserveSignInAttempt('owner@example.com', '10.0.0.4', now);
    }
    const attempt = await reserveSignInAttempt('owner@example.com', '10.0.0.4', now);
    if (!attempt.allowed) throw new Error('the last attempt should have been allowed');
    await forgetFailedAttempts('owner@example.com', '10.0.0.4', attempt.attemptId);
    expect((await reserveSignInAttempt('owner@example.com', '10.0.0.4', now)).allowed).toBe(true);
  });
});
