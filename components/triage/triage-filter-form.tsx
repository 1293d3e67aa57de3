import { FilterBar } from '@/components/ui/filter-bar';
import { SelectField } from '@/components/ui/select-field';
import type { Viewer } from '@/lib/auth/viewer';
import { listSmsoOptions } from '@/lib/data/triage';
import { TRIAGE_STATE_LABELS, TRIAGE_STATES, type TriageListQuery } from '@/lib/filters/triage';
import { TYPE_LABELS } from '@/lib/format';
import { ERROR_CODES, REASON_CODES } from '@/lib/rules/codes';
import { TRIAGE_DECISION_LABELS, TRIAGE_DECISIONS, TRIAGEABLE_TYPES } from '@/lib/rules/triage';
import { GROUP_IDS } from '@/lib/rules/types';

/** The triage queue's filters, in the product's one filter bar. */
export async function TriageFilterForm({ viewer, query }: { viewer: Viewer; query: TriageListQuery }) {
  const smsos = await listSmsoOptions(viewer);
  return (
    <FilterBar action="/triage" clearHref="/triage">
      <div className="field">
        <label htmlFor="t-state">Show</label>
        <select id="t-state" name="state" defaultValue={query.state}>
          {TRIAGE_STATES.map((s) => (
            <option key={s} value={s}>
              {TRIAGE_STATE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <SelectField
        id="t-groupId"
        name="groupId"
        label="GroupID"
        defaultValue={query.groupId}
        options={GROUP_IDS.map((g) => ({ value: g, label: g }))}
      />
      <SelectField
        id="t-smso"
        name="smso"
        label="SMSO"
        defaultValue={query.smso}
        options={smsos.map((s) => ({ value: s.id, label: s.name }))}
      />
      <SelectField
        id="t-code"
        name="code"
        label="Code"
        defaultValue={query.code}
        groups={[
          { label: 'Reason codes', options: REASON_CODES.map((c) => ({ value: c.code, label: c.code })) },
          { label: 'Error codes', options: ERROR_CODES.map((c) => ({ value: c.code, label: c.code })) },
        ]}
      />
      <SelectField
        id="t-advice"
        name="advice"
        label="Advice"
        defaultValue={query.advice}
        options={TRIAGE_DECISIONS.map((d) => ({ value: d, label: TRIAGE_DECISION_LABELS[d] }))}
      />
      <SelectField
        id="t-type"
        name="type"
        label="Type"
        defaultValue={query.type}
        options={TRIAGEABLE_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
      />
      <SelectField
        id="t-minAttempts"
        name="minAttempts"
        label="Attempts"
        defaultValue={query.minAttempts}
        options={[1, 2, 3, 4, 5, 6].map((n) => ({ value: n, label: `${n} or more` }))}
      />
      <SelectField
        id="t-dir"
        name="dir"
        label="Order"
        anyLabel="Oldest failure first"
        defaultValue={query.dir === 'desc' ? 'desc' : undefined}
        options={[{ value: 'desc', label: 'Newest failure first' }]}
      />
    </FilterBar>
  );
}
