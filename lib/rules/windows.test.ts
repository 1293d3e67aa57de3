import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dcoMefDiscardAt,
  incidentWindowRisk,
  migrationAuthorisationExpiresAt,
  requiredFileSetDeadline,
  type WindowInstallation,
} from './windows';

const d = (iso: string) => new Date(iso);

describe('requiredFileSetDeadline (TMAD 5.24 / 5.18, MEHRS 2.5.1): 24 hours after the MCVF', () => {
  it.each([
    ['2026-03-25T10:00:00Z', '2026-03-26T10:00:00.000Z'],
    // Elapsed hours: across the clocks going forward, 24 h later is 11:00 BST on London clocks.
    ['2026-03-28T10:00:00Z', '2026-03-29T10:00:00.000Z'],
  ])('%s → %s', (mcvf, deadline) => {
    expect(requiredFileSetDeadline(d(mcvf)).toISOString()).toBe(deadline);
  });
  it('follows the configuration', () => {
    const config = { requiredFileSetHours: 12, dcoMefDiscardHours: 48, wanCommsCheckDays: 7 };
    expect(requiredFileSetDeadline(d('2026-03-25T10:00:00Z'), config).toISOString()).toBe(
      '2026-03-25T22:00:00.000Z',
    );
  });
});

describe('dcoMefDiscardAt (TMAD 5.16, MEHRS 2.6.4): 48 hours after authentication', () => {
  it('adds 48 elapsed hours, across the clocks going back', () => {
    expect(dcoMefDiscardAt(d('2026-10-24T12:00:00Z')).toISOString()).toBe('2026-10-26T12:00:00.000Z');
  });
  it('rejects an invalid date', () => {
    expect(() => dcoMefDiscardAt(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('migrationAuthorisationExpiresAt (MA101, our reading: end of the Migration Week)', () => {
  it('is 00:00 London on the next Monday', () => {
    expect(migrationAuthorisationExpiresAt('2026-03-23').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(migrationAuthorisationExpiresAt('2026-10-19').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });
});

describe('incidentWindowRisk', () => {
  // Migration Week of Monday 23 March 2026: the MA expires at 00:00 BST on Monday 30 March (23:00 UTC Sunday).
  const installation: WindowInstallation = {
    migrationWeek: '2026-03-23',
    migrateOn: '2026-03-25',
    mcvfGeneratedAt: d('2026-03-25T10:00:00Z'), // Required File Set due by 2026-03-26T10:00Z
  };
  const now = d('2026-03-25T12:00:00Z');

  it('is clear when both windows outlast the target resolution time', () => {
    const r = incidentWindowRisk(installation, { targetResolutionAt: d('2026-03-25T20:00:00Z') }, now);
    expect(r.status).toBe('clear');
    expect(r.findings).toEqual([]);
    expect(r.reasons).toEqual([
      "The S1SP Required File Set window stays open until 26 Mar 2026 10:00 (London time), after the incident's target " +
        'resolution time of 25 Mar 2026 20:00 (London time).',
      "The DCO Required File Set window stays open until 26 Mar 2026 10:00 (London time), after the incident's target " +
        'resolution time of 25 Mar 2026 20:00 (London time).',
      "The Migration Authorisation for the Migration Week of 2026-03-23 stays valid until 30 Mar 2026 00:00 (London time), after the incident's target resolution time.",
    ]);
  });

  it('is at risk when the Required File Set window closes exactly at the target resolution time', () => {
    const r = incidentWindowRisk(
      installation,
      { targetResolutionAt: d('2026-03-26T10:00:00Z'), reference: 'INC0001' },
      now,
    );
    expect(r.status).toBe('at-risk');
    expect(r.findings).toHaveLength(2);
    expect(r.findings[0]).toMatchObject({
      kind: 'required-file-set-window',
      party: 's1sp',
      passed: false,
      deadline: d('2026-03-26T10:00:00Z'),
      source: 'TMAD 5.24; MEHRS 2.5.1',
    });
    expect(r.findings[1]).toMatchObject({ party: 'dco', source: 'TMAD 5.18; MEHRS 2.5.7' });
    expect(r.reasons[0]).toBe(
      'The S1SP Required File Set must arrive by 26 Mar 2026 10:00 (London time) (24 hours after the MCVF was generated), ' +
        'but incident INC0001 is not due to be resolved until 26 Mar 2026 10:00 (London time).',
    );
  });

  it('reports both windows, file set first, when the target is after the end of the Migration Week', () => {
    const r = incidentWindowRisk(installation, { targetResolutionAt: d('2026-03-30T09:00:00Z') }, now);
    expect(r.status).toBe('at-risk');
    expect(r.findings.map((f) => f.kind)).toEqual([
      'required-file-set-window',
      'required-file-set-window',
      'ma-expiry',
    ]);
    expect(r.findings[2]?.deadline.toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(r.reasons[2]).toContain('expires at 30 Mar 2026 00:00 (London time)');
    expect(r.reasons[2]).toContain('MA101');
    // D14: the end-of-week expiry is an assumption, and says so.
    expect(r.findings[2]?.assumption).toMatch(/^Assumption/);
  });

  it('is missed once the Required File Set window has closed', () => {
    const r = incidentWindowRisk(
      installation,
      { targetResolutionAt: d('2026-03-27T10:00:00Z') },
      d('2026-03-26T10:00:00Z'),
    );
    expect(r.status).toBe('missed');
    expect(r.findings).toHaveLength(2);
    expect(r.findings[0]?.passed).toBe(true);
    expect(r.reasons[0]).toContain('closed at 26 Mar 2026 10:00 (London time)');
  });

  it('ignores the file set window once the file set has arrived, or before any MCVF', () => {
    const arrived = { ...installation, requiredFileSetReceivedAt: d('2026-03-25T11:00:00Z') };
    const late = { targetResolutionAt: d('2026-03-28T10:00:00Z') };
    expect(incidentWindowRisk(arrived, late, now).status).toBe('clear');
    const noMcvf = { migrationWeek: '2026-03-23' };
    const r = incidentWindowRisk(noMcvf, late, now);
    expect(r.status).toBe('clear');
    expect(r.reasons[0]).toBe(
      'No MCVF has been generated yet, so the 24-hour Required File Set windows have not started.',
    );
  });

  it('is missed when the MA has already expired', () => {
    const r = incidentWindowRisk(
      { migrationWeek: '2026-03-16' },
      { targetResolutionAt: d('2026-03-25T20:00:00Z') },
      now,
    );
    expect(r.status).toBe('missed');
    expect(r.findings).toMatchObject([
      { kind: 'ma-expiry', passed: true, deadline: d('2026-03-23T00:00:00Z') },
    ]);
  });

  it('honours an explicit MA expiry', () => {
    const r = incidentWindowRisk(
      { migrationWeek: '2026-03-23', maExpiresAt: d('2026-03-25T18:00:00Z') },
      { targetResolutionAt: d('2026-03-25T20:00:00Z') },
      now,
    );
    expect(r.status).toBe('at-risk');
    expect(r.findings[0]?.kind).toBe('ma-expiry');
    expect(r.findings[0]?.assumption).toBeUndefined();
  });

  it('adds the GroupID CB remedy under an MEHRS 2.5.6 incident', () => {
    const r = incidentWindowRisk(
      { ...installation, groupId: 'CB' },
      { targetResolutionAt: d('2026-03-27T00:00:00Z'), scenario: '2.5.6' },
      now,
    );
    expect(r.reasons[0]).toContain('without the 7-day communications check (MEHRS 2.5.6)');
  });

  it('D15: no CB remedy under a 2.5.1 RP outage (no CB variant there)', () => {
    const r = incidentWindowRisk(
      { ...installation, groupId: 'CB' },
      { targetResolutionAt: d('2026-03-27T00:00:00Z'), scenario: '2.5.1' },
      now,
    );
    expect(r.reasons.join(' ')).not.toContain('7-day');
  });

  it('D15: GroupID DA gets the new-MCF remedy of MEHRS v3.0 under 2.5.7', () => {
    const r = incidentWindowRisk(
      { ...installation, groupId: 'DA' },
      { targetResolutionAt: d('2026-03-27T00:00:00Z'), scenario: '2.5.7' },
      now,
    );
    expect(r.reasons[0]).toContain('GroupID DA the Requesting Party resubmits');
  });

  it('D12: the S1SP set arrived but the DCO set did not: the DCO window (TMAD 5.18) is still at risk', () => {
    const t = d('2026-03-31T09:00:00Z');
    const r = incidentWindowRisk(
      {
        migrationWeek: '2026-03-30',
        mcvfGeneratedAt: t,
        s1spRequiredFileSetReceivedAt: d('2026-03-31T11:00:00Z'),
      },
      { targetResolutionAt: d('2026-04-01T15:00:00Z'), reference: 'INC-DCO', scenario: '2.5.10' },
      d('2026-03-31T12:00:00Z'),
    );
    expect(r.status).toBe('at-risk');
    expect(r.findings.map((f) => f.party)).toEqual(['dco']);
  });

  it('D13: an authenticated MEF is discarded after 48 hours (TMAD 5.16) before a 72-hour outage ends', () => {
    const t = d('2026-03-31T09:00:00Z');
    const r = incidentWindowRisk(
      {
        migrationWeek: '2026-03-30',
        mcvfGeneratedAt: d('2026-03-31T08:00:00Z'),
        requiredFileSetReceivedAt: t,
        mefAuthenticatedAt: t,
      },
      { targetResolutionAt: d('2026-04-03T09:00:00Z') },
      d('2026-03-31T10:00:00Z'),
    );
    expect(r.status).toBe('at-risk');
    expect(r.findings[0]).toMatchObject({
      kind: 'mef-discard',
      deadline: d('2026-04-02T09:00:00Z'),
      source: 'TMAD 5.16; MEHRS 2.6.4',
    });
    const used = incidentWindowRisk(
      { migrationWeek: '2026-03-30', requiredFileSetReceivedAt: t, mefAuthenticatedAt: t, mefUsed: true },
      { targetResolutionAt: d('2026-04-01T09:00:00Z') },
      d('2026-03-31T10:00:00Z'),
    );
    expect(used.findings.map((f) => f.kind)).not.toContain('mef-discard');
  });

  it('property: at risk exactly when a still-open window closes by the target', () => {
    const base = d('2026-03-23T00:00:00Z').getTime();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        (mcvfH, nowH, targetH) => {
          const mcvf = new Date(base + mcvfH * 3_600_000);
          const n = new Date(base + nowH * 3_600_000);
          const target = new Date(base + (nowH + targetH) * 3_600_000);
          const r = incidentWindowRisk(
            { migrationWeek: '2026-03-23', mcvfGeneratedAt: mcvf },
            { targetResolutionAt: target },
            n,
          );
          const deadlines = [requiredFileSetDeadline(mcvf).getTime(), d('2026-03-29T23:00:00Z').getTime()];
          const missed = deadlines.some((x) => x <= n.getTime());
          const atRisk = deadlines.some((x) => x > n.getTime() && x <= target.getTime());
          expect(r.status).toBe(missed ? 'missed' : atRisk ? 'at-risk' : 'clear');
        },
      ),
    );
  });
});
