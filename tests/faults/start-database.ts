/**
 * What a server start does to the database (instrumentation.ts), as a process of its own so a test can kill it:
 * open, migrate and, on the embedded database, seed the demo; then release the database and exit.
 */
import { getDatabase } from '@/db/client';
import { prepareDatabaseOrExit } from '@/db/prepare';

await prepareDatabaseOrExit();
await (await getDatabase()).close();
