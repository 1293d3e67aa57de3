import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './e2e/chromium';

// scripts/test.mjs picks a free port; a fresh data directory per run keeps tests off anyone's real data.
const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = `.data/e2e-${port}`;
const installations = process.env.E2E_INSTALLATIONS ?? '6000';
// The tenant-isolation matrix also runs against a second server on PostgreSQL when TEST_DATABASE_URL is set.
const postgresPort = Number(process.env.E2E_POSTGRES_PORT ?? port + 100);
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

const chromeOptions = {
  ...devices['Desktop Chrome'],
  // Debian's Chromium: Playwright must never download a browser here (docs/engineering.md).
  launchOptions: CHROMIUM_LAUNCH_OPTIONS,
};

const serverEnv = {
  MCC_DEMO_INSTALLATIONS: installations,
  NEXT_TELEMETRY_DISABLED: '1',
};

export default defineConfig({
  testDir: 'e2e',
  timeout: 15_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'chromium', use: chromeOptions },
    // e2e/isolation.spec.ts again (plain HTTP, no browser) on PostgreSQL; it reports itself skipped without
    // TEST_DATABASE_URL.
    {
      name: 'isolation-postgres',
      testMatch: 'isolation.spec.ts',
      use: { baseURL: `http://localhost:${postgresPort}` },
    },
  ],
  webServer: [
    {
      command: `rm -rf ${dataDir} && node scripts/start.mjs`,
      url: `http://localhost:${port}/login`,
      env: { ...serverEnv, PORT: String(port), MCC_DATA_DIR: dataDir },
      // First start builds (if needed), creates PGlite and seeds: minutes on a cold 2-core machine.
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    ...(onPostgres
      ? [
          {
            // Starts after the first server, so the build is already current.
            command: 'node e2e/isolation/postgres-server.mjs',
            url: `http://localhost:${postgresPort}/login`,
            env: { ...serverEnv, PORT: String(postgresPort) },
            timeout: 600_000,
            reuseExistingServer: false,
            stdout: 'pipe' as const,
            stderr: 'pipe' as const,
          },
        ]
      : []),
  ],
});
