/**
 * `MCC_ADMIN_PASSWORD=… npm run user:create-admin -- --email you@example.com --name "Your Name"`
 * Creates the first administrator of a deployment (a DATABASE_URL database starts with no users); after that,
 * admins add users in the app. The password comes from the environment so it never lands in shell history.
 */
import { parseArgs } from 'node:util';
import { locationFromEnv, openDatabase, setDatabase } from '@/db/client';
import { DataDirLockedError } from '@/db/lock';
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
const password = process.env.MCC_ADMIN_PASSWORD ?? '';
if (!values.email || !values.name || password.length < 12) {
  console.error(
    'Usage: MCC_ADMIN_PASSWORD=<at least 12 characters> npm run user:create-admin -- --email <email> --name <name>',
  );
  process.exit(1);
}

try {
  const handle = await openDatabase(locationFromEnv());
  setDatabase(handle);
  try {
    const { id } = await createUser(SYSTEM, {
      name: values.name,
      email: values.email.trim().toLowerCase(),
      role: 'admin',
      password,
    });
    console.log(`Administrator ${values.email} created (${id}).`);
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
