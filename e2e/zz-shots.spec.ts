import { ANALYST, expect, test } from './fixtures';

test.describe.configure({ timeout: 120_000 });
test('screenshots of the incident desk', async ({ page, loginAs, supplierAccounts }) => {
  await loginAs(ANALYST);
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/incidents');
    await expect(page.getByTestId('incident-queue')).toBeVisible();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `docs/screenshots/incidents-queue-${width}.png`, fullPage: true });
    await page.getByTestId('incident-queue').locator('tbody tr').first().getByRole('link').first().click();
    await page.waitForURL(/\/incidents\/\d+$/);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `docs/screenshots/incidents-incident-${width}.png`, fullPage: true });
    await page.goto('/incidents/new');
    await page.getByLabel('MEHRS scenario').selectOption('2.6.5');
    await page.waitForTimeout(500);
    await page.screenshot({ path: `docs/screenshots/incidents-raise-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await expect(page.getByTestId('incidents-by-owner')).toBeVisible();
  await page.waitForTimeout(2000);
  await page.getByTestId('incidents-by-owner').screenshot({ path: 'docs/screenshots/incidents-overview-panel.png' });
  const [supplier] = await supplierAccounts();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/login');
  await loginAs(supplier ?? '');
  await page.goto('/incidents');
  await expect(page.getByTestId('incident-queue')).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/incidents-queue-supplier-1440.png', fullPage: true });
});
