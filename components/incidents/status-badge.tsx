import { INCIDENT_STATUS_LABELS } from '@/lib/rules/incident-workflow';
import type { IncidentStatus } from '@/lib/rules/types';

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  return <span className={`badge incident-${status}`}>{INCIDENT_STATUS_LABELS[status]}</span>;
}
