import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DatabaseHandle, getDb, inTransaction, setDatabase } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { createUser, deleteUser } from '@/lib/data/users';
import { describeEachEngine } from '../support/engines';

const admin: Viewer = {
  userId: 'admin-tx',
  name: 'Admin',
  email: 'admin@x',
  role: 'admin',
  supplierId: null,
};
const newUser = (email: string) => ({
  name: 'T',
  email,
  role: 'analyst' as const,
  password: 'long enough pass',
});

class Abort extends Error {}

/** Runs `work` in one outer transaction and then rolls it back, as a failing use case would. */
async function rolledBack(work: Parameters<typeof inTransaction>[1]) {
  await expect(
    inTransaction(undefined, async (tx) => {
      await work(tx);
      throw new Abort('roll back');
    }),
  ).rejects.toBeInstanceOf(Abort);
}

// Every multi-row write of the data layer, composed into a caller's transaction. On PGlite (one connection) a
// write that opened the database itself inside it would hang here, which PostgreSQL would hide.
describeEachEngine('Writes compose into one transaction', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ handle, dispose } = await engine.create());
    setDatabase(handle);
  });
  afterAll(() => dispose());

  it('createUser joins the caller’s transaction: rolled back, no user and no audit entry remain', async () => {
    let id = '';
    await rolledBack(async (tx) => {
      ({ id } = await createUser(admin, newUser('rollback@example.com'), tx));
    });
    expect(await handle.db.select().from(users).where(eq(users.id, id))).toEqual([]);
    expect(await handle.db.select().from(auditLog).where(eq(auditLog.entityId, id))).toEqual([]);
  });

  it('two writes in one transaction commit together', async () => {
    const ids = await inTransaction(undefined, async (tx) => [
      (await createUser(admin, newUser('first@example.com'), tx)).id,
      (await createUser(admin, newUser('second@example.com'), tx)).id,
    ]);
    for (const id of ids)
      expect(await handle.db.select().from(users).where(eq(users.id, id))).toHaveLength(1);
  });

  it('deleteUser joins the caller’s transaction: rolled back, the user is still there', async () => {
    const { id } = await createUser(admin, newUser('keep@example.com'));
    await rolledBack((tx) => deleteUser(admin, id, tx));
    expect(await handle.db.select().from(users).where(eq(users.id, id))).toHaveLength(1);
  });

  it('refuses getDb() inside a transaction instead of deadlocking', async () => {
    await expect(inTransaction(undefined, () => getDb())).rejects.toThrow(/inside a transaction/);
  });
});
