import type { Browser, BrowserContextOptions } from '@playwright/test';

/** Most compressed JavaScript a page may make the browser download before it is interactive (issue #15). */
export const FIRST_LOAD_JS_BUDGET_BYTES = 200 * 1000;

export interface PageJs {
  /** Scripts the HTML asks for (script tags and preloads): what the page needs before it is interactive. */
  firstLoadBytes: number;
  firstLoadScripts: number;
  /** Everything the page downloaded until the network was idle, lazily loaded chunks (charts) included. */
  totalBytes: number;
}

/**
 * The compressed JavaScript a first visit to `url` downloads, as Chromium received it: a fresh context (empty
 * cache) signed in with `storageState`, every script response's body size on the wire.
 */
export async function measurePageJs(
  browser: Browser,
  url: string,
  storageState: BrowserContextOptions['storageState'],
): Promise<PageJs> {
  const context = await browser.newContext({ storageState, viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const scripts: { path: string; bytes: Promise<number> }[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script') return;
      scripts.push({
        path: new URL(request.url()).pathname,
        bytes: request.sizes().then((s) => s.responseBodySize),
      });
    });
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    const html = await response.text();
    const sizes = await Promise.all(scripts.map(async (s) => ({ path: s.path, bytes: await s.bytes })));
    const firstLoad = sizes.filter((s) => html.includes(s.path));
    const sum = (list: { bytes: number }[]) => list.reduce((total, s) => total + s.bytes, 0);
    return { firstLoadBytes: sum(firstLoad), firstLoadScripts: firstLoad.length, totalBytes: sum(sizes) };
  } finally {
    await context.close();
  }
}
