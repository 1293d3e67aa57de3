import { describe, expect, it } from 'vitest';
import { incidentManagement } from './incident-management';
import { SCENARIOS } from './scenarios';

describe('incidentManagement: who raises, owns and manages an incident (MEHRS section 2)', () => {
  it('MEHRS 2.1.1 SharePoint: raised by the User, owned and managed by DCC, standard ITRT (not the MCC)', () => {
    const m = incidentManagement('2.1.1');
    expect(m.kind).toBe('sharepoint-incident');
    expect(m.managedBy).toBe('dcc');
    expect(m.owner).toBe('dcc');
    expect(m.target).toBe('standard-itrt');
    expect(m.summary).not.toMatch(/managed by the Migration Control Centre/);
    expect(m.summary).toMatch(/emails the Migration Control Centre/);
  });

  it('MEHRS 2.1.2 SharePoint (DCC side): DCC manages it', () => {
    expect(incidentManagement('2.1.2').managedBy).toBe('dcc');
  });

  it.each([
    ['2.4.1', 'rp'],
    ['2.4.3', 's1sp'],
    ['2.5.7', 'rp'],
    ['2.6.6', 's1sp'],
    ['2.7.5', 'cp'],
    ['2.7.7', 's1sp'],
  ] as const)('MEHRS %s: a migration incident managed by the MCC, assigned to %s', (section, owner) => {
    const m = incidentManagement(section);
    expect(m.kind).toBe('migration-incident');
    expect(m.managedBy).toBe('mcc');
    expect(m.owner).toBe(owner);
    expect(m.target).toBe('tmad-itrt');
  });

  it('MEHRS 2.6.5: assigned to the DCO when the DCO failed to delete keys', () => {
    expect(incidentManagement('2.6.5', { owner: 'dco' }).owner).toBe('dco');
    expect(incidentManagement('2.6.5', { owner: 'rp' }).owner).toBe('s1sp');
  });

  it('MEHRS 2.5.2: an SMSO/CSP communication, not an Incident', () => {
    const m = incidentManagement('2.5.2');
    expect(m.kind).toBe('communication');
    expect(m.owner).toBeNull();
  });

  it('MEHRS 2.5.8 GroupID CB: a Service Request on the RP; other GroupIDs: no Incident', () => {
    expect(incidentManagement('2.5.8', { groupId: 'CB' }).kind).toBe('service-request');
    expect(incidentManagement('2.5.8', { groupId: 'AA' }).kind).toBe('no-incident');
  });

  it('every migration-incident scenario is managed by the MCC and every SharePoint one by DCC', () => {
    const incidentScenarios = SCENARIOS.filter((s) => s.handling === 'incident');
    expect(incidentScenarios.length).toBeGreaterThan(20);
    for (const s of incidentScenarios) {
      expect(incidentManagement(s.section).managedBy).toBe(s.migrationIncident ? 'mcc' : 'dcc');
    }
  });

  it('an unknown section is no incident', () => {
    expect(incidentManagement('9.9.9').kind).toBe('no-incident');
  });
});
