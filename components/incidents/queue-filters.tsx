import { FilterBar } from '@/components/ui/filter-bar';
import { SelectField } from '@/components/ui/select-field';
import type { SupplierOption } from '@/lib/data/parties';
import { type IncidentQueueQuery, QUEUE_OWNERS } from '@/lib/filters/incidents';
import { INCIDENT_STATUS_LABELS } from '@/lib/rules/incident-workflow';
import { SCENARIOS } from '@/lib/rules/scenarios';
import { GROUP_IDS, INCIDENT_STATUSES } from '@/lib/rules/types';
import { SHORT_OWNER } from './queue-summary';

/** The incident queue's filters, in the product's one filter bar. */
export function QueueFilters({
  query,
  suppliers,
}: {
  query: IncidentQueueQuery;
  /** Offered to the MCC only; a supplier's queue is already its own. */
  suppliers: SupplierOption[] | null;
}) {
  const scenarios = SCENARIOS.filter((s) => s.handling !== 'none');
  return (
    <FilterBar action="/incidents" label="Queue filters" hidden={{ kind: query.kind, sort: query.sort }}>
      {query.kind === 'incident' ? (
        <SelectField
          id="q-owner"
          name="owner"
          label="Owner"
          anyLabel="Every owner"
          defaultValue={query.owner}
          options={QUEUE_OWNERS.map((o) => ({ value: o, label: SHORT_OWNER[o] }))}
        />
      ) : null}
      <SelectField
        id="q-scenario"
        name="scenario"
        label="MEHRS scenario"
        defaultValue={query.scenario}
        options={scenarios.map((s) => ({ value: s.section, label: `${s.section} ${s.title}` }))}
      />
      <div className="field">
        <label htmlFor="q-status">Status</label>
        <select id="q-status" name="status" defaultValue={query.status}>
          <option value="active">Open (not resolved)</option>
          <option value="all">Any status</option>
          {INCIDENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {INCIDENT_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <SelectField
        id="q-breached"
        name="breached"
        label="Provisional target"
        anyLabel="Any"
        defaultValue={query.breached}
        options={[{ value: 'yes', label: 'Past target only' }]}
      />
      {suppliers ? (
        <SelectField
          id="q-supplier"
          name="supplier"
          label="Affected supplier"
          anyLabel="All suppliers"
          defaultValue={query.supplier}
          options={suppliers.map((s) => ({ value: s.id, label: s.name }))}
        />
      ) : null}
      <SelectField
        id="q-groupId"
        name="groupId"
        label="GroupID"
        defaultValue={query.groupId}
        options={GROUP_IDS.map((g) => ({ value: g, label: g }))}
      />
    </FilterBar>
  );
}
