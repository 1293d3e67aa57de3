import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as rules from './index';

const dir = import.meta.dirname;
const sources = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('lib/rules stays pure and client-safe', () => {
  it.each(sources)('%s imports only other rules files, date-fns and zod', (file) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const spec of imports) {
      expect(spec, `${file} imports ${spec}`).toMatch(/^(\.\/|date-fns|@date-fns\/tz|zod)/);
    }
  });

  it.each(sources)('%s reads no hidden clock (no Date.now(), no argument-less new Date())', (file) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    expect(text).not.toMatch(/Date\.now\(\)|new Date\(\)/);
  });

  it('exports the public surface issue #3 names', () => {
    for (const name of [
      'REASON_CODES',
      'reasonCode',
      'ERROR_CODES',
      'SCENARIOS',
      'scenario',
      'STAGES',
      'deviceConnectivityAttempts',
      'simSwapAttempts',
      'requiredFileSetDeadline',
      'dcoMefDiscardAt',
      'incidentWindowRisk',
      'migrationWeekOf',
      'isValidMigrationWeek',
      'validateMigrationAuthorisation',
      'incidentTargets',
      'dormantTriageAdvice',
    ]) {
      expect(rules, name).toHaveProperty(name);
    }
  });
});
