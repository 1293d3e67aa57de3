import type { LaunchOptions } from '@playwright/test';

/**
 * How every browser here starts: Debian's Chromium (Playwright must never download a browser, docs/engineering.md)
 * with the flags a container without a GPU, a sandbox or much /dev/shm needs. The Playwright config and the page
 * benchmarks (bench/) share it.
 */
export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
