import { expect, type Locator, type Page } from '@playwright/test';

/** The queue at /incidents. */
export class IncidentQueuePage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('incident-queue');
    this.rows = this.table.locator('tbody tr');
    this.summary = page.getByTestId('queue-summary');
  }

  async goto(query = '') {
    await this.page.goto(`/incidents${query}`);
  }

  row(reference: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name: reference, exact: true }) });
  }

  async cell(reference: string, column: string): Promise<string> {
    const headers = await this.table.locator('thead th').allInnerTexts();
    const index = headers.findIndex((h) => h.startsWith(column));
    return this.row(reference)
      .locator(`td:nth-child(${index + 1})`)
      .innerText();
  }
}

/** The form at /incidents/new. */
export class RaiseIncidentPage {
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Raise an incident' });
  }

  async goto(query = '') {
    await this.page.goto(`/incidents/new${query}`);
  }

  async chooseScenario(section: string) {
    const select = this.form.getByLabel('MEHRS scenario');
    const value = await select
      .locator('option', { hasText: new RegExp(`^${section.replace('.', '\\.')} `) })
      .first()
      .getAttribute('value');
    await select.selectOption(value ?? section);
  }

  async linkMeters(meters: string[]) {
    await this.form.getByLabel(/MPANs or MPRNs/).fill(meters.join('\n'));
    await this.form.getByRole('button', { name: 'Find installations' }).click();
    await expect(this.page.getByTestId('lookup')).toContainText(`${meters.length} installation`);
  }

  /** Submits and returns the new record's id from the page it opens. */
  async raise(): Promise<string> {
    await this.form.getByRole('button', { name: /^Raise / }).click();
    await this.page.waitForURL(/\/incidents\/\d+$/);
    return this.page.url().split('/').pop() ?? '';
  }
}

/** One incident at /incidents/[id]. */
export class IncidentPage {
  readonly status: Locator;
  readonly clock: Locator;
  readonly notes: Locator;
  readonly history: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.status = page.locator('.page-header .badge');
    this.clock = page.getByTestId('incident-clock');
    this.notes = page.getByTestId('incident-notes');
    this.history = page.getByTestId('incident-history');
    this.error = page.getByTestId('action-error');
  }

  async goto(id: string) {
    await this.page.goto(`/incidents/${id}`);
  }

  async move(button: string, reason?: string) {
    const form = this.page.getByRole('form', { name: 'Status' });
    if (reason) await form.getByLabel(/Reason/).fill(reason);
    await form.getByRole('button', { name: button, exact: true }).click();
  }

  async addNote(text: string, { forSuppliers = false } = {}) {
    const form = this.page.getByRole('form', { name: 'Add a note' });
    await form.getByLabel('Note', { exact: true }).fill(text);
    if (forSuppliers) await form.getByLabel(/Visible to suppliers/).check();
    await form.getByRole('button', { name: 'Add note' }).click();
  }

  async changeCategory(category: string) {
    const form = this.page.getByRole('form', { name: 'Category' });
    await form.getByLabel('New category').selectOption(category);
    await form.getByRole('button', { name: 'Change category' }).click();
  }
}
