import type { Locator, Page } from '@playwright/test';

/** The split-supply calendar, as the MCC plans it and as a supplier reads it. */
export class SplitSupplyPage {
  readonly pairs: Locator;
  readonly plan: Locator;
  readonly designateForm: Locator;
  readonly designationOutcome: Locator;
  readonly publicationOutcome: Locator;
  readonly publications: Locator;
  readonly supplierCalendar: Locator;

  constructor(readonly page: Page) {
    this.pairs = page.getByTestId('supplier-pairs');
    this.plan = page.getByTestId('split-supply-plan');
    this.designateForm = page.getByRole('form', { name: 'Designate a Migration Week' });
    this.designationOutcome = page.getByTestId('designation-outcome');
    this.publicationOutcome = page.getByTestId('publication-outcome');
    this.publications = page.getByTestId('publications');
    this.supplierCalendar = page.getByTestId('supplier-calendar');
  }

  async goto(query = '') {
    await this.page.goto(`/split-supply${query}`);
  }

  /** The supplier names of every pair in the pairs table, in order. */
  async pairNames(): Promise<[string, string][]> {
    const links = await this.pairs.locator('tbody tr td:first-child a').allInnerTexts();
    return links.map((text) => text.split(' & ') as [string, string]);
  }

  async openPair(names: [string, string]) {
    await this.pairs.getByRole('link', { name: `${names[0]} & ${names[1]}`, exact: true }).click();
    await this.page.waitForURL(/\/split-supply\?pair=/);
  }

  /** Designates the earliest offered week for the whole pair; returns the week (YYYY-MM-DD). */
  async designateEarliestWeekForPair(reason: string): Promise<string> {
    await this.designateForm.getByRole('radio', { name: /The whole supplier pair/ }).check();
    const week = this.designateForm.getByLabel('Migration Week');
    const value = await week.locator('option').nth(1).getAttribute('value');
    if (!value) throw new Error('no week offered');
    await week.selectOption(value);
    await this.designateForm.getByLabel(/Reason/).fill(reason);
    await this.designateForm.getByRole('button', { name: 'Designate week' }).click();
    return value;
  }

  async publish() {
    await this.page.getByRole('button', { name: 'Publish the calendar' }).click();
  }

  async calendarColumn(name: string): Promise<string[]> {
    const headers = await this.supplierCalendar.locator('thead th').allInnerTexts();
    const index = headers.findIndex((h) => h.startsWith(name));
    return this.supplierCalendar.locator(`tbody td:nth-child(${index + 1})`).allInnerTexts();
  }
}
