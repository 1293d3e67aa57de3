import type { Page } from '@playwright/test';
import { buildParties } from '../db/seed/parties';
import { ANALYST, expect, expectNoAxeViolations, test } from './fixtures';

const digits = (text: string) => text.replace(/[^\d-]/g, '');

/** The demo suppliers and their ids: the seed assigns them deterministically (db/seed/generate.ts). */
const DEMO_SUPPLIERS = buildParties().suppliers.map((s) => ({ id: s.id, name: s.name }));

async function screenshots(page: Page, name: string) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(2_000); // ResponsiveContainer redraws after a resize
    await page.screenshot({ path: `docs/screenshots/demand-${name}-${width}.png`, fullPage: true });
  }
}

test.describe('Weekly demand against commitment (Report 8)', () => {
  test('An analyst switches week and party, sees chart and table agree, and drills to the list with the same count', async ({
    page,
    loginAs,
    demand,
    installations,
  }) => {
    test.setTimeout(180_000);
    await loginAs(ANALYST);
    await demand.goto();
    await expect(demand.report8).toBeVisible();
    const parties = demand.partyTable.locator('tbody tr');
    expect(await parties.count()).toBeGreaterThan(1);
    const worst = (await parties.first().getByRole('link').innerText()).trim();

    const weeks = await demand.weekSelect
      .locator('option')
      .evaluateAll((o) => o.map((n) => (n as HTMLOptionElement).value));
    expect(weeks.length).toBeGreaterThan(1);
    await demand.choose({ week: weeks[1], party: worst });
    const url = new URL(page.url());
    expect(url.searchParams.get('week')).toBe(weeks[1]);
    expect(url.searchParams.get('supplier')).toMatch(/^\d+$/);
    await expect(page.getByRole('heading', { name: `Report 8: ${worst}` })).toBeVisible();
    await expect(demand.report8Rows).toHaveCount(4);
    await expect(page.getByTestId('party-multiples')).toHaveCount(0);

    // The chart's last week (its "received" bar, the eighth of eight) says what the table's last row says.
    const lastWeek = (await demand.report8Rows.last().locator('td').first().innerText()).trim();
    const received = digits(await demand.report8Cell(lastWeek, 'Migration Authorisations Received'));
    const committed = digits(await demand.report8Cell(lastWeek, 'DCC Migration Commitment'));
    const tooltip = await demand.chartTooltip(7);
    expect(tooltip).toContain(`Migration Authorisations received : ${received}`);
    expect(tooltip).toContain(`DCC Migration Commitment : ${committed}`);

    // Drill from the planned volume's first coming week to the list: the same count.
    const link = demand.plannedRows.first().getByRole('link');
    const scheduled = digits(await link.innerText());
    await link.click();
    await page.waitForURL(/\/installations\?/);
    await expect(installations.count).toContainText(Number(scheduled).toLocaleString('en-GB'));
  });

  test('A supplier sees only itself: no other supplier’s name in the page or any response, even with its id in the URL', async ({
    page,
    loginAs,
    supplierAccounts,
    shell,
    demand,
  }) => {
    test.setTimeout(180_000);
    const [supplier] = await supplierAccounts();
    if (!supplier) throw new Error('no demo supplier accounts listed');
    await loginAs(supplier);
    const organisation = (await shell.user.innerText()).split(' · ').pop()?.trim() ?? '';
    const others = DEMO_SUPPLIERS.filter((s) => s.name !== organisation);
    expect(others).toHaveLength(DEMO_SUPPLIERS.length - 1);
    const otherId = others[0]?.id;

    const bodies: string[] = [];
    page.on('response', async (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (/html|x-component|json/.test(type)) bodies.push(await response.text().catch(() => ''));
    });
    await demand.goto(`?supplier=${otherId}`);
    await expect(demand.report8).toBeVisible();
    await expect(page.getByRole('heading', { name: `Report 8: ${organisation}` })).toBeVisible();
    await expect(demand.partySelect).toHaveCount(0);
    await expect(page.getByTestId('party-multiples')).toHaveCount(0);
    await expect(page.getByTestId('planned-table')).not.toContainText('DCC capacity');
    // A client-side navigation too (its RSC payload is a response of its own).
    await page.getByText('The same weeks as a table').click();
    await page.getByTestId('trend-table').getByRole('link').nth(1).click();
    await page.waitForURL(/week=/);
    await expect(demand.report8).toBeVisible();

    const html = await page.content();
    expect(bodies.length).toBeGreaterThan(0);
    for (const { name } of others) {
      expect(html, `page names ${name}`).not.toContain(name);
      for (const body of bodies) expect(body.includes(name), `a response names ${name}`).toBe(false);
    }
    await expectNoAxeViolations(page);
    await screenshots(page, 'supplier');
  });

  test('The analyst’s demand page passes an axe scan (WCAG 2.2 AA)', async ({ page, loginAs, demand }) => {
    test.setTimeout(180_000);
    await loginAs(ANALYST);
    await demand.goto();
    await expect(demand.partyTable).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshots(page, 'analyst');
  });
});
