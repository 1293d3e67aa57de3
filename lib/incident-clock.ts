import type { IncidentDetail } from '@/lib/data/incidents';
import { type IncidentClock, type IncidentEvent, incidentClock } from '@/lib/rules/incident-targets';
import { scenario } from '@/lib/rules/scenarios';
import type { IncidentCategory } from '@/lib/rules/types';

/**
 * An incident's resolution clock from its stored history: each status row is a status event, and a change
 * of category is a category event, so paused time and re-categorisation are both honoured (rules module).
 */
export function clockFor(incident: IncidentDetail, now: Date): IncidentClock {
  const events: IncidentEvent[] = [];
  let category: number | undefined;
  for (const h of incident.history) {
    const at = new Date(h.at);
    if (h.category !== category) {
      events.push({ type: 'category', category: h.category as IncidentCategory, at });
      category = h.category;
    }
    events.push({ type: 'status', status: h.status, at });
  }
  // SharePoint incidents (MEHRS 2.1) use the standard ITRT; every migration incident the TMAD's.
  const kind = scenario(incident.scenario)?.migrationIncident === false ? 'standard' : 'migration';
  return incidentClock(events, now, undefined, kind);
}
