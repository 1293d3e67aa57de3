import type { Page } from '@playwright/test';
import { ADMIN, ANALYST, expect, expectNoAxeViolations, test } from './fixtures';
import { LoginPage } from './pages/login-page';

/** Fills the admin's "Add a user" form for an analyst account (it is not submitted). */
async function fillNewAnalyst(page: Page, email: string, password: string) {
  const form = page.getByRole('form', { name: 'Add a user' });
  await form.getByLabel('Name').fill('Test Analyst');
  await form.getByLabel('Email address').fill(email);
  await form.getByLabel('Role').selectOption('analyst');
  await form.getByLabel('Initial password').fill(password);
  return form.getByRole('button', { name: 'Add user' });
}

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

  test('A server action posted from another site is refused by Next.js and changes nothing', async ({
    page,
    loginAs,
  }) => {
    await loginAs(ADMIN);
    await page.goto('/admin/users');
    const sent: { origin: string; status: number }[] = [];
    // The browser's own POST, replayed with the Origin a cross-site form would carry; the control keeps ours.
    let origin = '';
    await page.route('**/admin/users', async (route) => {
      const request = route.request();
      if (request.method() !== 'POST') return route.continue();
      const headers = { ...(await request.allHeaders()), ...(origin ? { origin } : {}) };
      const response = await route.fetch({ headers });
      sent.push({ origin: headers.origin ?? '', status: response.status() });
      await route.fulfill({ response });
    });
    const control = `control-${Date.now()}@example.com`;
    await (await fillNewAnalyst(page, control, 'a-long-enough-password')).click();
    await expect(page.getByTestId('users')).toContainText(control);

    origin = 'https://evil.example';
    const forged = `forged-${Date.now()}@example.com`;
    await page.goto('/admin/users');
    await (await fillNewAnalyst(page, forged, 'a-long-enough-password')).click();
    await expect.poll(() => sent.length).toBe(2);
    await page.unroute('**/admin/users');
    expect(sent[0]?.status).toBe(200);
    expect(sent[1]?.origin).toBe('https://evil.example');
    expect(sent[1]?.status).toBeGreaterThanOrEqual(400);
    await page.goto('/admin/users');
    await expect(page.getByTestId('users')).toContainText(control);
    await expect(page.getByTestId('users')).not.toContainText(forged);
  });

  test('Disabling a user ends its open session at once; the admin sees its sign-ins and refusals', async ({
    page,
    browser,
    loginAs,
  }) => {
    await loginAs(ADMIN);
    await page.goto('/admin/users');
    const email = `disabled-${Date.now()}@example.com`;
    await (await fillNewAnalyst(page, email, 'a-long-enough-password')).click();
    await expect(page.getByTestId('users')).toContainText(email);

    const theirs = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const theirPage = await theirs.newPage();
    const theirLogin = new LoginPage(theirPage);
    await theirLogin.signIn(email, 'not-their-password');
    await expect(theirLogin.error).toBeVisible();
    await theirLogin.signIn(email, 'a-long-enough-password');
    await expect(theirPage.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 15_000 });

    await page.getByRole('button', { name: `Disable ${email}` }).click();
    await expect(page.getByRole('button', { name: `Enable ${email}` })).toBeVisible();
    await theirPage.goto('/installations');
    await expect(theirPage).toHaveURL(/\/login/);
    await theirLogin.signIn(email, 'a-long-enough-password');
    await expect(theirLogin.error).toHaveText('The email address or password is incorrect.');
    await theirs.close();

    await page.goto('/admin/users');
    const events = page.getByTestId('access-events');
    for (const event of ['Sign-in failed', 'Signed in']) {
      await expect(
        events.getByRole('row').filter({ hasText: email }).filter({ hasText: event }).first(),
      ).toBeVisible();
    }
    await expectNoAxeViolations(page);
  });

  test('An analyst cannot reach user management', async ({ page, loginAs, shell }) => {
    await loginAs(ANALYST);
    await expect(shell.navLink('Users')).toHaveCount(0);
    const response = await page.goto('/admin/users');
    expect(response?.status()).toBe(404);
  });
});
