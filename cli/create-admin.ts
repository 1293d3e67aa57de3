/**
 * `MCC_ADMIN_PASSWORD=… npm run user:create-admin -- --email you@example.com --name "Your Name"`
 * Creates the first administrator of a deployment (a DATABASE_URL database starts with no users); after that,
 * admins add users in the app. The password comes from the environment so it never lands in shell history.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { locationFromEnv, openDatabase, setDatabase } from '@/db/client';
import { DataDirLockedError } from '@/db/lock';
import { emailField, MIN_PASSWORD_LENGTH, passwordField, personNameField } from '@/lib/auth/fields';
import type { Viewer } from '@/lib/auth/viewer';
import { createUser } from '@/lib/data/users';
import { DomainError } from '@/lib/errors';

/** The audit log records this bootstrap as done by the system, not by a person. */
const SYSTEM: Viewer = {
  userId: 'system:create-admin',
  name: 'System',
  email: '',
  role: 'admin',
  supplierId: null,
};

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
// The same field rules as the admin form (lib/auth/fields.ts).
const input = z
  .object({ email: emailField, name: personNameField, password: passwordField })
  .safeParse({ ...values, password: process.env.MCC_ADMIN_PASSWORD ?? '' });
if (!input.success) {
  for (const issue of input.error.issues) console.error(`${String(issue.path[0])}: ${issue.message}`);
  console.error(
    `Usage: MCC_ADMIN_PASSWORD=<at least ${MIN_PASSWORD_LENGTH} characters> npm run user:create-admin -- --email <email> --name <name>`,
  );
  process.exit(1);
}

try {
  const handle = await openDatabase(locationFromEnv());
  setDatabase(handle);
  try {
    const { id } = await createUser(SYSTEM, { ...input.data, role: 'admin' });
    console.log(`Administrator ${input.data.email} created (${id}).`);
  } finally {
    await handle.close();
  }
} catch (error) {
  if (error instanceof DataDirLockedError || error instanceof DomainError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
