import { getDatabase } from './client';
import { DEFAULT_DEMO_INSTALLATIONS, isSeeded, seedDatabase } from './seed';

/**
 * Runs once when the server starts: opens the database (applying migrations) and, on the embedded database
 * only, seeds the demo migration the first time. A DATABASE_URL deployment never gets demo data by itself.
 */
export async function prepareDatabase(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const handle = await getDatabase();
  if (env.DATABASE_URL || (await isSeeded(handle))) return;
  const installations = Number(env.MCC_DEMO_INSTALLATIONS ?? DEFAULT_DEMO_INSTALLATIONS);
  const started = Date.now();
  console.log(`Seeding the embedded database with ${installations} demo installations (first start only)…`);
  await seedDatabase(handle, { installations, seed: 1, now: new Date() });
  console.log(`Demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
