import type { Page } from '@playwright/test';
import { ANALYST, expect, expectNoAxeViolations, test } from './fixtures';

const digits = (text: string) => Number(text.replace(/\D/g, ''));

/** Screenshots at desktop and phone widths, each checked by axe. */
async function screenshots(page: Page, name: string) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(2_000); // ResponsiveContainer redraws after a resize
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `docs/screenshots/overview-${name}-${width}.png`, fullPage: true });
  }
}

test.describe('Whose move it is, from the overview', () => {
  test('An analyst answers "whose move" for this week in one click from the overview', async ({
    page,
    loginAs,
    overview,
    installations,
  }) => {
    test.setTimeout(120_000); // two widths of screenshots and axe scans, then the list
    await loginAs(ANALYST);
    // Signing in lands on the overview, which opens on the current Migration Week.
    await expect(overview.weeks.getByRole('link', { name: 'This week' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(overview.failuresByOwner).toBeVisible();
    await screenshots(page, 'analyst');
    await page.setViewportSize({ width: 1440, height: 900 });
    const row = overview.failuresByOwner.locator('tbody tr').first();
    const owner = (await row.locator('th').innerText()).trim();
    const link = row.getByTestId('owner-count');
    const count = digits(await link.innerText());
    expect(count).toBeGreaterThan(0);

    await Promise.all([page.waitForURL(/\/installations\?/, { timeout: 60_000 }), link.click()]);
    const url = new URL(page.url());
    expect(url.searchParams.get('owner')).toBeTruthy();
    expect(url.searchParams.get('weekFrom')).toBe(url.searchParams.get('weekTo'));
    await expect(installations.count).toHaveText(
      new RegExp(`^${count.toLocaleString('en-GB')} installation`),
    );
    const owners = await page.getByTestId('list-next-move-owner').allInnerTexts();
    expect(owners.length).toBe(Math.min(count, 50));
    for (const cell of owners) expect(cell.trim()).toBe(owner);
  });

  test("A supplier's own moves on the overview count what its filtered list shows", async ({
    page,
    loginAs,
    supplierAccounts,
    overview,
    installations,
  }) => {
    test.setTimeout(120_000); // two widths of screenshots and axe scans, three drill-downs
    const [supplier] = await supplierAccounts();
    await loginAs(supplier ?? '');
    await overview.goto('?weeks=all');
    await expect(overview.yourMoves).toBeVisible();
    await screenshots(page, 'supplier');
    await page.setViewportSize({ width: 1440, height: 900 });
    const moves = page.getByTestId('your-moves-table').locator('tbody tr');
    const n = Math.min(await moves.count(), 3);
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const move = moves.nth(i);
      const summary = (await move.locator('th').innerText()).trim();
      await expect(move.getByRole('link', { name: 'CSV' })).toHaveAttribute(
        'href',
        /^\/api\/exports\/installations\?.*move=/,
      );
      const count = digits(await move.getByTestId('move-count').innerText());
      await Promise.all([
        page.waitForURL(/\/installations\?.*move=/, { timeout: 60_000 }),
        move.getByTestId('move-count').click(),
      ]);
      await expect(installations.count).toHaveText(
        new RegExp(`^${count.toLocaleString('en-GB')} installation`),
      );
      for (const cell of await page.getByTestId('list-next-move').allInnerTexts()) {
        expect(cell).toContain('You (Responsible Supplier)');
        expect(cell).toContain(summary);
      }
      await page.goBack();
      await expect(overview.yourMoves).toBeVisible();
    }
  });

  test('Week shortcuts keep the URL short and bad week parameters say what was wrong', async ({
    page,
    loginAs,
    overview,
  }) => {
    test.slow(); // four page loads
    await loginAs(ANALYST);
    await overview.weeks.getByRole('link', { name: 'All weeks' }).click();
    await page.waitForURL(/weeks=all/);
    await expect(overview.weeks).toContainText('all Migration Weeks');
    await overview.weeks.getByRole('link', { name: 'This week' }).click();
    await page.waitForURL((url) => url.pathname === '/' && url.search === '');

    await overview.goto('?weekFrom=2026-11-04');
    await expect(overview.weekProblems).toContainText('2026-11-04 is not a Monday');
    await overview.goto('?weekFrom=2026-11-16&weekTo=2026-11-09');
    await expect(overview.weekProblems).toContainText(
      'The first week 2026-11-16 is after the last week, 2026-11-09',
    );
  });
});
