import { describe, expect, it } from 'vitest';
import {
  designationWeekProblem,
  maSideStatus,
  offCalendarWeeks,
  readMa106,
  submissionCutOff,
  timeLeftToSubmit,
  validDesignationWeeks,
} from './split-supply';

// Wednesday 25 Nov 2026, 12:00 London (GMT).
const NOW = new Date('2026-11-25T12:00:00Z');

describe('MAM split-supply calendar: submission cut-off (assumption: 00:00 London two days before the week)', () => {
  it.each([
    ['2026-11-30', '2026-11-28T00:00:00.000Z', 'GMT'],
    ['2026-06-01', '2026-05-29T23:00:00.000Z', 'BST: 00:00 London is 23:00 UTC'],
    ['2026-03-30', '2026-03-28T00:00:00.000Z', 'the Saturday before the clocks go forward is still GMT'],
    ['2026-10-26', '2026-10-23T23:00:00.000Z', 'the Saturday before the clocks go back is still BST'],
  ])('week %s is due by %s (%s)', (week, cutOff) => {
    expect(submissionCutOff(week).toISOString()).toBe(cutOff);
  });

  it('refuses a week that is not a Monday', () => {
    expect(() => submissionCutOff('2026-12-01')).toThrow(/Monday/);
  });

  it.each([
    ['2026-11-30', 'Due in 2 days 12 hours', false],
    ['2026-11-23', 'Cut-off passed', true],
  ])('time left for %s at noon on 25 Nov: %s', (week, label, passed) => {
    expect(timeLeftToSubmit(week, NOW)).toMatchObject({ label, passed });
  });

  it('counts the last hour in minutes', () => {
    expect(timeLeftToSubmit('2026-11-30', new Date('2026-11-27T23:15:00Z')).label).toBe('Due in 45 minutes');
  });
});

describe('MAM: which weeks the MCC may designate', () => {
  it('starts at the first week whose cut-off is ahead and stops at the planning horizon (assumption: 12)', () => {
    const weeks = validDesignationWeeks(NOW);
    expect(weeks[0]).toBe('2026-11-30');
    expect(weeks.at(-1)).toBe('2027-02-15');
    expect(weeks).toHaveLength(12);
  });

  it('skips a week whose cut-off has passed even though the week has not begun', () => {
    expect(validDesignationWeeks(new Date('2026-11-28T09:00:00Z'))[0]).toBe('2026-12-07');
  });

  it('MEHRS 2.3.2: after a failed attempt only a subsequent week is offered', () => {
    expect(validDesignationWeeks(NOW, '2026-12-14')[0]).toBe('2026-12-21');
  });

  it.each([
    ['2026-12-01', /Monday/],
    ['2026-11-23', /cut-off has passed/],
    ['2026-12-07', /after the installation’s last attempted week/],
    ['2027-03-01', /12 weeks ahead/],
  ])('refuses %s', (week, message) => {
    expect(designationWeekProblem(week, NOW, '2026-12-07')).toMatch(message);
  });
});

describe('MAM: each supplier’s MA for the designated week', () => {
  const accepted = { migrationWeek: '2026-11-30', validationStatus: 'accepted' as const };
  const rejected = { migrationWeek: '2026-11-30', validationStatus: 'rejected' as const };
  const otherWeek = { migrationWeek: '2026-12-07', validationStatus: 'accepted' as const };
  it.each([
    ['an accepted MA', [rejected, accepted], NOW, 'received'],
    ['only a rejected MA (MEHRS 2.3.2: resubmit)', [rejected], NOW, 'rejected'],
    ['nothing yet, before the cut-off', [otherWeek], NOW, 'awaiting'],
    ['nothing by the cut-off', [], new Date('2026-11-28T00:00:00Z'), 'missed'],
  ] as const)('%s → %s', (_, mas, now, status) => {
    expect(maSideStatus('2026-11-30', mas, now)).toBe(status);
  });

  it('flags MAs for weeks no designation named', () => {
    expect(offCalendarWeeks([accepted, otherWeek, otherWeek], ['2026-11-30'])).toEqual(['2026-12-07']);
  });
});

describe('MA106 read from each side (MAM; MEHRS Appendix A.1)', () => {
  const base = { failedWeek: '2026-11-16', wasDesignated: true, nextWeek: null, now: NOW } as const;

  it('tells the supplier that missed the designated week that it missed it, and to wait for a new week', () => {
    const r = readMa106({
      ...base,
      reader: 'supplier',
      readerSide: { name: 'you', arrived: false },
      otherSide: { name: 'the other supplier', arrived: true },
    });
    expect(r.missedBy).toBe('reader');
    expect(r.what).toContain('designated the Migration Week of 16 Nov 2026');
    expect(r.what).toContain('Your Migration Authorisation for it did not arrive');
    expect(r.what).toContain('not responsible');
    expect(r.action).toMatch(/^Wait for the Migration Control Centre to designate a new week/);
  });

  it('tells the supplier whose MA arrived that the other side missed it, never to "agree with" it', () => {
    const r = readMa106({
      ...base,
      reader: 'supplier',
      readerSide: { name: 'you', arrived: true },
      otherSide: { name: 'the other supplier', arrived: false },
      nextWeek: '2026-12-07',
    });
    expect(r.missedBy).toBe('other');
    expect(r.what).toContain('the other supplier’s did not');
    expect(r.action).toContain('back on the calendar for the Migration Week of 7 Dec 2026');
    expect(r.action).toContain('by Sat, 5 Dec 2026, 00:00 (London time)');
    expect(`${r.what} ${r.action}`).not.toMatch(/agree/i);
  });

  it('names both suppliers for the MCC and asks it to designate a new week', () => {
    const r = readMa106({
      ...base,
      reader: 'mcc',
      readerSide: { name: 'Brightwater Energy', arrived: true },
      otherSide: { name: 'Northvale Power', arrived: false },
    });
    expect(r.missedBy).toBe('other');
    expect(r.what).toContain('Brightwater Energy’s Migration Authorisation arrived');
    expect(r.what).toContain('Northvale Power’s Migration Authorisation did not arrive');
    expect(r.action).toMatch(/^Designate a new Migration Week/);
  });

  it('says when the failed week was never designated', () => {
    const r = readMa106({
      ...base,
      wasDesignated: false,
      reader: 'supplier',
      readerSide: { name: 'you', arrived: true },
      otherSide: { name: 'the other supplier', arrived: false },
    });
    expect(r.what).toMatch(/had not designated/);
  });

  it('says the cut-off has passed on a re-designated week that is already due', () => {
    const r = readMa106({
      ...base,
      reader: 'supplier',
      readerSide: { name: 'you', arrived: false },
      otherSide: { name: 'the other supplier', arrived: false },
      nextWeek: '2026-11-23',
    });
    expect(r.missedBy).toBe('both');
    expect(r.action).toMatch(/cut-off has passed/);
  });
});
