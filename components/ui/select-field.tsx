export interface SelectOption {
  value: string | number;
  label: string;
}

/** A labelled select with an "Any" choice first (none when `anyLabel` is null); options may come in labelled groups. */
export function SelectField({
  id,
  name,
  label,
  defaultValue,
  anyLabel = 'Any',
  options = [],
  groups = [],
}: {
  id: string;
  name: string;
  label: string;
  defaultValue?: string | number;
  anyLabel?: string | null;
  options?: SelectOption[];
  groups?: { label: string; options: SelectOption[] }[];
}) {
  const render = (o: SelectOption) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultValue ?? ''}>
        {anyLabel === null ? null : <option value="">{anyLabel}</option>}
        {options.map(render)}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map(render)}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
