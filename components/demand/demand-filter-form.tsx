import { FilterBar } from '@/components/ui/filter-bar';
import { SelectField } from '@/components/ui/select-field';
import type { DemandParty } from '@/lib/data/demand';
import { formatIsoDate } from '@/lib/format';
import type { IsoDate } from '@/lib/rules/weeks';

/** Report 8's week and party, in the product's one filter bar. */
export function DemandFilterForm({
  weeks,
  week,
  latest,
  parties,
  party,
  choosesParty,
}: {
  weeks: IsoDate[];
  week: IsoDate;
  latest: IsoDate;
  parties: DemandParty[];
  party: DemandParty | null;
  choosesParty: boolean;
}) {
  const options = (weeks.includes(week) ? weeks : [week, ...weeks]).map((w) => ({
    value: w,
    label: `${formatIsoDate(w)}${w === latest ? ' (last complete)' : ''}`,
  }));
  return (
    <FilterBar action="/demand" label="Report 8 week and party" submitLabel="Show">
      <div className="field">
        <label htmlFor="d-week">Report 8 week (the last of four)</label>
        <select id="d-week" name="week" defaultValue={week} key={week}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {choosesParty ? (
        <SelectField
          key={party?.id ?? 'all'}
          id="d-supplier"
          name="supplier"
          label="Authorising Party"
          anyLabel="All suppliers"
          defaultValue={party?.id}
          options={parties.map((p) => ({ value: p.id, label: p.name }))}
        />
      ) : null}
    </FilterBar>
  );
}
