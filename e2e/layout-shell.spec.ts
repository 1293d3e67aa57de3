import { ADMIN, ANALYST, DEMO_PASSWORD, expect, test } from './fixtures';

test.describe('Small things users notice', () => {
  test('A deep link survives sign-in: the reader lands on the page they opened', async ({
    page,
    loginPage,
  }) => {
    await page.goto('/installations/123?from=mail');
    await expect(page).toHaveURL(/\/login\?next=/);
    await loginPage.email.fill(ANALYST);
    await loginPage.password.fill(DEMO_PASSWORD);
    await loginPage.submit.click();
    await page.waitForURL('**/installations/123?from=mail');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('An address of another site is never where sign-in sends the reader', async ({ page, loginPage }) => {
    await page.goto(`/login?next=${encodeURIComponent('//evil.example/x')}`);
    await loginPage.email.fill(ANALYST);
    await loginPage.password.fill(DEMO_PASSWORD);
    await loginPage.submit.click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  });

  test('An unknown address and a refused area keep the shell and a way back', async ({
    page,
    loginAs,
    shell,
    supplierAccounts,
  }) => {
    await loginAs(ANALYST);
    const response = await page.goto('/no-such-area/at-all');
    expect(response?.status()).toBe(404);
    await expect(shell.nav).toBeVisible();
    await expect(page.getByRole('heading', { name: 'This page could not be found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to the overview' }).click();
    await page.waitForURL((url) => url.pathname === '/');

    await shell.signOut();
    const [supplier] = await supplierAccounts();
    if (!supplier) throw new Error('no demo supplier accounts listed');
    await loginAs(supplier);
    const refused = await page.goto('/triage');
    expect(refused?.status()).toBe(404);
    await expect(shell.nav).toBeVisible();
    await expect(page.getByRole('link', { name: 'Go to the overview' })).toBeVisible();
  });

  test('Tab titles name the installation by its MPAN and the incident by its reference', async ({
    page,
    loginAs,
    installations,
  }) => {
    await loginAs(ANALYST);
    await installations.goto();
    await installations.openRow();
    const meter = (await page.getByRole('heading', { level: 1 }).innerText()).match(/\d{6,13}/)?.[0];
    expect(meter).toBeDefined();
    await expect(page).toHaveTitle(new RegExp(`^Installation ${meter} · `));

    await page.goto('/incidents?status=all');
    const incident = page
      .locator('main a[href^="/incidents/"]')
      .filter({ hasText: /^INC-\d+$/ })
      .first();
    const reference = await incident.innerText();
    await incident.click();
    await expect(page).toHaveTitle(new RegExp(`^${reference} · `));
  });

  test('Deleting a user asks first, naming the user; cancelling keeps them', async ({ page, loginAs }) => {
    await loginAs(ADMIN);
    await page.goto('/admin/users');
    const users = page.getByTestId('users');
    await users.getByRole('button', { name: `Delete ${ANALYST}` }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading')).toContainText(ANALYST);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(users).toContainText(ANALYST);
    await expect(users).toContainText('MCC analyst');
  });
});
