import { SectionCard } from '@/components/ui/section-card';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { formatIsoDate } from '@/lib/format';

export interface ReportDownloadProps {
  name: string;
  title: string;
  reportId?: string;
  description: string;
  version: number;
  columns: readonly { header: string; description: string }[];
  /** A period report's default dates, or a Report 8's weeks to choose from (the first is the default). */
  parameters:
    | { kind: 'period'; from: string; to: string; max: string }
    | { kind: 'week'; weeks: readonly string[] };
  /** Analysts may narrow to one supplier; absent for a supplier user, whose scope is its session. */
  suppliers?: readonly { id: number; name: string }[];
}

/**
 * One report in the catalogue: what it holds, its published columns, and a plain GET form to the export endpoint,
 * so the download is the same URL a script would call (and works without JavaScript).
 */
export function ReportDownload({
  name,
  title,
  reportId,
  description,
  version,
  columns,
  parameters,
  suppliers,
}: ReportDownloadProps) {
  const id = (field: string) => `${name}-${field}`;
  return (
    <SectionCard title={reportId ? `${title} (${reportId})` : title} testId={`report-${name}`}>
      <p>{description}</p>
      <form method="get" action={`/api/exports/${name}`} className="filters" aria-label={`Download ${title}`}>
        {parameters.kind === 'period' ? (
          <>
            <TextField
              id={id('from')}
              name="from"
              label="From (London date)"
              type="date"
              required
              defaultValue={parameters.from}
              max={parameters.max}
            />
            <TextField
              id={id('to')}
              name="to"
              label="To (London date)"
              type="date"
              required
              defaultValue={parameters.to}
              max={parameters.max}
            />
          </>
        ) : (
          <SelectField
            id={id('week')}
            name="week"
            label="Latest Migration Week"
            anyLabel={`${formatIsoDate(parameters.weeks[0] ?? '')} (last complete)`}
            options={parameters.weeks.slice(1).map((w) => ({ value: w, label: formatIsoDate(w) }))}
          />
        )}
        {suppliers ? (
          <SelectField
            id={id('supplier')}
            name="supplier"
            label="Supplier"
            anyLabel="All suppliers"
            options={suppliers.map((s) => ({ value: s.id, label: s.name }))}
          />
        ) : null}
        <SelectField
          id={id('bom')}
          name="bom"
          label="Format"
          anyLabel="Excel (UTF-8 with BOM)"
          options={[{ value: '0', label: 'Scripts (plain UTF-8)' }]}
        />
        <div className="filter-actions">
          <button type="submit" className="button">
            Download CSV<span className="visually-hidden">: {reportId ?? title}</span>
          </button>
        </div>
      </form>
      <details>
        <summary>
          Columns, version {version}
          <span className="visually-hidden"> of {reportId ?? title}</span>
        </summary>
        <dl className="report-columns">
          {columns.map((c) => (
            <div key={c.header}>
              <dt>{c.header}</dt>
              <dd>{c.description}</dd>
            </div>
          ))}
        </dl>
      </details>
    </SectionCard>
  );
}
