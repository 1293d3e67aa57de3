import { ANALYST, expect, expectNoAxeViolations, test } from './fixtures';
import { InstallationDetailPage } from './pages/installation-detail-page';

test.describe('The next move is written for its reader (MEHRS section 2 and 4, MAM v4)', () => {
  test('A split-supply failure read by each of its two suppliers shows each its own move', async ({
    page,
    loginAs,
    supplierAccounts,
    shell,
    installations,
  }) => {
    test.setTimeout(120_000);
    const detail = new InstallationDetailPage(page);
    const accounts = await supplierAccounts();
    // Find a failed split supply through the UI: a row whose other supplier is masked.
    let first: string | undefined;
    let id = '';
    for (const account of accounts) {
      await loginAs(account);
      await installations.goto('?status=failed&type=active-only');
      const suppliers = await installations.column('Supplier(s)');
      const index = suppliers.findIndex((s) => s.includes('Other supplier'));
      if (index >= 0) {
        first = account;
        id = await installations.openRow(index);
        break;
      }
      await shell.signOut();
    }
    if (!first) throw new Error('no failed split-supply installation in the demo data');

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
      await loginAs(account);
      if ((await detail.goto(id)) === 200) {
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
    loginAs,
    installations,
  }) => {
    const detail = new InstallationDetailPage(page);
    await loginAs(ANALYST);
    await installations.goto('?status=failed&type=active-dormant&code=12.9.1.ET01');
    await expect(installations.rows.first()).toBeVisible();
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
