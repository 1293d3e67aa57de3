import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './e2e/chromium';

// scripts/test.mjs picks a free port; a fresh data directory per run keeps tests off anyone's real data.
const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = `.data/e2e-${port}`;

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
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: CHROMIUM_LAUNCH_OPTIONS,
      },
    },
  ],
  webServer: {
    command: `rm -rf ${dataDir} && node scripts/start.mjs`,
    url: `http://localhost:${port}/login`,
    env: {
      PORT: String(port),
      MCC_DATA_DIR: dataDir,
      MCC_DEMO_INSTALLATIONS: process.env.E2E_INSTALLATIONS ?? '6000',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    // First start builds (if needed), creates PGlite and seeds: minutes on a cold 2-core machine.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
