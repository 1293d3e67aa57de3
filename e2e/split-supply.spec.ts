import { ANALYST, DEMO_PASSWORD, expect, expectNoAxeViolations, test } from './fixtures';
import type { LoginPage } from './pages/login-page';
import type { Shell } from './pages/shell';

/** Sign-in hashes with argon2id: on a loaded 2-core machine it can take longer than the default expect timeout. */
async function signIn(loginPage: LoginPage, shell: Shell, email: string) {
  await loginPage.signIn(email, DEMO_PASSWORD);
  await expect(shell.signOutButton).toBeVisible({ timeout: 20_000 });
}

// One story told in order: the MCC designates and publishes, then each supplier of the pair reads it.
test.describe.configure({ mode: 'serial' });

const formatWeek = (week: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(`${week}T00:00:00Z`));

let pair: [string, string] | null = null;
let week = '';
const accountOf = new Map<string, string>();

test.describe('Split-supply calendar (MAM)', () => {
  test('An analyst designates a week for a supplier pair and publishes it', async ({
    page,
    loginPage,
    shell,
    supplierAccounts,
    splitSupply,
  }) => {
    test.setTimeout(60_000);
    // Which demo account belongs to which supplier: each account's shell names its organisation.
    const accounts = await supplierAccounts();
    await signIn(loginPage, shell, ANALYST);
    await splitSupply.goto();
    await expect(splitSupply.pairs).toBeVisible();
    const pairs = await splitSupply.pairNames();
    expect(pairs.length).toBeGreaterThan(0);
    const slug = (name: string) => name.split(' ')[0]?.toLowerCase() ?? '';
    pair =
      pairs.find(
        ([a, b]) =>
          accounts.includes(`${slug(a)}@supplier.demo`) && accounts.includes(`${slug(b)}@supplier.demo`),
      ) ?? null;
    if (!pair) throw new Error('no supplier pair with two demo accounts');
    for (const name of pair) accountOf.set(name, `${slug(name)}@supplier.demo`);

    await splitSupply.openPair(pair);
    await expect(splitSupply.plan).toBeVisible();
    week = await splitSupply.designateEarliestWeekForPair('Planned with the pair’s demand (end-to-end test)');
    await expect(splitSupply.designationOutcome).toContainText('designated as drafts', { timeout: 20_000 });
    await splitSupply.publish();
    await expect(splitSupply.publicationOutcome).toContainText('Calendar published', { timeout: 20_000 });
    await page.reload();
    await expect(splitSupply.publications.locator('tbody tr').first()).toContainText('MCC Analyst');
    await expect(splitSupply.plan).toContainText(`${formatWeek(week)} (published)`);
    await shell.signOut();
  });

  for (const side of [0, 1] as const) {
    test(`Supplier ${side + 1} of the pair sees the week and its own status, never the other’s name`, async ({
      page,
      loginPage,
      shell,
      splitSupply,
    }) => {
      test.setTimeout(60_000);
      if (!pair) throw new Error('the planning story did not run');
      const me = pair[side];
      const other = pair[1 - side] as string;
      await signIn(loginPage, shell, accountOf.get(me) as string);
      await splitSupply.goto();
      await expect(splitSupply.supplierCalendar).toBeVisible();
      const weeks = await splitSupply.calendarColumn('Designated Migration Week');
      expect(weeks).toContain(formatWeek(week));
      const own = await splitSupply.calendarColumn('Your MA');
      expect(own.length).toBe(weeks.length);
      for (const cell of own) expect(cell).toMatch(/Received|Not received/);
      await expect(page.locator('body')).not.toContainText(other);
      await expectNoAxeViolations(page);
      if (side === 0) {
        for (const width of [1440, 390]) {
          await page.setViewportSize({ width, height: 900 });
          await page.screenshot({
            path: `docs/screenshots/split-supply-supplier-${width}.png`,
            fullPage: true,
          });
        }
      }
    });
  }

  // FIXME (open, in the closing note): since the demo data agrees with its codes, the 6,000-installation e2e seed
  // holds no installation whose latest failure is MA106, so this story has nothing to open. It must create its own
  // MA106 failure (a completions file through the import) before it can run again; the reading itself is covered
  // by lib/rules/split-supply.test.ts and tests/data/split-supply.test.ts on both engines.
  test.fixme('An MA106 installation’s page names the designated week and who missed it', async ({
    page,
    loginPage,
    shell,
  }) => {
    test.setTimeout(30_000);
    await signIn(loginPage, shell, ANALYST);
    // The planning view finds installations that failed MA106 on any attempt, re-designated or not.
    await page.goto('/split-supply?code=MA106');
    await page
      .getByRole('main')
      .getByRole('link', { name: /^\d{10,13}$/ })
      .first()
      .click();
    const card = page.getByTestId('split-supply-card');
    await expect(card).toBeVisible();
    const reading = page.getByTestId('ma106-reading');
    await expect(reading).toContainText(/MA106 in the week of \d{1,2} \w{3} \d{4}/);
    await expect(reading).toContainText(/designated the Migration Week of \d{1,2} \w{3} \d{4}/);
    await expect(reading).toContainText(/did not arrive/);
    await expectNoAxeViolations(page);
    await card.screenshot({ path: 'docs/screenshots/split-supply-ma106-card.png' });
  });

  test('The planning page passes an axe scan and is captured at 1440 and 390 wide', async ({
    page,
    loginPage,
    shell,
    splitSupply,
  }) => {
    test.setTimeout(60_000);
    await signIn(loginPage, shell, ANALYST);
    await splitSupply.goto();
    await expect(splitSupply.pairs).toBeVisible();
    if (pair) await splitSupply.openPair(pair);
    await expect(splitSupply.plan).toBeVisible();
    await expectNoAxeViolations(page);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({
        path: `docs/screenshots/split-supply-analyst-${width}.png`,
        fullPage: width === 390,
      });
    }
  });
});
