/**
 * Demo mode is a property of the data, not of the engine: the login page lists the demo accounts only while the
 * database holds them with the demo password (lib/data/demo-accounts.ts). An embedded database with real users and
 * no demo data shows none; a PostgreSQL database seeded with `npm run db:seed` shows them.
 */

/** The demo accounts' shared password (README "Demo accounts"); it exists only in demo data. */
export const DEMO_PASSWORD = 'demo-password';
