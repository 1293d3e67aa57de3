/**
 * Demo mode: the embedded database (seeded with demo data on first start), or a deployment that opted in
 * with MCC_DEMO_MODE=1 after `npm run db:seed`. Only then does the login page list the demo accounts.
 */
export function isDemoMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.DATABASE_URL || env.MCC_DEMO_MODE === '1';
}

/** The demo accounts' shared password (README "Demo accounts"); it exists only in demo data. */
export const DEMO_PASSWORD = 'demo-password';
