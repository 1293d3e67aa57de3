import type { Locator, Page } from '@playwright/test';

export class OverviewPage {
  readonly failuresByCode: Locator;
  readonly weekOutcomes: Locator;
  readonly failuresByOwner: Locator;
  readonly yourMoves: Locator;
  readonly weekProblems: Locator;
  readonly weeks: Locator;

  constructor(readonly page: Page) {
    this.failuresByCode = page.getByTestId('failures-by-code');
    this.weekOutcomes = page.getByTestId('week-outcomes');
    this.failuresByOwner = page.getByTestId('failures-by-owner');
    this.yourMoves = page.getByTestId('your-moves');
    this.weekProblems = page.getByTestId('week-problems');
    this.weeks = page.getByRole('navigation', { name: 'Migration Weeks' });
  }

  /** The link holding how many attempts ended in `outcome` during this Migration Week (the first week column). */
  thisWeek(outcome: 'Migrated' | 'Failed' | 'Rolled back'): Locator {
    return this.weekOutcomes
      .getByRole('row', { name: new RegExp(`^${outcome}`) })
      .getByRole('link')
      .first();
  }

  async goto(query = '') {
    await this.page.goto(`/${query}`);
  }

  /** The top failure code in the accessible table beside the chart. */
  async topFailureCode(): Promise<string> {
    return (await this.failuresByCode.locator('tbody tr').first().locator('code').innerText()).trim();
  }

  /** Drills into the list by clicking the chart's first bar (the mouse path). */
  async clickFirstFailureBar() {
    await this.page
      .getByRole('region', { name: 'Failures by code' })
      .locator('.recharts-bar-rectangle')
      .first()
      .click();
  }
}
