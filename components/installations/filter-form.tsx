import type { ReactNode } from 'react';
import { FilterBar } from '@/components/ui/filter-bar';
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

/** The installations filters (the overview's and the list's), in the product's one filter bar. */
export async function FilterForm({
  viewer,
  action,
  filter,
  extra,
  hidden,
}: {
  viewer: Viewer;
  action: string;
  filter: InstallationFilter;
  extra?: ReactNode;
  /** State the form carries over unchanged, such as the list's sort. */
  hidden?: Record<string, string>;
}) {
  const [weeks, suppliers] = await Promise.all([listMigrationWeeks(viewer), listVisibleSuppliers(viewer)]);
  const weekOptions = weeks.map((w) => ({ value: w, label: formatIsoDate(w) }));
  return (
    <FilterBar action={action} clearHref={action} hidden={hidden}>
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
    </FilterBar>
  );
}
