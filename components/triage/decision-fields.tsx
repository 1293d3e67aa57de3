'use client';

import { useState } from 'react';
import type { WeekOption } from '@/lib/data/triage';
import { formatCount, formatIsoDate } from '@/lib/format';
import { TRIAGE_DECISION_LABELS, TRIAGE_DECISIONS, type TriageDecision } from '@/lib/rules/triage';

type Errors = Record<string, string[]> | undefined;

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.[0] ? (
    <span id={`${id}-error`} className="form-error">
      {errors[0]}
    </span>
  ) : null;
}

function described(id: string, errors?: string[]) {
  return errors?.[0] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};
}

/** The week picker: only valid Migration Weeks, each with what is already in it against its capacity. */
export function WeekSelect({
  id,
  name,
  label,
  weeks,
  optional = false,
  errors,
}: {
  id: string;
  name: string;
  label: string;
  weeks: readonly WeekOption[];
  optional?: boolean;
  errors?: string[];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={optional ? '' : weeks[0]?.week} {...described(id, errors)}>
        {optional ? <option value="">Not given yet</option> : null}
        {weeks.map((w) => (
          <option key={w.week} value={w.week}>
            {formatIsoDate(w.week)}: {formatCount(w.scheduled)} of {formatCount(w.capacity)} planned
            {w.scheduled >= w.capacity ? ' (full)' : ''}
          </option>
        ))}
      </select>
      <FieldError id={id} errors={errors} />
    </div>
  );
}

/** What each decision records (MEHRS 4.1, 4.2), shown for the decision picked. */
export function DecisionFields({
  idPrefix,
  advice,
  weeks,
  errors,
  values,
}: {
  idPrefix: string;
  /** What a refused submission sent, so the form comes back filled in. */
  values?: Record<string, string>;
  /** The rules' advice, preselected; null when the rows differ. */
  advice: TriageDecision | null;
  weeks: readonly WeekOption[];
  errors: Errors;
}) {
  const [decision, setDecision] = useState<TriageDecision>(advice ?? 'reschedule');
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <fieldset className="choices">
        <legend>Decision</legend>
        {TRIAGE_DECISIONS.map((d) => (
          <label key={d} className="choice">
            <input
              type="radio"
              name="decision"
              value={d}
              checked={decision === d}
              onChange={() => setDecision(d)}
            />{' '}
            {TRIAGE_DECISION_LABELS[d]}
            {d === advice ? <span className="muted"> (advised)</span> : null}
          </label>
        ))}
      </fieldset>
      {decision === 'reschedule' ? (
        <WeekSelect id={id('week')} name="week" label="Migration Week" weeks={weeks} errors={errors?.week} />
      ) : null}
      {decision === 'await-smso' ? (
        <div className="field">
          <label htmlFor={id('awaited')}>What is awaited from the SMSO</label>
          <input
            id={id('awaited')}
            name="awaitedSmsoAction"
            defaultValue={values?.awaitedSmsoAction}
            {...described(id('awaited'), errors?.awaitedSmsoAction)}
          />
          <FieldError id={id('awaited')} errors={errors?.awaitedSmsoAction} />
        </div>
      ) : null}
      {decision === 'liaise-with-active-supplier' ? (
        <>
          <div className="field">
            <label htmlFor={id('party')}>Who was contacted</label>
            <input
              id={id('party')}
              name="contactedParty"
              defaultValue={values?.contactedParty}
              {...described(id('party'), errors?.contactedParty)}
            />
            <FieldError id={id('party')} errors={errors?.contactedParty} />
          </div>
          <div className="field">
            <label htmlFor={id('at')}>When (London time)</label>
            <input
              id={id('at')}
              name="contactedAt"
              defaultValue={values?.contactedAt}
              type="datetime-local"
              {...described(id('at'), errors?.contactedAt)}
            />
            <FieldError id={id('at')} errors={errors?.contactedAt} />
          </div>
          <div className="field">
            <label htmlFor={id('answer')}>Their answer</label>
            <input
              id={id('answer')}
              name="supplierAnswer"
              defaultValue={values?.supplierAnswer}
              {...described(id('answer'), errors?.supplierAnswer)}
            />
            <FieldError id={id('answer')} errors={errors?.supplierAnswer} />
          </div>
          <WeekSelect
            id={id('supplierWeek')}
            name="supplierWeek"
            label="The supplier's Migration Week"
            weeks={weeks}
            optional
            errors={errors?.supplierWeek}
          />
        </>
      ) : null}
      <div className="field">
        <label htmlFor={id('note')}>
          {decision === 'exclude' ? 'Reason for excluding' : 'Note (optional)'}
        </label>
        <textarea
          id={id('note')}
          name="note"
          rows={2}
          defaultValue={values?.note}
          {...described(id('note'), errors?.note)}
        />
        <FieldError id={id('note')} errors={errors?.note} />
      </div>
      <div className="field">
        <label htmlFor={id('overrule')}>Reason for overruling the advice</label>
        <textarea
          id={id('overrule')}
          name="overruleReason"
          defaultValue={values?.overruleReason}
          rows={2}
          aria-describedby={`${id('overrule')}-hint`}
        />
        <span id={`${id('overrule')}-hint`} className="muted">
          Needed wherever this decision differs from the advice; it is kept with the decision.
        </span>
      </div>
      <label className="choice">
        <input type="checkbox" name="supplierVisible" /> The Responsible Supplier(s) may read the note
      </label>
    </>
  );
}
