import { LondonTime } from '@/components/ui/london-time';
import type { IncidentDetail } from '@/lib/data/incidents';
import { incidentManagement } from '@/lib/rules/incident-management';
import { RECORD_KIND_LABELS } from '@/lib/rules/incident-workflow';
import { scenario as scenarioOf } from '@/lib/rules/scenarios';
import { formatDuration } from './format';
import { TimeLeft } from './time-left';

/** The facts of an incident; who manages it comes from the rules (incidentManagement: MEHRS 2.1.x DCC, else the MCC). */
export function IncidentFacts({ incident }: { incident: IncidentDetail }) {
  const s = scenarioOf(incident.scenario);
  const manager = incidentManagement(incident.scenario, { groupId: incident.groupId }).managerLabel;
  return (
    <section className="card" aria-label="Facts">
      <dl className="facts">
        <dt>Scenario</dt>
        <dd>
          MEHRS {incident.scenario}
          {s ? `: ${s.title}` : ''}
          {incident.groupId ? ` (GroupID ${incident.groupId} variant)` : ''}
        </dd>
        <dt>Record</dt>
        <dd>{RECORD_KIND_LABELS[incident.kind]}</dd>
        <dt>Raised by</dt>
        <dd>{incident.raisedBy}</dd>
        <dt>Owner</dt>
        <dd data-testid="owner">
          {incident.owner}
          {manager ? ` (managed by the ${manager})` : ''}
        </dd>
        {incident.kind !== 'communication' ? (
          <>
            <dt>Category</dt>
            <dd data-testid="category">{incident.category}</dd>
          </>
        ) : null}
        {incident.assignee ? (
          <>
            <dt>Assigned to</dt>
            <dd data-testid="assignee">{incident.assignee.name}</dd>
          </>
        ) : null}
        <dt>Raised</dt>
        <dd>
          <LondonTime iso={incident.raisedAt} />
        </dd>
        {incident.resolvedAt ? (
          <>
            <dt>Resolved</dt>
            <dd>
              <LondonTime iso={incident.resolvedAt} />
            </dd>
          </>
        ) : null}
        <dt>Target resolution (to be confirmed)</dt>
        <dd data-testid="incident-clock">
          {incident.clock ? (
            <>
              <TimeLeft clock={incident.clock} asOf={incident.asOf} />
              <span className="muted">
                {' '}
                · {formatDuration(incident.clock.elapsedMs)} of a provisional{' '}
                {formatDuration(incident.clock.targetMs)} used
                {incident.status === 'paused' ? ' · clock paused while on hold' : ''}
              </span>
            </>
          ) : (
            <span className="muted">No target: a communication is not an Incident (MEHRS 2.5.2).</span>
          )}
        </dd>
        {incident.holdReason ? (
          <>
            <dt>On hold because</dt>
            <dd>{incident.holdReason}</dd>
          </>
        ) : null}
        {s?.onResolution ? (
          <>
            <dt>On resolution</dt>
            <dd>{s.onResolution}</dd>
          </>
        ) : null}
      </dl>
      {incident.description ? <p>{incident.description}</p> : null}
    </section>
  );
}
