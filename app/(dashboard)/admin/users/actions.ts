'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorisedAction } from '@/lib/actions/action';
import { emailField, passwordField, personNameField } from '@/lib/auth/fields';
import { ROLES } from '@/lib/auth/permissions';
import { createUser, deleteUser, setUserDisabled } from '@/lib/data/users';

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

const userIdField = z.string().min(1).max(64);

export const deleteUserAction = authorisedAction(
  { permission: 'users.manage', input: z.object({ userId: userIdField }) },
  async (viewer, { userId }) => {
    await deleteUser(viewer, userId);
    revalidatePath('/admin/users');
  },
);

export const setUserDisabledAction = authorisedAction(
  {
    permission: 'users.manage',
    input: z.object({
      userId: userIdField,
      disabled: z.enum(['true', 'false']).transform((v) => v === 'true'),
    }),
  },
  async (viewer, { userId, disabled }) => {
    await setUserDisabled(viewer, userId, disabled);
    revalidatePath('/admin/users');
  },
);
