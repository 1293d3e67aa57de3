import { ANALYST, expect, expectNoAxeViolations, test } from './fixtures';

const formatWeek = (week: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(`${week}T00:00:00Z`));

test.describe('Dormant triage (MEHRS 4)', () => {
  test('An analyst filters the queue and bulk-reschedules a page of up to 50 installations into the next valid week', async ({
    page,
    loginAs,
    triage,
  }) => {
    test.setTimeout(60_000);
    await loginAs(ANALYST);
    // The demo seed's Dormant/Dormant backlog, oldest failure first: a page holds up to 50.
    await triage.goto('?type=dormant-dormant');
    await expect(triage.rows.first()).toBeVisible();
    await expect(page.getByLabel('Type', { exact: true })).toHaveValue('dormant-dormant');
    const labels = await triage.labels();
    const total = Number((await page.getByTestId('triage-count').innerText()).replace(/\D/g, ''));
    expect(labels.length).toBe(Math.min(50, total));
    await triage.selectAllOnPage();
    await expect(page.getByText(`The ${labels.length} selected installations`)).toBeVisible();
    // Rows the rules advise otherwise (await the SMSO, exclude) need a reason to be rescheduled.
    await triage.decisionForm
      .getByLabel('Reason for overruling the advice')
      .fill('Clearing the backlog into the next week; the SMSO has no open actions on these');
    const before = await triage.firstWeek();
    const week = await triage.reschedule();
    // Each row is done, or refused with why: one whose last attempt was planned for that very week can only go
    // into a later one (MEHRS 4.1 "a subsequent Migration Week").
    const summary = /Done (\d+) · Skipped \(already decided\) 0 · Refused \(not eligible\) (\d+)/;
    await expect(triage.report).toContainText(summary);
    const [, done = '0', refused = '0'] = summary.exec(await triage.report.innerText()) ?? [];
    expect(Number(done) + Number(refused)).toBe(labels.length);
    expect(Number(done)).toBeGreaterThan(0);
    for (const why of await triage.report.locator('li').allInnerTexts()) {
      expect(why).toContain('is before the earliest eligible week');
    }

    // The done ones leave the queue, and count towards that week's planned volume.
    await triage.goto('?type=dormant-dormant');
    const after = await triage.labels();
    expect(after.filter((l) => labels.includes(l))).toHaveLength(Number(refused));
    await triage.goto();
    expect((await triage.firstWeek()).planned).toBe(before.planned + Number(done));

    // The installations list shows the new Migration Week.
    const moved = labels.find((l) => !after.includes(l)) ?? '';
    await page.goto(`/installations?q=${moved}`);
    await expect(page.getByTestId('installations').locator('tbody tr').first()).toContainText(
      formatWeek(week),
    );
  });

  test('An analyst overrules the advice only with a reason, which is kept in the history', async ({
    page,
    loginAs,
    triage,
  }) => {
    await loginAs(ANALYST);
    await triage.goto('?type=active-dormant&advice=liaise-with-active-supplier');
    await triage.openRow(0);
    await expect(page.getByTestId('triage-advice')).toContainText('Advice: Liaise with the Active supplier');
    await triage.choose('Exclude');
    await triage.decisionForm.getByLabel('Reason for excluding').fill('To be replaced by a SMETS2 meter');
    await triage.record();
    await expect(triage.report).toContainText('give a reason to overrule it');

    await triage.choose('Exclude');
    await triage.decisionForm.getByLabel('Reason for excluding').fill('To be replaced by a SMETS2 meter');
    await triage.decisionForm
      .getByLabel('Reason for overruling the advice')
      .fill('The SMSO confirmed the hub is beyond repair');
    await triage.record();
    await expect(triage.report).toContainText('Done 1');
    await expect(triage.history).toContainText(
      'Overruled the advice (liaise with the Active supplier): The SMSO confirmed the hub is beyond repair',
    );
  });

  test('A supplier sees the new week on its installation and no triage controls', async ({
    page,
    loginAs,
    triage,
    shell,
    supplierAccounts,
  }) => {
    test.setTimeout(60_000);
    await loginAs(ANALYST);
    await triage.goto('?type=active-dormant&advice=liaise-with-active-supplier');
    const id = await triage.openRow(0);
    await triage.choose('Liaise with the Active supplier');
    const form = triage.decisionForm;
    await form.getByLabel('Who was contacted').fill('Migration desk');
    await form.getByLabel('When (London time)').fill('2026-11-20T10:30');
    await form.getByLabel('Their answer').fill('Will authorise it in the week offered');
    const { week } = await triage.firstWeek("The supplier's Migration Week");
    await form.getByLabel("The supplier's Migration Week").selectOption(week);
    // Scheduled, the installation is no longer open for triage: the page shows the decision in its history.
    await form.getByRole('button', { name: 'Record decision' }).click();
    await expect(triage.history).toContainText(`into the week of ${formatWeek(week)}`, { timeout: 30_000 });

    await page.goto(`/installations/${id}`);
    const supplierName = (await page.locator('dt:text-is("Electricity supplier") + dd').innerText()).includes(
      'None',
    )
      ? await page.locator('dt:text-is("Gas supplier") + dd').innerText()
      : await page.locator('dt:text-is("Electricity supplier") + dd').innerText();
    await shell.signOut();
    const simple = supplierName.toLowerCase().replace(/&/g, ' ').replace(/\s+/g, ' ');
    const account = (await supplierAccounts()).find((email) =>
      simple.startsWith(email.split('@')[0]?.replaceAll('-', ' ') ?? '@'),
    );
    expect(account, supplierName).toBeDefined();
    await loginAs(account ?? '');
    await page.goto(`/installations/${id}`);
    await expect(page.getByTestId('triage-decisions')).toContainText(
      `Liaise with the Active supplier into the Migration Week of ${formatWeek(week)}`,
    );
    await expect(page.getByTestId('triage-decisions')).not.toContainText('Will authorise');
    await expect(shell.navLink('Dormant triage')).toHaveCount(0);
    await page.goto(`/triage/${id}`);
    await expect(page.getByRole('heading', { name: /could not be found/i })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Decision' })).toHaveCount(0);
  });

  test('The overview shows the triage backlog, linking to the queue', async ({ page, loginAs }) => {
    await loginAs(ANALYST);
    await page.goto('/');
    const panel = page.getByTestId('triage-backlog');
    await expect(panel).toContainText(/await a decision; the oldest failed/);
    await panel.getByRole('link').click();
    await page.waitForURL('**/triage');
    await expect(page.getByRole('heading', { name: 'Dormant triage', level: 1 })).toBeVisible();
  });

  for (const [name, path] of [
    ['The triage queue', '/triage'],
    ['A filtered triage queue', '/triage?state=await-smso'],
  ] as const) {
    test(`${name} passes an axe scan (WCAG 2.2 AA)`, async ({ page, loginAs, triage }) => {
      await loginAs(ANALYST);
      await page.goto(path);
      await expect(triage.queue.or(page.locator('.empty-state'))).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test('A triage decision page passes an axe scan (WCAG 2.2 AA)', async ({ page, loginAs, triage }) => {
    await loginAs(ANALYST);
    await triage.goto();
    await triage.openRow(0);
    await expect(triage.decisionForm).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
