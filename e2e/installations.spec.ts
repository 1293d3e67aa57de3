import { ANALYST, expect, expectNoAxeViolations, test } from './fixtures';
import { downloadFrom } from './pages/reports-page';

test.describe('Installations by stage and failure', () => {
  test('An analyst drills from a failure-code bar to the filtered list, to a timeline and back', async ({
    page,
    loginAs,
    overview,
    installations,
  }) => {
    await loginAs(ANALYST);
    await overview.goto();
    await expect(overview.failuresByCode).toBeVisible();
    const code = await overview.topFailureCode();
    await overview.clickFirstFailureBar();
    await page.waitForURL(/\/installations\?/);
    expect(new URL(page.url()).searchParams.get('code')).toBe(code);
    expect(new URL(page.url()).searchParams.get('status')).toBe('failed');
    await expect(installations.rows.first()).toBeVisible();
    for (const cell of await installations.column('Last code')) expect(cell).toContain(code);
    for (const cell of await installations.column('Status')) expect(cell).toBe('Failed');

    const listUrl = page.url();
    await installations.openRow();
    await expect(page.getByTestId('timeline')).toContainText(code);
    await expect(page.getByTestId('suggested-action')).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(listUrl);
    await expect(page.getByLabel('Code', { exact: true })).toHaveValue(code);
  });

  test('The overview’s failures this week are the failures that happened in the week', async ({
    page,
    loginAs,
    overview,
    installations,
  }) => {
    await loginAs(ANALYST);
    await overview.goto();
    await expect(overview.weekOutcomes).toBeVisible();
    const digits = (text: string) => Number(text.replace(/\D/g, ''));
    const failed = digits(await overview.thisWeek('Failed').innerText());
    await overview.thisWeek('Failed').click();
    await page.waitForURL(/outcomeWeek=/);
    const params = new URL(page.url()).searchParams;
    expect(params.get('outcome')).toBe('failed');
    expect(params.get('weekFrom')).toBeNull();
    await expect(page.getByTestId('week-meaning')).toContainText('failed during the Migration Week of');
    await expect(installations.count).toBeVisible();
    expect(digits(await installations.count.innerText())).toBe(failed);
  });

  // One test per page: an axe scan of a full page takes seconds on these machines.
  for (const [name, path] of [
    ['The overview', '/'],
    ['A filtered installations list', '/installations?status=failed&code=12.9.1.ET01'],
  ] as const) {
    test(`${name} passes an axe scan (WCAG 2.2 AA)`, async ({ page, loginAs }) => {
      await loginAs(ANALYST);
      await page.goto(path);
      await expect(page.getByRole('table').first()).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test('An installation timeline passes an axe scan (WCAG 2.2 AA)', async ({
    page,
    loginAs,
    installations,
  }) => {
    await loginAs(ANALYST);
    await installations.goto('?status=failed&code=12.9.1.ET01');
    await installations.openRow();
    await expect(page.getByTestId('timeline')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('Suppliers see only their own installations, on every row, with no redundant supplier column', async ({
    page,
    loginAs,
    supplierAccounts,
    shell,
    installations,
  }) => {
    const [supplier] = await supplierAccounts();
    if (!supplier) throw new Error('no demo supplier accounts listed');
    await loginAs(supplier);
    const organisation = (await shell.user.innerText()).split(' · ').pop()?.trim() ?? '';
    await installations.goto('?stage=sim-cutover');
    await expect(installations.rows.first()).toBeVisible();
    // Every row is the supplier's own: the list leaves its name out; the export of the same view names it.
    const headers = await installations.table.locator('thead th').allInnerTexts();
    expect(headers).toContain('MPAN');
    expect(headers).not.toContain('Supplier(s)');
    const csv = await downloadFrom(page, page.getByRole('link', { name: 'Download CSV' }));
    expect(csv.rows.length).toBeGreaterThan(0);
    for (const row of csv.rows)
      expect([row['Electricity Supplier'], row['Gas Supplier']]).toContain(organisation);
    await expect(page.getByLabel('Supplier', { exact: true })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('A supplier opening another supplier’s installation by URL gets the same 404 as a missing one', async ({
    page,
    loginAs,
    supplierAccounts,
    shell,
    installations,
  }) => {
    const [first, second] = await supplierAccounts();
    if (!first || !second) throw new Error('need two demo suppliers');
    // Find one of the first supplier's installations that the second has no part in.
    await loginAs(first);
    // An Active-only installation has one meter, so it is never a split supply the second could share.
    await installations.goto('?type=active-only');
    const id = await installations.openRow();
    await shell.signOut();

    await loginAs(second);
    const foreign = await page.goto(`/installations/${id}`);
    expect(foreign?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Installation not found' })).toBeVisible();
    const missing = await page.goto('/installations/999999999');
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Installation not found' })).toBeVisible();
  });

  test('The filter state survives a reload and can be shared as a URL', async ({
    page,
    loginAs,
    installations,
  }) => {
    await loginAs(ANALYST);
    await installations.goto();
    await installations.filterBy({ GroupID: 'CB', Status: 'failed', Stage: 'sim-cutover' });
    const url = page.url();
    await page.reload();
    await expect(page).toHaveURL(url);
    await expect(page.getByLabel('GroupID', { exact: true })).toHaveValue('CB');
    await expect(page.getByLabel('Status', { exact: true })).toHaveValue('failed');
    await expect(page.getByLabel('Stage', { exact: true })).toHaveValue('sim-cutover');
    for (const cell of await installations.column('GroupID')) expect(cell).toBe('CB');
  });

  test('The live list can be paused and resumed without losing the filters', async ({
    page,
    loginAs,
    installations,
  }) => {
    await loginAs(ANALYST);
    await installations.goto('?status=failed');
    // The control works once React has hydrated the page: wait for the page to settle before pressing it.
    await page.waitForLoadState('networkidle');
    const pause = page.getByRole('button', { name: 'Pause updates' });
    await pause.click();
    await expect(page.getByRole('button', { name: 'Resume updates' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.getByText('updates paused')).toBeVisible();
    // Resuming refreshes at once, with the same filters, and the control says updates are live again.
    const refreshed = page.waitForResponse(
      (response) =>
        response.url().includes('/api/installations?') && response.url().includes('status=failed'),
    );
    await page.getByRole('button', { name: 'Resume updates' }).click();
    expect((await refreshed).status()).toBe(200);
    await expect(page.getByRole('button', { name: 'Pause updates' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await expect(page.getByText('updates paused')).toHaveCount(0);
    await expect(page).toHaveURL(/status=failed/);
  });
});

test('An installation’s timeline links to the incidents that affected it, and back', async ({
  page,
  loginAs,
}) => {
  await loginAs(ANALYST);
  // Whichever incident the queue lists first: the story needs an incident with affected installations, not an id.
  await page.goto('/incidents');
  const firstIncident = page.getByRole('link', { name: /^(INC|COM|SR)-\d+$/ }).first();
  const reference = (await firstIncident.textContent())?.trim() ?? '';
  expect(reference).toMatch(/^(INC|COM|SR)-\d+$/);
  await firstIncident.click();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText(reference);
  await expectNoAxeViolations(page);
  await page
    .getByRole('region', { name: /Affected installations you can see/ })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByTestId('timeline')).toBeVisible();
  await page
    .getByRole('region', { name: 'Incidents that affected it' })
    .getByRole('link', { name: reference })
    .click();
  await expect(heading).toContainText(reference);
});
