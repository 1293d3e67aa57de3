import type { Locator, Page } from '@playwright/test';

export class InstallationsPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly filters: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('installations');
    this.rows = this.table.locator('tbody tr');
    this.count = page.getByTestId('installation-count');
    this.filters = page.getByRole('form', { name: 'Filters' });
  }

  async goto(query = '') {
    await this.page.goto(`/installations${query}`);
  }

  async filterBy(filters: Record<string, string>) {
    for (const [label, value] of Object.entries(filters)) {
      await this.filters.getByLabel(label, { exact: true }).selectOption(value);
    }
    await this.filters.getByRole('button', { name: 'Apply filters' }).click();
    await this.page.waitForURL(/\/installations\?/);
  }

  /** Opens a row's timeline (the first by default) and returns its id. */
  async openRow(index = 0): Promise<string> {
    const link = this.rows.nth(index).getByRole('link').first();
    const href = (await link.getAttribute('href')) ?? '';
    await link.click();
    await this.page.waitForURL(`**${href}`);
    return href.split('/').pop() ?? '';
  }

  async column(name: string): Promise<string[]> {
    const headers = await this.table.locator('thead th').allInnerTexts();
    const index = headers.findIndex((h) => h.startsWith(name));
    return this.rows.locator(`td:nth-child(${index + 1})`).allInnerTexts();
  }
}
