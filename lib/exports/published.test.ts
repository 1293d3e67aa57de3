import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_COLUMNS } from './published';
import { EXPORT_REGISTRY } from './registry';

const exportsList = [...EXPORT_REGISTRY.values()];
const docs = fs.readFileSync(path.join(process.cwd(), 'docs', 'reports.md'), 'utf8');

describe('Published report columns (MRR v3.0: suppliers automate on them)', () => {
  it('knows every export', () => {
    expect(exportsList.length).toBeGreaterThanOrEqual(6);
  });

  for (const e of exportsList) {
    it(`${e.name}: version ${e.version} has exactly the columns published for it`, () => {
      const published = PUBLISHED_COLUMNS[e.name]?.[e.version];
      expect(published, `record ${e.name} v${e.version} in lib/exports/published.ts`).toBeDefined();
      expect(e.columns.map((c) => `${c.header}:${c.kind}`)).toEqual(published);
    });

    it(`${e.name}: docs/reports.md documents version ${e.version} and every column`, () => {
      expect(docs).toContain(`\`GET /api/exports/${e.name}\``);
      const section = docs.slice(docs.indexOf(`\`GET /api/exports/${e.name}\``));
      expect(section).toMatch(new RegExp(`^[^\\n]*\\*\\*version ${e.version}\\*\\*`));
      // Table rows as trimmed cells (the formatter pads markdown tables).
      const rows = (section.split('\n## ')[0] ?? '')
        .split('\n')
        .filter((line) => line.startsWith('|'))
        .map((line) =>
          line
            .split('|')
            .map((cell) => cell.trim())
            .slice(1, 4)
            .join(' | '),
        );
      e.columns.forEach((c, i) => {
        expect(rows).toContain(`${i + 1} | ${c.header} | ${c.kind}`);
      });
    });
  }

  it('never reuses a header twice in one export (a script reading by name would see one)', () => {
    for (const e of exportsList) {
      const headers = e.columns.map((c) => c.header);
      expect(new Set(headers).size, e.name).toBe(headers.length);
    }
  });
});
