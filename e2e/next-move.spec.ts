import type { Page } from '@playwright/test';
import { ANALYST, DEMO_PASSWORD, expect, expectNoAxeViolations, test } from './fixtures';
import { InstallationDetailPage } from './pages/installation-detail-page';

/** Signs in and lands on `next` (the first render after a sign-in is slow on a loaded machine). */
async function signInTo(page: Page, email: string, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 30_000 });
}

test.describe('The next move is written for its reader (MEHRS section 2 and 4, MAM v4)', () => {
  test('A split-supply failure read by each of its two suppliers shows each its own move', async ({
    page,
    supplierAccounts,
    shell,
    installations,
  }) => {
    test.setTimeout(300_000);
    const detail = new InstallationDetailPage(page);
    const accounts = await supplierAccounts();
    // Find a failed split supply through the analyst's list (a supplier's own list has no supplier column): a row
    // naming two Responsible Suppliers.
    let id = '';
    await signInTo(page, ANALYST, '/installations?status=failed&type=active-only');
    for (let pageNo = 0; pageNo < 10 && !id; pageNo++) {
      await expect(installations.rows.first()).toBeVisible();
      const index = (await installations.column('Supplier(s)')).findIndex((s) => s.includes(' / '));
      if (index >= 0) {
        id = await installations.openRow(index);
        break;
      }
      const next = page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next page' });
      if ((await next.count()) === 0) break;
      const before = page.url();
      await next.click();
      await page.waitForURL((url) => url.toString() !== before);
    }
    if (!id) throw new Error('no failed split-supply installation in the demo data');
    await shell.signOut();
    // The first supplier: the first account that may open it.
    let first: string | undefined;
    for (const account of accounts) {
      await signInTo(page, account, `/installations/${id}`);
      if (await detail.owner.isVisible()) {
        first = account;
        break;
      }
      await shell.signOut();
    }
    if (!first) throw new Error('no supplier account may open the split supply');

    await expect(detail.owner).toHaveCount(1);
    const firstMove = (await detail.action.innerText()).trim();
    expect(firstMove).not.toMatch(/agree with the other/i);
    // The authorisations name the reader's own MAs, mask the other supplier's, and name the DCC's.
    for (const party of await detail.authorisingParties()) {
      expect(party).toMatch(/\(you\)|^Other supplier|Data Communications Company/);
    }
    await detail.screenshots('next-move-split-supplier-1');
    await expectNoAxeViolations(page);
    await shell.signOut();

    // The other supplier: the one account, other than the first, that may open the installation.
    let second: string | undefined;
    for (const account of accounts.filter((a) => a !== first)) {
      await signInTo(page, account, `/installations/${id}`);
      if (await detail.owner.isVisible()) {
        second = account;
        break;
      }
      await shell.signOut();
    }
    if (!second) throw new Error('the split supply has no second supplier account');
    await expect(detail.owner).toHaveCount(1);
    const secondMove = (await detail.action.innerText()).trim();
    expect(secondMove).not.toMatch(/agree with the other/i);
    // Each reads its own side: the moves name each supplier's own meter.
    const mine = (move: string) => (move.match(/your (MPAN|MPRN)/g) ?? []).join(',');
    expect(mine(firstMove)).not.toBe(mine(secondMove));
    await expect(detail.authorisations.or(page.getByText('None received.'))).toBeVisible();
    await detail.screenshots('next-move-split-supplier-2');
  });

  test('An Active/Dormant failure shows one owner, the MCC, whose action is the MCC’s (MEHRS 4.2)', async ({
    page,
    installations,
  }) => {
    test.setTimeout(90_000);
    const detail = new InstallationDetailPage(page);
    await signInTo(page, ANALYST, '/installations?status=failed&type=active-dormant&code=12.9.1.ET01');
    await expect(installations.rows.first()).toBeVisible({ timeout: 15_000 });
    const owners = await installations.column('Next move');
    for (const owner of owners) expect(owner).toContain('Migration Control Centre');
    await installations.openRow();
    await expect(detail.owner).toHaveCount(1);
    await expect(detail.owner).toHaveText('Next move: Migration Control Centre');
    await expect(detail.action).toContainText(/MEHRS 4\.2/);
    await expect(detail.scenario).toContainText('MEHRS 2.6.2');
    await expect(page.getByTestId('triage-state')).toBeVisible();
    await detail.screenshots('next-move-active-dormant');
  });
});
