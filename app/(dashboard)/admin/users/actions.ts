'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorisedAction } from '@/lib/actions/action';
import { emailField, passwordField, personNameField } from '@/lib/auth/fields';
import { ROLES } from '@/lib/auth/permissions';
import { createUser, deleteUser } from '@/lib/data/users';

const newUserInput = z
  .object({
    name: personNameField,
    email: emailField,
    role: z.enum(ROLES, { error: 'Choose a role.' }),
    supplierId: z.coerce.number().int().positive().optional().catch(undefined),
    password: passwordField,
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
