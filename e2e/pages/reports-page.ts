import fs from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';

/** A downloaded CSV, parsed (RFC 4180: quoted fields, doubled quotes, CRLF), with the byte order mark noted. */
export interface Csv {
  filename: string;
  bom: boolean;
  header: string[];
  rows: Record<string, string>[];
}

export function parseCsv(filename: string, text: string): Csv {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      field = '';
      record = [];
      i++;
    } else field += c;
  }
  const [header = [], ...rest] = records;
  return {
    filename,
    bom,
    header,
    rows: rest.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? '']))),
  };
}

/** An identifier cell as Excel receives it (="…") or as a script does: the bare value either way. */
export const bare = (cell: string | undefined) => (cell ?? '').replace(/^="(.*)"$/, '$1');

export class ReportsPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Reports' });
  }

  async goto() {
    await this.page.goto('/reports');
  }

  report(reportId: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`\\(${reportId}\\)$`) });
  }

  /** Fills a report's form (labels to values) and downloads its CSV. */
  async download(reportId: string, fields: Record<string, string> = {}): Promise<Csv> {
    const report = this.report(reportId);
    for (const [label, value] of Object.entries(fields)) {
      const control = report.getByLabel(label, { exact: true });
      if ((await control.evaluate((e) => e.tagName)) === 'SELECT') await control.selectOption(value);
      else await control.fill(value);
    }
    return downloadFrom(this.page, report.getByRole('button', { name: /^Download CSV/ }));
  }
}

/** Clicks a control that downloads a CSV and reads the file. */
export async function downloadFrom(page: Page, control: Locator): Promise<Csv> {
  const [download] = await Promise.all([page.waitForEvent('download'), control.click()]);
  const file = await download.path();
  return parseCsv(download.suggestedFilename(), await fs.readFile(file, 'utf8'));
}
