'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { ChangeEvent } from 'react';
import type { SelectOption } from '@/components/ui/select-field';

export interface OverviewFilterField {
  name: string;
  label: string;
  anyLabel: string;
  value: string;
  options: SelectOption[];
}

/**
 * The overview's few filters, applied as soon as one changes (no Apply button): the URL keeps only the chosen values,
 * so an empty choice leaves its parameter out. Without JavaScript the form submits with its button.
 */
export function OverviewFilters({ fields }: { fields: OverviewFilterField[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const apply = (event: ChangeEvent<HTMLSelectElement>) => {
    const next = new URLSearchParams(params);
    if (event.target.value) next.set(event.target.name, event.target.value);
    else next.delete(event.target.name);
    const text = next.toString();
    router.push(text ? `${pathname}?${text}` : pathname);
  };
  return (
    <form method="get" className="filters card" aria-label="Filters">
      {[...params].map(([name, value]) =>
        fields.some((f) => f.name === name) ? null : (
          <input key={name} type="hidden" name={name} value={value} />
        ),
      )}
      {fields.map((f) => (
        <div className="field" key={f.name}>
          <label htmlFor={`o-${f.name}`}>{f.label}</label>
          <select id={`o-${f.name}`} name={f.name} value={f.value} onChange={apply}>
            <option value="">{f.anyLabel}</option>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <noscript>
        <button className="button" type="submit">
          Apply
        </button>
      </noscript>
    </form>
  );
}
