import type { Browser, Page } from '@playwright/test';
import { ADMIN, ANALYST, DEMO_PASSWORD, expect, expectNoAxeViolations, test } from './fixtures';
import { IncidentPage, IncidentQueuePage, RaiseIncidentPage } from './pages/incident-pages';
import { InstallationsPage } from './pages/installations-page';
import { LoginPage } from './pages/login-page';
import { Shell } from './pages/shell';

/** A signed-in page in its own browser context (a second person at another desk). */
async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' })).newPage();
  await new LoginPage(page).signIn(email, DEMO_PASSWORD);
  await expect(new Shell(page).signOutButton).toBeVisible({ timeout: 15_000 });
  return page;
}

async function organisationOf(page: Page): Promise<string> {
  return (await new Shell(page).user.innerText()).split(' · ').pop()?.trim() ?? '';
}

/** MPANs of installations whose only supplier is `supplier` (or, with `not`, any other single supplier). */
async function metersOf(page: Page, count: number, match: (suppliers: string) => boolean): Promise<string[]> {
  const list = new InstallationsPage(page);
  await list.goto('?type=active-only&status=failed');
  await expect(list.rows.first()).toBeVisible();
  const suppliers = await list.column('Supplier(s)');
  const mpans = await list.column('MPAN');
  return mpans.filter((m, i) => /^\d{13}$/.test(m) && match(suppliers[i] ?? '')).slice(0, count);
}

async function raise(page: Page, section: string, meters: string[]): Promise<string> {
  const form = new RaiseIncidentPage(page);
  await form.goto();
  await form.chooseScenario(section);
  await form.linkMeters(meters);
  return form.raise();
}

test.describe('Incident desk', () => {
  // Multi-step stories with axe scans on a shared 2-core machine: longer than the default 15 s.
  test.describe.configure({ timeout: 60_000 });

  test('An analyst raises a 2.4.1 incident with linked installations, holds and resumes it, resolves it and sees the backlog order', async ({
    page,
    loginAs,
    raiseIncident,
    incidentPage,
    incidentQueue,
  }) => {
    await loginAs(ANALYST);
    const meters = await metersOf(page, 3, () => true);
    await raiseIncident.goto();
    await raiseIncident.chooseScenario('2.4.1');
    await expect(page.getByTestId('raise-outcome')).toContainText('assigned to Requesting Party');
    await expect(page.getByTestId('raise-outcome')).toContainText('priority-flagged first');
    await raiseIncident.linkMeters(meters);
    await expect(page.getByTestId('interested-preview')).toContainText('Interested Parties:');
    const id = await raiseIncident.raise();

    await expect(page.getByTestId('owner')).toContainText('managed by the Migration Control Centre');
    await expect(page.getByTestId('affected')).toContainText(`(${meters.length})`);
    await expect(incidentPage.status).toHaveText('New');

    await incidentPage.move('Put on hold', 'Waiting for the Requesting Party');
    await expect(incidentPage.status).toHaveText('On hold');
    await expect(incidentPage.clock).toContainText('clock paused while on hold');
    await incidentPage.move('Resume');
    await expect(incidentPage.status).toHaveText('In progress');
    await expect(incidentPage.clock).not.toContainText('clock paused');
    await expect(incidentPage.history).toContainText('On hold: Waiting for the Requesting Party');

    await incidentPage.move('Mark resolved');
    await expect(incidentPage.status).toHaveText('Resolved');
    const backlog = page.getByTestId('backlog');
    await expect(backlog).toContainText('priority-flagged installations first, then in order of receipt');
    await expect(page.getByTestId('backlog-order').locator('li')).toHaveCount(meters.length);

    const reference = (await page.locator('h1').innerText()).match(/INC-\d{6}/)?.[0] ?? '';
    await incidentQueue.goto('?status=all&scenario=2.4.1&sort=raised');
    await expect(incidentQueue.row(reference)).toBeVisible();
    expect(await incidentQueue.cell(reference, 'Status')).toBe('Resolved');
    expect(id).toMatch(/^\d+$/);
  });

  test('A scenario MEHRS handles by reason codes alone creates no record; 2.5.2 becomes a communication', async ({
    page,
    loginAs,
    raiseIncident,
  }) => {
    await loginAs(ANALYST);
    await raiseIncident.goto();
    await raiseIncident.chooseScenario('2.6.2');
    await expect(page.getByTestId('raise-outcome')).toContainText('raises no Incident');
    await expect(raiseIncident.form.getByRole('button', { name: /^Raise / })).toHaveCount(0);
    await raiseIncident.chooseScenario('2.5.2');
    await expect(page.getByTestId('raise-outcome')).toContainText('not an Incident');
    await expect(
      raiseIncident.form.getByRole('button', { name: 'Raise smso/csp communication' }),
    ).toBeVisible();
  });

  test('Two analysts edit the same incident: the second is told who changed it, and nothing is lost', async ({
    page,
    browser,
    loginAs,
    incidentPage,
  }) => {
    await loginAs(ANALYST);
    const id = await raise(page, '2.4.3', await metersOf(page, 1, () => true));
    const other = await signedIn(browser, ADMIN);
    const otherIncident = new IncidentPage(other);
    await otherIncident.goto(id);
    await incidentPage.goto(id);

    await incidentPage.addNote('Chased the S1SP by phone');
    await expect(incidentPage.notes).toContainText('Chased the S1SP by phone');

    await otherIncident.addNote('Second analyst’s note');
    await expect(otherIncident.error).toContainText(/^Changed by MCC Analyst at .+: reload to see it\.$/);
    await expect(other.getByLabel('Note', { exact: true })).toHaveValue('Second analyst’s note');
    await other.reload();
    await otherIncident.addNote('Second analyst’s note');
    await expect(otherIncident.notes).toContainText('Second analyst’s note');
    await expect(otherIncident.notes).toContainText('Chased the S1SP by phone');
    await other.context().close();
  });

  test('A supplier sees only supplier-visible notes and its own counts, and a 404 for an incident it is not party to', async ({
    page,
    browser,
    loginAs,
    supplierAccounts,
    incidentPage,
  }) => {
    // Three people sign in: the longest story here.
    test.setTimeout(120_000);
    const accounts = await supplierAccounts();
    const [mine, outsider] = [accounts[0], accounts.at(-1)];
    if (!mine || !outsider) throw new Error('no demo supplier accounts listed');
    const supplier = await signedIn(browser, mine);
    const stranger = await signedIn(browser, outsider);
    const [myName, strangerName] = [await organisationOf(supplier), await organisationOf(stranger)];

    await loginAs(ANALYST);
    const ownMeter = await metersOf(page, 1, (s) => s === myName);
    const otherMeter = await metersOf(
      page,
      1,
      (s) => !!s && !s.includes('/') && s !== myName && s !== strangerName,
    );
    const otherName = (await page.getByTestId('suppliers').allInnerTexts()).find(
      (s) => !s.includes('/') && s !== myName && s !== strangerName,
    );
    const id = await raise(page, '2.5.6', [...ownMeter, ...otherMeter]);
    await incidentPage.addNote('Internal: the RP is short-staffed');
    await expect(incidentPage.notes).toContainText('short-staffed');
    await incidentPage.addNote('The Requesting Party is regenerating the MGF', { forSuppliers: true });
    await expect(incidentPage.notes).toContainText('regenerating the MGF');
    const reference = (await page.locator('h1').innerText()).match(/INC-\d{6}/)?.[0] ?? '';

    const queue = new IncidentQueuePage(supplier);
    await queue.goto('?scenario=2.5.6');
    await expect(queue.row(reference)).toBeVisible();
    expect(await queue.cell(reference, 'Affected installations')).toBe('1');
    expect(await queue.cell(reference, 'Interested Parties')).toBe(myName);
    await supplier.goto(`/incidents/${id}`);
    await expect(supplier.getByTestId('incident-notes')).toContainText('regenerating the MGF');
    await expect(supplier.getByTestId('incident-notes')).not.toContainText('short-staffed');
    await expect(supplier.getByTestId('affected')).toContainText('(1)');
    if (otherName) await expect(supplier.locator('main')).not.toContainText(otherName);
    await expect(supplier.getByRole('form', { name: 'Status' })).toHaveCount(0);

    await stranger.goto(`/incidents/${id}`);
    await expect(stranger.getByRole('heading', { name: 'Incident not found' })).toBeVisible();
    const [theirs, missing] = await Promise.all([
      stranger.request.get(`/api/incidents/${id}`),
      stranger.request.get('/api/incidents/99999999'),
    ]);
    expect(theirs.status()).toBe(404);
    expect(await theirs.text()).toBe(await missing.text());
    await supplier.context().close();
    await stranger.context().close();
  });

  test('The installations list raises an incident for the installations its filter shows', async ({
    page,
    loginAs,
  }) => {
    await loginAs(ANALYST);
    await page.goto('/installations?status=failed&code=12.9.1.ET01');
    const link = page.getByRole('link', { name: /^Raise an incident for these [\d,]+ installations$/ });
    const count = (await link.innerText()).match(/[\d,]+/)?.[0] ?? '';
    await link.click();
    await expect(page.getByTestId('from-filter')).toHaveCount(0);
    await page.getByLabel('MEHRS scenario').selectOption('2.6.6');
    await expect(page.getByTestId('from-filter')).toContainText(`Linking the ${count} installations`);
  });

  test('The overview shows incidents by owner, linking into the queue', async ({ page, loginAs }) => {
    await loginAs(ANALYST);
    await page.goto('/');
    const panel = page.getByTestId('incidents-by-owner');
    await expect(panel).toBeVisible();
    await panel.getByRole('link', { name: 'Requesting Party' }).click();
    await page.waitForURL(/\/incidents\?owner=rp/);
    await expect(page.getByRole('link', { name: /Requesting Party/ }).first()).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  for (const [name, path] of [
    ['The incident queue', '/incidents'],
    ['The raise-an-incident form', '/incidents/new'],
  ] as const) {
    test(`${name} passes an axe scan (WCAG 2.2 AA)`, async ({ page, loginAs }) => {
      await loginAs(ANALYST);
      await page.goto(path);
      await expect(page.locator('h1')).toBeVisible();
      if (path === '/incidents/new') await page.getByLabel('MEHRS scenario').selectOption('2.6.5');
      await expectNoAxeViolations(page);
    });
  }

  test('An incident page passes an axe scan (WCAG 2.2 AA)', async ({ page, loginAs, incidentQueue }) => {
    await loginAs(ANALYST);
    await incidentQueue.goto();
    await incidentQueue.rows.first().getByRole('link').first().click();
    await page.waitForURL(/\/incidents\/\d+$/);
    await expect(page.getByTestId('incident-clock')).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
