import fs from 'node:fs';
import path from 'node:path';
import { dataRoot, getDatabase } from './client';
import { DEFAULT_DEMO_INSTALLATIONS, isSeeded, seedDatabase } from './seed';

/**
 * Present only while a start seeds the demo. The seed is one transaction, so an interrupted one leaves an empty
 * database; this file is how the next start knows to say that it is seeding again rather than for the first time.
 */
export function seedingMarker(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(dataRoot(env), 'seeding');
}

/**
 * Runs once when the server starts: opens the database (applying migrations) and, on the embedded database
 * only, seeds the demo migration the first time, or again after an interrupted first time. A DATABASE_URL
 * deployment never gets demo data by itself.
 */
export async function prepareDatabase(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const handle = await getDatabase();
  if (env.DATABASE_URL) return;
  const marker = seedingMarker(env);
  if (await isSeeded(handle)) {
    fs.rmSync(marker, { force: true }); // killed between the seed's commit and this file's removal
    return;
  }
  const installations = Number(env.MCC_DEMO_INSTALLATIONS ?? DEFAULT_DEMO_INSTALLATIONS);
  const started = Date.now();
  if (fs.existsSync(marker)) {
    console.log(
      `The demo seed started at ${fs.readFileSync(marker, 'utf8')} was interrupted; it was rolled back, so ` +
        `nothing half-seeded was kept. Seeding the ${installations} demo installations again…`,
    );
  } else {
    console.log(`Seeding the embedded database with ${installations} demo installations (first start only)…`);
  }
  fs.writeFileSync(marker, new Date().toISOString());
  await seedDatabase(handle, { installations, seed: 1, now: new Date(), log: (m) => console.log(m) });
  fs.rmSync(marker);
  console.log(`Demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
