import type { SupplierOption } from '@/lib/data/parties';
import type { InstallationFilter } from '@/lib/filters/installations';
import { formatIsoDate, STATUS_LABELS, TYPE_LABELS } from '@/lib/format';
import { ERROR_CODES, REASON_CODES } from '@/lib/rules/codes';
import { STAGES } from '@/lib/rules/stages';
import { GROUP_IDS, INSTALLATION_STATUSES, INSTALLATION_TYPES } from '@/lib/rules/types';

/**
 * The filters as a plain GET form: the URL holds the state, so every view can be bookmarked and shared,
 * and it works before (and without) JavaScript.
 */
export function FilterForm({
  action,
  filter,
  weeks,
  suppliers,
  showSupplier,
  extra,
}: {
  action: string;
  filter: InstallationFilter;
  weeks: string[];
  suppliers: SupplierOption[];
  showSupplier: boolean;
  extra?: React.ReactNode;
}) {
  return (
    <form method="get" action={action} className="filters card" aria-label="Filters">
      <div className="field">
        <label htmlFor="f-weekFrom">Migration Week from</label>
        <select id="f-weekFrom" name="weekFrom" defaultValue={filter.weekFrom ?? ''}>
          <option value="">Any</option>
          {weeks.map((w) => (
            <option key={w} value={w}>
              {formatIsoDate(w)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-weekTo">Migration Week to</label>
        <select id="f-weekTo" name="weekTo" defaultValue={filter.weekTo ?? ''}>
          <option value="">Any</option>
          {weeks.map((w) => (
            <option key={w} value={w}>
              {formatIsoDate(w)}
            </option>
          ))}
        </select>
      </div>
      {showSupplier ? (
        <div className="field">
          <label htmlFor="f-supplier">Supplier</label>
          <select id="f-supplier" name="supplier" defaultValue={filter.supplier ?? ''}>
            <option value="">All suppliers</option>
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="f-groupId">GroupID</label>
        <select id="f-groupId" name="groupId" defaultValue={filter.groupId ?? ''}>
          <option value="">Any</option>
          {GROUP_IDS.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-type">Installation type</label>
        <select id="f-type" name="type" defaultValue={filter.type ?? ''}>
          <option value="">Any</option>
          {INSTALLATION_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-stage">Stage</label>
        <select id="f-stage" name="stage" defaultValue={filter.stage ?? ''}>
          <option value="">Any</option>
          {STAGES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.number}. {s.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-status">Status</label>
        <select id="f-status" name="status" defaultValue={filter.status ?? ''}>
          <option value="">Any</option>
          {INSTALLATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-code">Code</label>
        <select id="f-code" name="code" defaultValue={filter.code ?? ''}>
          <option value="">Any</option>
          <optgroup label="Reason codes (MEHRS A.1)">
            {REASON_CODES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code}
              </option>
            ))}
          </optgroup>
          <optgroup label="Error and response codes">
            {ERROR_CODES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
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
