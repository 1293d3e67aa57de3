import type { Page } from '@playwright/test';
import { ADMIN, ANALYST, expect, expectNoAxeViolations, test } from './fixtures';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** Every area an administrator can open (an analyst's areas and Users). */
const AREAS = [
  '/',
  '/installations',
  '/incidents',
  '/triage',
  '/demand',
  '/split-supply',
  '/reports',
  '/imports',
  '/admin/users',
];

/** The areas, and one record page of each kind reached from its list: timeline, incident, triage decision. */
async function everyPage(page: Page): Promise<string[]> {
  const firstLink = async (list: string, pattern: RegExp) => {
    await page.goto(list);
    // The list streams in after the page's shell: wait until a record link has arrived.
    let href: string | null | undefined;
    await expect
      .poll(async () => {
        const hrefs = await page
          .locator('main a[href]')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        href = hrefs.find((h) => h && pattern.test(h));
        return href;
      })
      .toBeTruthy();
    if (!href) throw new Error(`no record link on ${list}`);
    return href;
  };
  return [
    ...AREAS,
    await firstLink('/installations', /^\/installations\/\d+$/),
    await firstLink('/incidents?status=all', /^\/incidents\/\d+$/),
    await firstLink('/triage', /^\/triage\/\d+/),
  ];
}

async function documentOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test.describe('Every page on a phone and a wide screen', () => {
  for (const [name, viewport] of [
    ['390 px phone', PHONE],
    ['1440 px screen', DESKTOP],
  ] as const) {
    test(`no page scrolls sideways and axe finds nothing, at ${name}`, async ({ page, loginAs }) => {
      test.setTimeout(240_000);
      await loginAs(ADMIN);
      const pages = await everyPage(page);
      expect(pages).toHaveLength(12);
      await page.setViewportSize(viewport);
      for (const path of pages) {
        await test.step(path, async () => {
          await page.goto(path);
          await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
          await page.waitForLoadState('networkidle');
          expect(await documentOverflow(page), `${path} is wider than the ${name}`).toBeLessThanOrEqual(0);
          await expectNoAxeViolations(page);
        });
      }
    });
  }

  test('On a phone the filters fold behind one control and the data starts on the first screen', async ({
    page,
    loginAs,
    installations,
  }) => {
    await page.setViewportSize(PHONE);
    await loginAs(ANALYST);
    await installations.goto();
    const toggle = page.getByText('Filters', { exact: true });
    await expect(toggle).toBeVisible();
    await expect(installations.filters.getByLabel('Stage')).toBeHidden();
    await expect(installations.table).toBeVisible();
    const table = await installations.table.boundingBox();
    expect(table?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(PHONE.height);
    await toggle.click();
    await installations.filterBy({ Status: 'failed' });
    await expect(page).toHaveURL(/status=failed/);
  });
});

test.describe('A table people can scan', () => {
  test('shows at least 15 installations per 900 px screen at 1440 px, and fits 1280 px without scrolling', async ({
    page,
    loginAs,
    installations,
  }) => {
    await page.setViewportSize(DESKTOP);
    await loginAs(ANALYST);
    await installations.goto();
    // Measured in one pass: a live refresh may replace the rows between two separate reads.
    const rects = await installations.rows.evaluateAll((rows) =>
      rows.map((r) => {
        const rect = r.getBoundingClientRect();
        return { height: rect.height, bottom: rect.bottom };
      }),
    );
    expect(rects.length).toBeGreaterThanOrEqual(15);
    expect(rects.slice(0, 15).reduce((a, r) => a + r.height, 0)).toBeLessThanOrEqual(900 / 2);
    // The first screen itself holds 15 rows.
    expect(rects[14]?.bottom ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(900);

    await page.setViewportSize({ width: 1280, height: 900 });
    const sideways = await installations.table.evaluate((table) => {
      const region = table.parentElement as HTMLElement;
      return region.scrollWidth - region.clientWidth;
    });
    expect(sideways).toBeLessThanOrEqual(0);
    expect(await documentOverflow(page)).toBeLessThanOrEqual(0);
  });

  test('opens on failures, oldest first, and a long code description shows whole on keyboard focus', async ({
    loginAs,
    installations,
  }) => {
    await loginAs(ANALYST);
    await installations.goto();
    const statuses = await installations.column('Status');
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses[0]).toMatch(/Failed|Rolled back/);
    const description = installations.table.locator('td[data-column="code"] .truncate').first();
    const full = await description.getAttribute('title');
    expect(full?.length ?? 0).toBeGreaterThan(0);
    await description.focus();
    await expect(description).toBeFocused();
    const cut = await description.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(cut).toBeLessThanOrEqual(0);
    await expect(description).toHaveText(full ?? '');
  });

  for (const [header, sort] of [
    ['Last code', 'code'],
    ['Stage', 'stage'],
    ['Attempts', 'attempts'],
    ['Migration Week', 'week'],
  ] as const) {
    test(`sorts by ${sort} both ways and pages on in that order`, async ({
      page,
      loginAs,
      installations,
    }) => {
      await loginAs(ANALYST);
      await installations.goto();
      const orders: string[] = [];
      for (const _ of ['one way', 'the other way']) {
        const before = page.url();
        await installations.table.getByRole('link', { name: new RegExp(`^${header}`) }).click();
        await page.waitForURL((url) => url.href !== before && url.searchParams.get('sort') === sort);
        const sorted = installations.table.locator('th[aria-sort]');
        await expect(sorted).toContainText(header);
        orders.push((await sorted.getAttribute('aria-sort')) ?? '');
        const firstOfPage = await installations.rows.first().getByRole('link').first().innerText();
        await page.getByRole('link', { name: 'Next page' }).click();
        await page.waitForURL(/cursor=/);
        await expect(installations.rows.first().getByRole('link').first()).not.toHaveText(firstOfPage);
        await page.getByRole('link', { name: 'First page' }).click();
        await page.waitForURL((url) => !url.searchParams.has('cursor'));
      }
      expect(new Set(orders)).toEqual(new Set(['ascending', 'descending']));
    });
  }
});
