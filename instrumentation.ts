/** Next.js calls this once per server start, before the first request (node runtime only). */
export async function register() {
  // `next build` must never open or migrate the database (docs/engineering.md).
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { prepareDatabaseOrExit } = await import('./db/prepare');
  await prepareDatabaseOrExit();
}
