import { FIRST_LOAD_JS_BUDGET_BYTES, measurePageJs } from './first-load-js';
import { ANALYST, expect, test } from './fixtures';

/** Every page of the dashboard, the detail pages reached through their lists' first link. */
const PAGES = [
  '/',
  '/installations',
  '/incidents',
  '/triage',
  '/demand',
  '/reports',
  '/split-supply',
  '/imports',
];
const DETAIL_PAGES = [
  { list: '/installations?status=failed', link: /^\/installations\/\d+$/ },
  { list: '/incidents?status=all', link: /^\/incidents\/\d+$/ },
];

test.describe('A light browser (issue #15)', () => {
  test(`no page makes a signed-in browser download more than ${FIRST_LOAD_JS_BUDGET_BYTES / 1000} kB of JavaScript before it is interactive`, async ({
    page,
    context,
    browser,
    loginAs,
  }) => {
    test.setTimeout(120_000);
    await loginAs(ANALYST);
    const details: string[] = [];
    for (const { list, link } of DETAIL_PAGES) {
      await page.goto(list);
      const hrefs = await page
        .locator('a[href]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      const href = hrefs.find((h) => link.test(h));
      if (!href) throw new Error(`no link matching ${link} on ${list}`);
      details.push(href);
    }
    const storageState = await context.storageState();
    const firstLoad: Record<string, number> = {};
    for (const path of [...PAGES, ...details]) {
      const js = await measurePageJs(browser, new URL(path, page.url()).toString(), storageState);
      firstLoad[path] = js.firstLoadBytes;
    }
    const overBudget = Object.entries(firstLoad).filter(([, bytes]) => bytes > FIRST_LOAD_JS_BUDGET_BYTES);
    expect(overBudget, `first-load JavaScript per page (bytes): ${JSON.stringify(firstLoad)}`).toEqual([]);
    // A measurement that found no script at all would pass any budget: the pages do load JavaScript.
    expect(Math.min(...Object.values(firstLoad))).toBeGreaterThan(10_000);
  });
});
