/** `npm run db:migrate`: applies pending migrations to the database the environment points at. */
import { locationFromEnv, openDatabase } from '@/db/client';
import { DataDirLockedError } from '@/db/lock';

try {
  const handle = await openDatabase(locationFromEnv());
  console.log(`Migrations applied (${handle.engine}).`);
  await handle.close();
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
