import { describe, expect, it } from 'vitest';
import { ERROR_CODES, REASON_CODES } from './codes';
import { SCENARIOS } from './scenarios';
import { STAGES, stage, stageIndex } from './stages';
import { STAGE_IDS } from './types';

describe('STAGES', () => {
  it('follows STAGE_IDS, numbered 1 to 7', () => {
    expect(STAGES.map((s) => [s.number, s.id])).toEqual([
      [1, 'demand'],
      [2, 'authorisation'],
      [3, 'common-file'],
      [4, 'sim-cutover'],
      [5, 'device-validation'],
      [6, 'commissioning'],
      [7, 'migrated'],
    ]);
    expect(STAGES.map((s) => s.id)).toEqual([...STAGE_IDS]);
  });

  it('has short labels', () => {
    expect(STAGES.map((s) => s.label)).toEqual([
      'Demand',
      'Authorisation',
      'Common File',
      'SIM cutover',
      'Device validation',
      'Commissioning',
      'Migrated',
    ]);
  });

  it.each([
    ['demand', ['mcc']], // MEHRS 2.2.1
    ['authorisation', ['mcc', 'rp']], // MEHRS 2.3.1, 2.3.2
    ['common-file', ['rp', 's1sp', 'dco']], // MEHRS 2.4.2, 2.4.4, 2.4.5
    ['sim-cutover', ['rp', 'smso', 'csp', 's1sp', 'dco']], // MEHRS 2.5
    ['device-validation', ['s1sp', 'dco']], // MEHRS 2.6
    ['commissioning', ['cp', 'dsp', 's1sp']], // MEHRS 2.7
    ['migrated', []],
  ] as const)('%s is checked by %j', (id, checkedBy) => {
    expect(stage(id).checkedBy).toEqual(checkedBy);
  });

  it('names the main files of each stage', () => {
    expect(stage('authorisation').mainFiles).toEqual([
      'Migration Authorisation',
      'Migration Authorisation Validation Response',
    ]);
    expect(stage('common-file').mainFiles).toContain('Migration Common Validation File');
    expect(stage('sim-cutover').mainFiles).toContain('Migration Group Encrypted File');
    expect(stage('device-validation').mainFiles).toContain('S1SP Commissioning File');
    expect(stage('commissioning').mainFiles).toContain('Commissioning Outcome File');
  });

  it('puts every reason code in its stage (and MA115 also at SIM cutover, D18), MA999 ("Other Failure") in none', () => {
    for (const c of REASON_CODES) {
      const holders = STAGES.filter((s) => (s.reasonCodes as readonly string[]).includes(c.code)).map(
        (s) => s.id,
      );
      const expected = c.code === 'MA999' ? [] : c.code === 'MA115' ? ['sim-cutover', c.stage] : [c.stage];
      expect([c.code, holders]).toEqual([c.code, expected]);
    }
  });

  it('puts every error code in exactly one stage', () => {
    for (const c of ERROR_CODES) {
      const holders = STAGES.filter((s) => (s.errorCodes as readonly string[]).includes(c.code)).map(
        (s) => s.id,
      );
      expect([c.code, holders]).toEqual([c.code, [c.stage]]);
    }
  });

  it('puts every scenario in exactly one stage', () => {
    for (const sc of SCENARIOS) {
      const holders = STAGES.filter((s) => (s.scenarios as readonly string[]).includes(sc.section)).map(
        (s) => s.id,
      );
      expect([sc.section, holders]).toEqual([sc.section, [sc.stage]]);
    }
  });

  it('derives the lists from the catalogues', () => {
    expect(stage('demand').scenarios).toEqual(['2.1.1', '2.1.2', '2.2.1']);
    expect(stage('demand').reasonCodes).toEqual([]);
    expect(stage('authorisation').reasonCodes).toHaveLength(18);
    expect(stage('authorisation').reasonCodes[0]).toBe('MA001');
    expect(stage('authorisation').reasonCodes[17]).toBe('MA018');
    expect(stage('sim-cutover').reasonCodes).toEqual([
      'MA111',
      'MA112',
      'MA114',
      'MA115',
      'MA118',
      'MA119',
      'MA120',
      'MA521',
      'MA523',
    ]);
    expect(stage('device-validation').reasonCodes).toEqual(['MA115', 'MA121']);
    expect(stage('device-validation').errorCodes).toEqual(['12.9.1.ET01', '12.9.5.DP01']);
    expect(stage('device-validation').scenarios).toEqual([
      '2.6.1',
      '2.6.2',
      '2.6.3',
      '2.6.4',
      '2.6.5',
      '2.6.6',
      '2.6.7',
    ]);
    expect(stage('commissioning').errorCodes).toHaveLength(18);
    expect(stage('commissioning').reasonCodes).toEqual([]);
    expect(stage('migrated')).toMatchObject({ reasonCodes: [], errorCodes: [], scenarios: [] });
  });

  it('stageIndex() orders stages and stage() finds them', () => {
    expect(stageIndex('demand')).toBe(0);
    expect(stageIndex('migrated')).toBe(6);
    expect(stageIndex('common-file')).toBeLessThan(stageIndex('sim-cutover'));
    for (const id of STAGE_IDS) expect(stage(id).number).toBe(stageIndex(id) + 1);
    expect(stage('sim-cutover').label).toBe('SIM cutover');
  });
});
