import { expect, type Locator, type Page } from '@playwright/test';

/** The dormant triage queue and its decision forms, in the domain's words (MEHRS 4). */
export class TriagePage {
  readonly queue: Locator;
  readonly rows: Locator;
  readonly decisionForm: Locator;
  readonly report: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.queue = page.getByTestId('triage-queue');
    this.rows = this.queue.locator('tbody tr');
    this.decisionForm = page.getByRole('form', { name: 'Decision' });
    this.report = page.getByTestId('decision-report');
    this.history = page.getByTestId('triage-history');
  }

  async goto(query = '') {
    await this.page.goto(`/triage${query}`);
  }

  /** The MPAN/MPRN of every row on the page. */
  async labels(): Promise<string[]> {
    return this.rows.locator('td[data-column="installation"] a').allInnerTexts();
  }

  async selectAllOnPage() {
    await this.page.getByLabel('Select every installation on this page').check();
  }

  /** The week picker's first (earliest valid) week: its value and how many are planned into it. */
  async firstWeek(label = 'Migration Week'): Promise<{ week: string; planned: number }> {
    const option = this.decisionForm
      .getByLabel(label, { exact: true })
      .locator('option:not([value=""])')
      .first();
    const text = await option.innerText();
    const planned = Number((/: ([\d,]+) of/.exec(text)?.[1] ?? '').replaceAll(',', ''));
    return { week: (await option.getAttribute('value')) ?? '', planned };
  }

  async choose(decision: string) {
    await this.decisionForm.getByRole('radio', { name: decision }).check();
  }

  /** Reschedules what is selected into the earliest valid week, and returns that week. */
  async reschedule(): Promise<string> {
    await this.choose('Reschedule');
    const { week } = await this.firstWeek();
    await this.decisionForm.getByLabel('Migration Week', { exact: true }).selectOption(week);
    await this.record();
    return week;
  }

  async record() {
    await this.decisionForm.getByRole('button', { name: 'Record decision' }).click();
    await expect(this.report.or(this.decisionForm.getByRole('alert'))).toBeVisible({ timeout: 30_000 });
  }

  /** Opens a row's decision page (the first by default) and returns the installation id. */
  async openRow(index = 0): Promise<string> {
    const link = this.rows.nth(index).locator('td[data-column="installation"] a');
    const href = (await link.getAttribute('href')) ?? '';
    await link.click();
    await this.page.waitForURL(`**${href}`);
    return href.split('/').pop() ?? '';
  }
}
