import type { Locator, Page } from '@playwright/test';

export class ImportsPage {
  readonly kind: Locator;
  readonly file: Locator;
  readonly submit: Locator;
  readonly result: Locator;
  readonly problems: Locator;
  readonly history: Locator;
  readonly counts: Locator;

  constructor(readonly page: Page) {
    this.kind = page.getByLabel('Kind of file');
    this.file = page.getByLabel('File', { exact: true });
    this.submit = page.getByRole('button', { name: 'Upload and import' });
    this.result = page.getByTestId('import-result');
    this.problems = this.result.getByTestId('import-problems');
    this.history = page.getByTestId('import-history');
    this.counts = this.result.getByTestId('import-counts');
  }

  async goto() {
    await this.page.goto('/imports');
  }

  /** Submits a file of the kind and waits for its outcome. */
  async upload(kind: string, path: string) {
    await this.kind.selectOption({ label: kind });
    await this.file.setInputFiles(path);
    await this.submit.click();
    await this.result.waitFor({ timeout: 30_000 });
  }

  /** A fresh good sample for the signed-in viewer, as the "Download a sample file" link serves it. */
  async downloadSample(kind: string): Promise<string> {
    const response = await this.page.request.get(`/api/imports/sample?kind=${kind}`);
    return response.text();
  }

  /** [line, column, problem] per row of the problem table. */
  async problemRows(): Promise<string[][]> {
    const rows = await this.problems.locator('tbody tr').all();
    return Promise.all(rows.map(async (r) => r.locator('td').allInnerTexts()));
  }
}
