import { describe, expect, it } from 'vitest';
import {
  INCIDENT_TARGET_DEFAULTS,
  MIGRATION_TIME_ZONE,
  RETRY_DEFAULTS,
  TRIAGE_DEFAULTS,
  WINDOW_DEFAULTS,
} from './config';
import { INCIDENT_CATEGORIES } from './types';

describe('documented defaults', () => {
  it('MEHRS 3.1 device connectivity (v1.2) and seed 000 4.5.2 (48 h, GroupID DA)', () => {
    expect(RETRY_DEFAULTS.deviceConnectivity).toEqual({
      attemptsPerShortRetry: 3,
      shortRetryIntervalMinutes: 5,
      shortRetryRepeatHours: 2,
      durationHours: 24,
      durationHoursSecure: 48,
      secureGroupIds: ['DA'],
    });
  });

  it('seed 004 (MEHRS v5.0 3.4.1) GroupID EA: five attempts, 4-hour wait', () => {
    expect(RETRY_DEFAULTS.groupEa).toEqual({ attempts: 5, waitHours: 4 });
  });

  it('MEHRS 3.2 SIM swap GroupID CB: 3 attempts, 60 minutes, 5 hours', () => {
    expect(RETRY_DEFAULTS.simSwapCb).toEqual({ attempts: 3, intervalMinutes: 60, maxDurationHours: 5 });
  });

  it('windows: TMAD 5.24/5.18 24 h, TMAD 5.16 48 h, MA112 7 days', () => {
    expect(WINDOW_DEFAULTS).toEqual({
      requiredFileSetHours: 24,
      dcoMefDiscardHours: 48,
      wanCommsCheckDays: 7,
    });
  });

  it('incident targets (to be confirmed): every category in both tables, more severe never slower', () => {
    for (const kind of ['migration', 'standard'] as const) {
      const table = INCIDENT_TARGET_DEFAULTS[kind];
      expect(Object.keys(table).map(Number)).toEqual([...INCIDENT_CATEGORIES]);
      const hours = INCIDENT_CATEGORIES.map((c) => table[c]);
      expect(hours).toEqual([4, 8, 24, 72, 120]);
      expect([...hours].sort((a, b) => a - b)).toEqual(hours);
    }
  });

  it('MEHRS 4 triage: the attempts threshold is an assumption (5); MA121 replaces; SMSO and DCC-side codes', () => {
    expect(TRIAGE_DEFAULTS.exclusionReviewAttempts).toBe(5);
    expect(TRIAGE_DEFAULTS.dccSideCodes).toEqual(expect.arrayContaining(['MA101', 'MA116']));
    expect(TRIAGE_DEFAULTS.replaceCodes).toEqual(['MA121']);
    expect(TRIAGE_DEFAULTS.nowActiveCodes).toEqual(['MA012', 'MA107']);
    expect(TRIAGE_DEFAULTS.smsoFixCodes).toEqual(
      expect.arrayContaining(['MA111', 'MA112', 'MA114', '12.9.1.ET01', 'MA120', 'MA523']),
    );
  });

  it('the migration time zone is Europe/London', () => {
    expect(MIGRATION_TIME_ZONE).toBe('Europe/London');
  });
});
