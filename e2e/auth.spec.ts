import { ANALYST, expect, expectNoAxeViolations, test } from './fixtures';

test.describe('Signing in and out', () => {
  test('An analyst signs in, sees the shell with their role, and signs out', async ({
    page,
    loginAs,
    shell,
  }) => {
    await loginAs(ANALYST);
    await expect(shell.user).toContainText('MCC analyst');
    for (const area of ['Overview', 'Installations', 'Incidents', 'Dormant triage', 'Demand', 'Reports']) {
      await expect(shell.navLink(area)).toBeVisible();
    }
    await expectNoAxeViolations(page);
    await shell.signOut();
    await page.goto('/installations');
    await expect(page).toHaveURL(/\/login/);
  });

  test('A supplier user signs in and sees its own organisation, and no MCC-only areas', async ({
    loginAs,
    supplierAccounts,
    shell,
  }) => {
    const [supplier] = await supplierAccounts();
    if (!supplier) throw new Error('no demo supplier accounts listed');
    await loginAs(supplier);
    await expect(shell.user).toContainText('Supplier user');
    await expect(shell.user).toContainText(' · ');
    await expect(shell.navLink('Dormant triage')).toHaveCount(0);
  });

  test('A wrong password shows an error without revealing whether the account exists', async ({
    page,
    loginPage,
  }) => {
    await loginPage.signIn(ANALYST, 'not-the-password');
    await expect(loginPage.error).toBeVisible();
    await expect(loginPage.email).toHaveValue(ANALYST);
    const forKnownAccount = await loginPage.error.innerText();
    await loginPage.signIn('nobody@example.com', 'not-the-password');
    await expect(loginPage.error).toBeVisible();
    expect(await loginPage.error.innerText()).toBe(forKnownAccount);
    expect(forKnownAccount).toBe('The email address or password is incorrect.');
    await expect(page).toHaveURL(/\/login/);
    await expectNoAxeViolations(page);
  });

  test('Pages refuse to be framed and the session cookie is HttpOnly and SameSite', async ({
    page,
    context,
    loginAs,
  }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto('/login');
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    await loginAs(ANALYST);
    // The nonce reaches Next's own scripts: the signed-in page hydrates and nothing was blocked.
    await page.getByRole('button', { name: 'Pause updates' }).click();
    await expect(page.getByRole('button', { name: 'Resume updates' })).toBeVisible();
    expect(violations).toEqual([]);
    const session = (await context.cookies()).find((c) => c.name.includes('session_token'));
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  test('A session cookie is worthless after signing out', async ({ page, context, loginAs, shell }) => {
    await loginAs(ANALYST);
    const cookies = await context.cookies();
    await shell.signOut();
    await context.addCookies(cookies);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
  });

  test('The shell works with the keyboard alone', async ({ page, loginAs }) => {
    await loginAs(ANALYST);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Installations' }),
    ).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/installations$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Installations' })).toBeVisible();
  });
});

test.describe('Managing users', () => {
  test('An admin adds a supplier user who can then sign in and sees only that supplier', async ({
    page,
    loginAs,
    shell,
    loginPage,
  }) => {
    await loginAs('admin@mcc.demo');
    await shell.navLink('Users').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    await expectNoAxeViolations(page);
    const form = page.getByRole('form', { name: 'Add a user' });
    const email = `new-user-${Date.now()}@example.com`;
    await form.getByLabel('Name').fill('New Supplier User');
    await form.getByLabel('Email address').fill(email);
    await form.getByLabel('Role').selectOption('supplier');
    const supplier = form.getByLabel('Supplier');
    await supplier.selectOption({ index: 1 });
    const supplierName = (await supplier.locator('option:checked').innerText()).trim();
    await form.getByLabel('Initial password').fill('short');
    await form.getByRole('button', { name: 'Add user' }).click();
    await expect(form.getByText('Use at least 12 characters.')).toBeVisible();
    // A refused form comes back filled in, except the password, which is never echoed.
    await expect(form.getByLabel('Name')).toHaveValue('New Supplier User');
    await expect(form.getByLabel('Email address')).toHaveValue(email);
    await expect(form.getByLabel('Initial password')).toHaveValue('');
    await form.getByLabel('Initial password').fill('a-long-enough-password');
    await form.getByRole('button', { name: 'Add user' }).click();
    await expect(form.getByText('User created')).toBeVisible();
    await expect(page.getByTestId('users')).toContainText(email);
    await shell.signOut();

    await loginPage.signIn(email, 'a-long-enough-password');
    await expect(shell.user).toContainText(supplierName);
  });

  test('An analyst cannot reach user management', async ({ page, loginAs, shell }) => {
    await loginAs(ANALYST);
    await expect(shell.navLink('Users')).toHaveCount(0);
    const response = await page.goto('/admin/users');
    expect(response?.status()).toBe(404);
  });
});
