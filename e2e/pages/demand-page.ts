import type { Locator, Page } from '@playwright/test';

/** The demand page as a user sees it: Report 8, the parties, the causes, the trend and the planned volume. */
export class DemandPage {
  readonly form: Locator;
  readonly weekSelect: Locator;
  readonly partySelect: Locator;
  readonly report8: Locator;
  readonly report8Rows: Locator;
  readonly partyTable: Locator;
  readonly plannedRows: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Report 8 week and party' });
    this.weekSelect = this.form.getByLabel('Report 8 week (the last of four)');
    this.partySelect = this.form.getByLabel('Authorising Party');
    this.report8 = page.getByTestId('report-8');
    this.report8Rows = page.getByTestId('report-8-table').locator('tbody tr');
    this.partyTable = page.getByTestId('party-table');
    this.plannedRows = page.getByTestId('planned-table').locator('tbody tr');
  }

  async goto(query = '') {
    await this.page.goto(`/demand${query}`);
  }

  /** Picks a Report 8 week and (for the MCC) a party, and shows them. */
  async choose({ week, party }: { week?: string; party?: string }) {
    if (week) await this.weekSelect.selectOption(week);
    if (party) await this.partySelect.selectOption({ label: party });
    await this.form.getByRole('button', { name: 'Show' }).click();
    await this.page.waitForURL(/\/demand\?/);
  }

  /** The Report 8 table's cell in the named column of the row for a week ('16 Nov 2026'). */
  async report8Cell(week: string, column: string): Promise<string> {
    const headers = await this.page.getByTestId('report-8-table').locator('thead th').allInnerTexts();
    const index = headers.findIndex((h) => h.trim() === column);
    const row = this.report8Rows.filter({ hasText: week });
    return (await row.locator(`td:nth-child(${index + 1})`).innerText()).trim();
  }

  /** Hovers the chart over the week's bars and reads recharts' tooltip: what the chart draws for that week. */
  async chartTooltip(weekIndex: number): Promise<string> {
    const bars = this.report8.locator('.recharts-bar-rectangle');
    await bars.nth(weekIndex).hover();
    const tooltip = this.report8.locator('.recharts-tooltip-wrapper');
    return tooltip.innerText();
  }
}
