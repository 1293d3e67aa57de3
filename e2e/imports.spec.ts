import fs from 'node:fs';
import path from 'node:path';
import { ANALYST, expect, expectNoAxeViolations, test } from './fixtures';
import { ImportsPage } from './pages/imports-page';

const BAD_MAS = path.resolve('docs/samples/authorisations-bad.csv');

/** The MPAN of a data row (1-based among data rows) of a Migration Authorisation file. */
function mpanOf(csvText: string, row: number): string {
  return csvText.trim().split('\n')[row]?.split(',')[3] ?? '';
}

test.describe('Submitting files', () => {
  test.setTimeout(90_000);
  // The first request to a cold server compiles and warms it; the sign-in that follows then keeps to its timeout.
  test.beforeAll(async ({ request }) => {
    await request.get('/login', { timeout: 60_000 });
  });

  test('An analyst uploads an MA file with three bad rows, sees each by line, and nothing changes', async ({
    page,
    loginAs,
    installations,
  }) => {
    const imports = new ImportsPage(page);
    await loginAs(ANALYST);
    // An installation named on a good line of the bad file: its timeline must not change.
    const mpan = mpanOf(fs.readFileSync(BAD_MAS, 'utf8'), 1);
    await installations.goto(`?q=${mpan}`);
    const found = (await installations.rows.count()) > 0;
    let eventsBefore = 0;
    if (found) {
      await installations.openRow();
      eventsBefore = await page.getByTestId('timeline').locator('li').count();
    }
    await imports.goto();
    await imports.upload('Migration Authorisations', BAD_MAS);
    await expect(imports.result).toContainText('Rejected: nothing changed');
    await expect(imports.counts).toHaveText('Rows parsed 7 = accepted 4 + rejected 3.');
    const problems = await imports.problemRows();
    expect(problems.map(([line, column]) => [line, column])).toEqual([
      ['3', 'mpan'],
      ['5', 'migrate_on'],
      ['7', 'sec_party_id'],
    ]);
    await expect(imports.history.locator('tbody tr').first()).toContainText('Rejected');
    if (found) {
      await installations.goto(`?q=${mpan}`);
      await installations.openRow();
      await expect(page.getByTestId('timeline').locator('li')).toHaveCount(eventsBefore);
    }
  });

  test('A supplier uploads its own good MAs and sees them on the installation timeline and in the history', async ({
    page,
    loginAs,
    supplierAccounts,
    installations,
  }, testInfo) => {
    const imports = new ImportsPage(page);
    const [supplier] = await supplierAccounts();
    await loginAs(supplier ?? '');
    await imports.goto();
    // A supplier may only submit Migration Authorisations.
    await expect(imports.kind.locator('option')).toHaveText(['Migration Authorisations']);
    const sample = await imports.downloadSample('authorisations');
    const rows = sample.trim().split('\n').length - 1;
    expect(rows).toBeGreaterThan(0);
    const file = testInfo.outputPath('my-mas.csv');
    fs.writeFileSync(file, sample);
    await imports.upload('Migration Authorisations', file);
    await expect(imports.result).toContainText('Applied');
    await expect(imports.counts).toHaveText(`Rows parsed ${rows} = accepted ${rows} + rejected 0.`);
    await expect(imports.history.locator('tbody tr').first()).toContainText('my-mas.csv');

    // Submitted again: already imported, nothing changes.
    await imports.upload('Migration Authorisations', file);
    await expect(imports.result).toContainText('Already imported');

    const sec = sample.trim().split('\n')[1]?.split(',')[0] ?? '';
    await installations.goto(`?q=${mpanOf(sample, 1)}`);
    await installations.openRow();
    await expect(page.getByTestId('timeline')).toContainText(`Migration Authorisation from ${sec}`);

    // Another supplier's SEC party id: the whole file is refused.
    const forged = sample.replaceAll(`\n${sec},`, '\nZZZZ,');
    fs.writeFileSync(file, forged);
    await imports.goto();
    await imports.upload('Migration Authorisations', file);
    await expect(imports.result).toContainText('Rejected: nothing changed');
    await expect(imports.problems).toContainText('sec_party_id');
  });

  test('The imports page and a rejected file’s report, at desktop and phone widths (screenshots)', async ({
    page,
    loginAs,
  }) => {
    await loginAs(ANALYST);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/imports');
      await expect(page.getByTestId('import-history')).toBeVisible();
      await page.screenshot({ path: `docs/screenshots/imports-${width}.png`, fullPage: true });
      await page.getByTestId('import-history').getByRole('link').last().click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Import #');
      await page.screenshot({ path: `docs/screenshots/imports-report-${width}.png`, fullPage: true });
    }
  });

  test('The imports page passes an axe scan (WCAG 2.2 AA)', async ({ page, loginAs }) => {
    await loginAs(ANALYST);
    await page.goto('/imports');
    await expect(page.getByRole('heading', { name: 'Imports', level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
