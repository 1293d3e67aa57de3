import type { ReactNode } from 'react';
import { SelectField } from '@/components/ui/select-field';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { listMigrationWeeks } from '@/lib/data/overview';
import { listVisibleSuppliers } from '@/lib/data/parties';
import type { InstallationFilter } from '@/lib/filters/installations';
import { formatIsoDate, STATUS_LABELS, TYPE_LABELS } from '@/lib/format';
import { ERROR_CODES, REASON_CODES } from '@/lib/rules/codes';
import { STAGES } from '@/lib/rules/stages';
import { GROUP_IDS, INSTALLATION_STATUSES, INSTALLATION_TYPES } from '@/lib/rules/types';

const codeOptions = (codes: readonly { code: string }[]) =>
  codes.map((c) => ({ value: c.code, label: c.code }));

/**
 * The filters as a plain GET form: the URL holds the state, so every view can be bookmarked and shared,
 * and it works before (and without) JavaScript.
 */
export async function FilterForm({
  viewer,
  action,
  filter,
  extra,
}: {
  viewer: Viewer;
  action: string;
  filter: InstallationFilter;
  extra?: ReactNode;
}) {
  const [weeks, suppliers] = await Promise.all([listMigrationWeeks(viewer), listVisibleSuppliers(viewer)]);
  const weekOptions = weeks.map((w) => ({ value: w, label: formatIsoDate(w) }));
  return (
    <form method="get" action={action} className="filters card" aria-label="Filters">
      <SelectField
        id="f-weekFrom"
        name="weekFrom"
        label="Currently in Migration Week from"
        defaultValue={filter.weekFrom}
        options={weekOptions}
      />
      <SelectField
        id="f-weekTo"
        name="weekTo"
        label="Currently in Migration Week to"
        defaultValue={filter.weekTo}
        options={weekOptions}
      />
      {can(viewer, 'migration.viewAll') ? (
        <SelectField
          id="f-supplier"
          name="supplier"
          label="Supplier"
          anyLabel="All suppliers"
          defaultValue={filter.supplier}
          options={suppliers.map((s) => ({ value: s.id, label: s.name }))}
        />
      ) : null}
      <SelectField
        id="f-groupId"
        name="groupId"
        label="GroupID"
        defaultValue={filter.groupId}
        options={GROUP_IDS.map((g) => ({ value: g, label: g }))}
      />
      <SelectField
        id="f-type"
        name="type"
        label="Installation type"
        defaultValue={filter.type}
        options={INSTALLATION_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
      />
      <SelectField
        id="f-stage"
        name="stage"
        label="Stage"
        defaultValue={filter.stage}
        options={STAGES.map((s) => ({ value: s.id, label: `${s.number}. ${s.label}` }))}
      />
      <SelectField
        id="f-status"
        name="status"
        label="Status"
        defaultValue={filter.status}
        options={INSTALLATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
      />
      <SelectField
        id="f-code"
        name="code"
        label="Code"
        defaultValue={filter.code}
        groups={[
          { label: 'Reason codes (MEHRS A.1)', options: codeOptions(REASON_CODES) },
          { label: 'Error and response codes', options: codeOptions(ERROR_CODES) },
        ]}
      />
      {extra}
      <div className="filter-actions">
        <button className="button" type="submit">
          Apply filters
        </button>
        <a className="button secondary" href={action}>
          Clear
        </a>
      </div>
    </form>
  );
}
