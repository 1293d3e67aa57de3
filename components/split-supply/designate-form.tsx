'use client';

import { useActionState, useId } from 'react';
import { designateWeekAction } from '@/app/(dashboard)/split-supply/actions';
import { TextField } from '@/components/ui/text-field';
import { formatCount, formatIsoDate } from '@/lib/format';

export interface WeekChoice {
  week: string;
  committed: number;
  planned: number;
  designated: number;
}

export interface DesignationTargets {
  installation: { id: number; label: string } | null;
  pair: { label: string; count: number } | null;
  filter: { count: number };
}

function weekLabel(w: WeekChoice): string {
  const over = w.planned + w.designated > w.committed ? ' (over commitment)' : '';
  return `${formatIsoDate(w.week)}: commitment ${formatCount(w.committed)}, planned ${formatCount(w.planned)}, split supply ${formatCount(w.designated)}${over}`;
}

/**
 * Designates a Migration Week (MAM) for one installation, a supplier pair or everything the filter matches. The
 * filter travels as hidden fields so "all matching" means exactly the rows on screen.
 */
export function DesignateForm({
  weeks,
  targets,
  filterParams,
}: {
  weeks: WeekChoice[];
  targets: DesignationTargets;
  filterParams: Record<string, string>;
}) {
  const [state, action, pending] = useActionState(designateWeekAction, undefined);
  const failure = state && !state.ok ? state : undefined;
  const errors = failure?.fieldErrors;
  const values = failure?.values;
  const headingId = useId();
  const defaultTarget =
    values?.target ?? (targets.installation ? 'installation' : targets.pair ? 'pair' : 'filter');
  return (
    <form action={action} className="card" aria-labelledby={headingId} id="designate">
      <h2 id={headingId}>Designate a Migration Week</h2>
      <div aria-live="polite">
        {state?.ok ? (
          <p className="advice" data-testid="designation-outcome">
            {formatCount(state.data.designated)} designated as drafts
            {state.data.unchanged ? `, ${formatCount(state.data.unchanged)} already had that week` : ''}
            {state.data.skipped.map((s) => `; ${formatCount(s.count)} skipped: ${s.reason}`).join('')}.
            Publish the calendar for the suppliers to see them.
          </p>
        ) : null}
        {failure ? <p className="form-error">{failure.message}</p> : null}
      </div>
      {Object.entries(filterParams).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {targets.installation ? (
        <input type="hidden" name="installation" value={targets.installation.id} />
      ) : null}
      <fieldset className="field" key={`target-${defaultTarget}`}>
        <legend>Which installations</legend>
        {targets.installation ? (
          <label>
            <input
              type="radio"
              name="target"
              value="installation"
              defaultChecked={defaultTarget === 'installation'}
            />{' '}
            This installation only ({targets.installation.label})
          </label>
        ) : null}
        {targets.pair ? (
          <label>
            <input type="radio" name="target" value="pair" defaultChecked={defaultTarget === 'pair'} /> The
            whole supplier pair, {targets.pair.label} ({formatCount(targets.pair.count)} not yet migrated)
          </label>
        ) : null}
        <label>
          <input type="radio" name="target" value="filter" defaultChecked={defaultTarget === 'filter'} /> All{' '}
          {formatCount(targets.filter.count)} installations matching the filter
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor="d-week">Migration Week</label>
        <select
          key={values?.week ?? ''}
          id="d-week"
          name="week"
          defaultValue={values?.week ?? ''}
          aria-invalid={errors?.week ? true : undefined}
          aria-describedby={errors?.week ? 'd-week-error' : 'd-week-hint'}
        >
          <option value="">Choose a week</option>
          {weeks.map((w) => (
            <option key={w.week} value={w.week}>
              {weekLabel(w)}
            </option>
          ))}
        </select>
        <span id="d-week-hint" className="muted">
          Only weeks whose submission cut-off is still ahead are offered; the figures are the DCC commitment
          against installations already planned, as on the demand page.
        </span>
        {errors?.week ? (
          <span id="d-week-error" className="form-error">
            {errors.week[0]}
          </span>
        ) : null}
      </div>
      <TextField
        id="d-reason"
        name="reason"
        label="Reason (required to supersede a published week)"
        defaultValue={values?.reason}
        errors={errors?.reason}
        autoComplete="off"
      />
      <button className="button" type="submit" disabled={pending}>
        {pending ? 'Designating…' : 'Designate week'}
      </button>
    </form>
  );
}
