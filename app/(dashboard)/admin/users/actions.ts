'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorisedAction } from '@/lib/actions/action';
import { createUser, deleteUser } from '@/lib/data/users';

const newUserInput = z
  .object({
    name: z.string().trim().min(1, { error: 'Enter the person’s name.' }).max(120),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: 'Enter an email address, like name@example.com.' })),
    role: z.enum(['analyst', 'supplier', 'admin'], { error: 'Choose a role.' }),
    supplierId: z.coerce.number().int().positive().optional().catch(undefined),
    password: z.string().min(12, { error: 'Use at least 12 characters.' }).max(256),
  })
  .refine((u) => u.role !== 'supplier' || u.supplierId !== undefined, {
    error: 'Choose the supplier this user belongs to.',
    path: ['supplierId'],
  });

export const createUserAction = authorisedAction(
  { permission: 'users.manage', input: newUserInput },
  async (viewer, input) => {
    const created = await createUser(viewer, input);
    revalidatePath('/admin/users');
    return created;
  },
);

export const deleteUserAction = authorisedAction(
  { permission: 'users.manage', input: z.object({ userId: z.string().min(1).max(64) }) },
  async (viewer, { userId }) => {
    await deleteUser(viewer, userId);
    revalidatePath('/admin/users');
  },
);
