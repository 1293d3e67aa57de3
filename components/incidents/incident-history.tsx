import { LondonTime } from '@/components/ui/london-time';
import type { IncidentDetail } from '@/lib/data/incidents';
import { INCIDENT_STATUS_LABELS } from '@/lib/rules/incident-workflow';

const ACTION_LABELS = {
  raised: 'Raised',
  status: 'Status changed',
  assigned: 'Assigned',
  category: 'Category changed',
  note: 'Note',
} as const;

/** The append-only history: who, when and what (a supplier sees when and what happened, not who or why). */
export function IncidentHistory({ history }: { history: IncidentDetail['history'] }) {
  return (
    <ol className="timeline" data-testid="incident-history">
      {history.map((h) => (
        <li key={h.id}>
          <LondonTime iso={h.at} /> · {ACTION_LABELS[h.action]} · {INCIDENT_STATUS_LABELS[h.status]} ·
          category {h.category}
          {h.by ? <span className="muted"> · by {h.by}</span> : null}
          {h.note ? <div className="muted">{h.note}</div> : null}
        </li>
      ))}
    </ol>
  );
}
