import type { Page } from '@playwright/test';
import { ANALYST, expect, expectNoAxeViolations, test } from './fixtures';
import { bare, downloadFrom, ReportsPage } from './pages/reports-page';

/** The analyst's filter form lists every supplier: name → party id. */
async function supplierIds(page: Page): Promise<Map<string, string>> {
  await page.goto('/installations');
  const options = page.getByLabel('Supplier', { exact: true }).locator('option');
  const pairs = await options.evaluateAll((os) =>
    os.map((o) => [o.textContent ?? '', (o as HTMLOptionElement).value]),
  );
  return new Map(pairs.filter(([, v]) => v !== '') as [string, string][]);
}

test.describe('Reports and CSV exports', () => {
  test('A supplier downloads Report 2 and every row is one of its own installations', async ({
    page,
    loginAs,
    supplierAccounts,
    shell,
  }) => {
    test.setTimeout(60_000);
    const [supplier] = await supplierAccounts();
    if (!supplier) throw new Error('no demo supplier accounts listed');
    await loginAs(supplier);
    const organisation = (await shell.user.innerText()).split(' · ').pop()?.trim() ?? '';
    const reports = new ReportsPage(page);
    await reports.goto();
    await expect(reports.heading).toBeVisible();
    await expect(page.getByLabel('Supplier', { exact: true })).toHaveCount(0);
    const mine = await reports.download('S1MIG-002', { 'From (London date)': '2026-01-01' });
    expect(mine.bom).toBe(true);
    expect(mine.filename).toMatch(/^mcc-report-2-v1_[A-Z]+_2026-01-01_to_\d{4}-\d{2}-\d{2}\.csv$/);
    expect(mine.header.slice(0, 3)).toEqual(['Failure Time', 'MPAN', 'MPRN']);
    expect(mine.rows.length).toBeGreaterThan(0);
    const period = mine.filename.match(/(\d{4}-\d{2}-\d{2})_to_(\d{4}-\d{2}-\d{2})/)?.slice(1) ?? [];
    await shell.signOut();

    // The MCC's view of the same supplier, through the installations list's own supplier filter.
    await loginAs(ANALYST);
    const id = (await supplierIds(page)).get(organisation);
    if (!id) throw new Error(`no supplier option for ${organisation}`);
    await page.goto(`/installations?supplier=${id}`);
    const own = await downloadFrom(page, page.getByRole('link', { name: 'Download CSV' }));
    const meters = new Set(own.rows.flatMap((r) => [bare(r.MPAN), bare(r.MPRN)]).filter(Boolean));
    for (const row of mine.rows) {
      expect(meters.has(bare(row.MPAN)) || meters.has(bare(row.MPRN)), `${row.MPAN} ${row.MPRN}`).toBe(true);
    }
    await reports.goto();
    const all = await reports.download('S1MIG-002', {
      'From (London date)': period[0] ?? '',
      'To (London date)': period[1] ?? '',
    });
    expect(all.filename).toContain('_all-parties_');
    expect(all.rows.length).toBeGreaterThan(mine.rows.length);
  });

  test('An analyst downloads a filtered installations list and gets exactly the list’s rows', async ({
    page,
    loginAs,
    installations,
  }) => {
    test.setTimeout(45_000);
    await loginAs(ANALYST);
    await installations.goto('?status=failed&groupId=CB&sort=week&dir=asc');
    const count = Number((await installations.count.innerText()).replace(/\D/g, ''));
    expect(count).toBeGreaterThan(0);
    const csv = await downloadFrom(page, page.getByRole('link', { name: 'Download CSV' }));
    expect(csv.filename).toBe('mcc-installations-v1_all-parties_current.csv');
    expect(csv.rows).toHaveLength(count);
    expect(new Set(csv.rows.map((r) => r.Status))).toEqual(new Set(['failed']));
    expect(new Set(csv.rows.map((r) => r.GroupID))).toEqual(new Set(['CB']));
    const weeks = csv.rows.map((r) => r['Migration Week']);
    expect(weeks).toEqual([...weeks].sort());
    const firstOnPage = await installations.column('MPAN');
    expect(bare(csv.rows[0]?.MPAN)).toBe(firstOnPage[0]?.trim() === '—' ? '' : firstOnPage[0]?.trim());
  });

  test('A supplier asking for another supplier’s rows is refused, and a bad date is explained', async ({
    page,
    loginAs,
    supplierAccounts,
    shell,
  }) => {
    test.setTimeout(45_000);
    const [first, second] = await supplierAccounts();
    if (!first || !second) throw new Error('need two demo suppliers');
    await loginAs(ANALYST);
    const ids = await supplierIds(page);
    await shell.signOut();
    await loginAs(first);
    const organisation = (await shell.user.innerText()).split(' · ').pop()?.trim() ?? '';
    const other = [...ids].find(([name]) => name !== organisation)?.[1];
    for (const name of ['report-2', 'report-6', 'report-8', 'report-10', 's1mig-001', 'installations']) {
      const refused = await page.request.get(`/api/exports/${name}?supplier=${other}`);
      expect(refused.status(), name).toBe(403);
      expect(await refused.text()).not.toContain(',');
    }
    const own = await page.request.get(`/api/exports/report-6?supplier=${ids.get(organisation)}&bom=0`);
    expect(own.status()).toBe(200);
    expect(own.headers()['content-disposition']).toMatch(/^attachment; filename="mcc-report-6-v1_[A-Z]+_/);
    expect(own.headers()['content-type']).toBe('text/csv; charset=utf-8; header=present');
    const bad = await page.request.get('/api/exports/report-2?from=2026-02-30');
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toMatch(/from must be a calendar date written YYYY-MM-DD/);
  });

  for (const who of ['an analyst', 'a supplier'] as const) {
    test(`The report catalogue passes an axe scan for ${who} (WCAG 2.2 AA)`, async ({
      page,
      loginAs,
      supplierAccounts,
    }) => {
      test.setTimeout(30_000);
      const [supplier] = await supplierAccounts();
      await loginAs(who === 'an analyst' ? ANALYST : (supplier ?? ''));
      const reports = new ReportsPage(page);
      await reports.goto();
      await expect(reports.report('S1MIG-006')).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});
