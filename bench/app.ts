/**
 * The production app as the page benchmarks see it from outside: the existing production build served by
 * scripts/server.mjs (what `npm start` runs after building), signed in through the real login form in Chromium,
 * and timed over HTTP on loopback to the last byte of the response.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContextOptions, chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '@/e2e/chromium';

export const DEMO_PASSWORD = 'demo-password';
export const ANALYST_EMAIL = 'analyst@mcc.demo';

const root = path.resolve(import.meta.dirname, '..');

export interface RunningApp {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the production server on `port` with `env` (DATABASE_URL, or MCC_DATA_DIR for the embedded database).
 * It serves the build as it is, so a benchmark never rebuilds half-way because a source file changed meanwhile.
 */
export async function startApp(port: number, env: Record<string, string>): Promise<RunningApp> {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    throw new Error('There is no production build: run `npm run build` first.');
  }
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'scripts', 'server.mjs')], {
    cwd: root,
    env: { ...process.env, ...env, NODE_ENV: 'production', PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  // Opening and migrating a large database (new indexes) can take minutes on a busy 2-core machine.
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode} before serving`);
    if (Date.now() > deadline) throw new Error('the app did not serve /login within 15 minutes');
    const ok = await fetch(`${baseUrl}/login`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    baseUrl,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
}

export interface Session {
  storageState: Awaited<ReturnType<import('@playwright/test').BrowserContext['storageState']>>;
  /** The session cookie as a `Cookie` request header. */
  cookie: string;
}

/** Signs in through the login form, as a person does (argon2id, rate limits and all). */
export async function signIn(browser: Browser, baseUrl: string, email: string): Promise<Session> {
  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/login', { timeout: 60_000 });
    const storageState = await context.storageState();
    const cookie = storageState.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return { storageState, cookie };
  } finally {
    await context.close();
  }
}

export type StorageState = BrowserContextOptions['storageState'];

export interface Timed {
  ms: number;
  status: number;
  bytes: number;
}

/** One GET, timed from the request to the last byte of the body (as a browser would receive it: compressed). */
export async function timeRequest(baseUrl: string, pathAndQuery: string, cookie: string): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${pathAndQuery}`, {
    headers: { cookie, 'accept-encoding': 'gzip' },
    redirect: 'manual',
  });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, bytes: body.byteLength };
}

/** The body of a page, for the ids a benchmark follows (an installation, an incident) as a user would. */
export async function fetchText(baseUrl: string, pathAndQuery: string, cookie: string): Promise<string> {
  const response = await fetch(`${baseUrl}${pathAndQuery}`, { headers: { cookie }, redirect: 'manual' });
  if (!response.ok) throw new Error(`${pathAndQuery} answered ${response.status}`);
  return response.text();
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
