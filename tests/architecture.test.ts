import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The layering the README's Architecture section describes, enforced the way lib/rules/purity.test.ts enforces the rules' purity.
const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx|mjs)$/.test(entry.name) ? [relative] : [];
  });
}

const productCode = ['app', 'components', 'lib', 'instrumentation.ts'].flatMap((entry) =>
  entry.endsWith('.ts') ? [entry] : sourceFiles(entry),
);
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/** Product code that may hold the database handle: the data layer, and better-auth's adapter (it needs one). */
const MAY_IMPORT_DATABASE = [/^lib\/data\//, /^lib\/auth\/auth\.ts$/, /^instrumentation\.ts$/];

describe('architecture: only the data layer talks to the database', () => {
  it.each(productCode.filter((f) => !MAY_IMPORT_DATABASE.some((p) => p.test(f))))(
    '%s does not import the database client',
    (file) => {
      expect(read(file)).not.toMatch(/from ['"]@\/db\/client['"]|import\(['"]@\/db\/client['"]\)/);
    },
  );
});

const dataLayer = sourceFiles('lib/data').filter((f) => !f.endsWith('scope.ts') && !f.endsWith('.test.ts'));

describe('architecture: visibility and redaction are decided only in lib/data/scope.ts', () => {
  it('the data layer has files to check', () => {
    expect(dataLayer.length).toBeGreaterThan(3);
  });

  it.each(dataLayer)('%s builds no supplier condition or redaction itself', (file) => {
    const text = read(file);
    // A role test, a viewer's own party id, or a masked name written outside scope.ts is a second,
    // unreviewed wall; ask scope.ts instead.
    expect(text).not.toMatch(/viewer\.role\b/);
    expect(text).not.toMatch(/viewer\.supplierId\b/);
    expect(text).not.toMatch(/seesEverything\(/);
    expect(text).not.toMatch(/'Other supplier'/);
  });
});

/**
 * The data functions that use the owner's connection (better-auth's, the CLIs' and the writes' role) instead of
 * the row-scoped one: each says why the second wall has nothing to guard there. Every other read goes through
 * withViewerScope (docs/decisions/0014-row-level-security.md).
 */
const OWNER_READS: Record<string, string> = {
  'lib/data/demo-accounts.ts listDemoAccounts': 'the sign-in page, before there is a viewer',
  'lib/data/incidents.ts listIncidentAssignees': 'MCC staff only, no supplier rows',
  'lib/data/incidents.ts listPartiesByRole': 'the party directory, no supplier rows',
  'lib/data/incident-raise.ts raiseIncident': 'a write, after the viewer is checked',
  'lib/data/incident-writes.ts applyChange': 'a write, after the viewer is checked',
  'lib/data/incident-writes.ts assignIncident': 'a write, after the viewer is checked',
  'lib/data/imports.ts importFile': 'the import pipeline writes; the viewer is its actor',
  'lib/data/triage-decisions.ts replayed': 'a write use case replaying its own submission',
};

describe('architecture: data-layer reads run behind row-level security', () => {
  const ownerReads = dataLayer.flatMap((file) => {
    const lines = read(file).split('\n');
    return lines.flatMap((line, index) => {
      if (!/\bgetDb\(\)/.test(line)) return [];
      const header = lines.slice(0, index + 1).findLast((l) => /^(export )?(async )?function\*? \w+/.test(l));
      return [`${file} ${header?.match(/function\*? (\w+)/)?.[1] ?? '(top level)'}`];
    });
  });

  it('lists no owner read that is gone', () => {
    expect(Object.keys(OWNER_READS).filter((site) => !ownerReads.includes(site))).toEqual([]);
  });

  it.each(ownerReads)('%s is an owner read on purpose', (site) => {
    expect(OWNER_READS, 'use withViewerScope(viewer, (db) => ...) instead of getDb()').toHaveProperty([site]);
  });
});
