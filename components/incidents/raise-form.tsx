'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useEffect, useState, useTransition } from 'react';
import { findInstallationsAction, raiseIncidentAction } from '@/app/(dashboard)/incidents/actions';
import { SelectField } from '@/components/ui/select-field';
import type { InstallationMatch } from '@/lib/data/incident-raise';
import { RECORD_KIND_LABELS, raiseOutcome } from '@/lib/rules/incident-workflow';
import { SCENARIOS } from '@/lib/rules/scenarios';
import { GROUP_IDS, type GroupId, PARTY_ROLE_LABELS, type PartyRole } from '@/lib/rules/types';
import { CATEGORY_OPTIONS } from './format';

export interface PartyChoice {
  id: number;
  name: string;
  role: PartyRole;
}

interface Lookup {
  found: InstallationMatch[];
  unmatched: string[];
  interestedParties: string[];
}

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.[0] ? (
    <span id={id} className="form-error">
      {errors[0]}
    </span>
  ) : null;
}

/** 'Albion Gas & Electric (Responsible Supplier)'; the role is left out where the name already says it. */
function roleNote(p: PartyChoice): string {
  const role = PARTY_ROLE_LABELS[p.role];
  return p.name === role ? p.name : `${p.name} (${role})`;
}

function PartySelect({
  id,
  name,
  label,
  parties,
  value,
  onChange,
  errors,
}: {
  id: string;
  name: string;
  label: string;
  parties: PartyChoice[];
  value: string;
  onChange: (v: string) => void;
  errors?: string[];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors?.[0] ? true : undefined}
        aria-describedby={errors?.[0] ? `${id}-error` : undefined}
      >
        {parties.length > 1 ? <option value="">Choose</option> : null}
        {parties.map((p) => (
          <option key={p.id} value={p.id}>
            {roleNote(p)}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

function LookupResult({ lookup }: { lookup: Lookup }) {
  return (
    <div aria-live="polite" data-testid="lookup">
      <p>
        {lookup.found.length} installation{lookup.found.length === 1 ? '' : 's'} found
        {lookup.unmatched.length > 0 ? `; no installation has ${lookup.unmatched.join(', ')}` : ''}.
      </p>
      {lookup.interestedParties.length > 0 ? (
        <p data-testid="interested-preview">Interested Parties: {lookup.interestedParties.join(', ')}</p>
      ) : null}
    </div>
  );
}

/**
 * Raising from a MEHRS scenario: the rules fill in the record kind, the owner (asking only where MEHRS names two)
 * and what happens on resolution; a scenario handled by reason codes alone is said so and cannot be submitted.
 */
export function RaiseForm({
  parties,
  requestKey,
  from,
}: {
  parties: PartyChoice[];
  requestKey: string;
  from: { query: string; count: number } | null;
}) {
  const router = useRouter();
  const [state, action, pending] = useActionState(raiseIncidentAction, undefined);
  const [section, setSection] = useState('');
  const [groupId, setGroupId] = useState<GroupId | ''>('');
  const [owner, setOwner] = useState('');
  const [raiser, setRaiser] = useState('');
  const [meters, setMeters] = useState('');
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [looking, startLookup] = useTransition();
  const outcome = section ? raiseOutcome(section, groupId || null) : null;
  const ownerRoles = outcome?.kind ? outcome.owners : [];
  const raiserRoles = outcome?.kind
    ? [...(outcome.raisedBy.length > 0 ? outcome.raisedBy : outcome.owners), 'mcc']
    : [];
  const owners = parties.filter((p) => ownerRoles.includes(p.role));
  const raisers = parties.filter((p) => raiserRoles.includes(p.role));
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  // A single possible party is chosen for the analyst; a new scenario or GroupID clears the choices.
  const only = (list: PartyChoice[]) => (list.length === 1 ? String(list[0]?.id) : '');
  // The party MEHRS names first as the raiser is the likely one; the analyst may pick another it names.
  const firstRaiser = raisers.find((p) => p.role === raiserRoles[0]) ?? raisers[0];
  const choose = (next: () => void) => {
    next();
    setOwner('');
    setRaiser('');
  };

  useEffect(() => {
    if (state?.ok) router.push(`/incidents/${state.data.id}`);
  }, [state, router]);

  const find = () =>
    startLookup(async () => {
      const form = new FormData();
      form.set('meters', meters);
      const result = await findInstallationsAction(undefined, form);
      if (result.ok) {
        setLookup(result.data);
        setLookupError(null);
      } else setLookupError(result.message);
    });

  return (
    <form
      action={action}
      // Dispatched by hand so a refused form keeps every choice (React resets a form after its action runs).
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
      className="card stack"
      aria-label="Raise an incident"
    >
      <input type="hidden" name="requestKey" value={requestKey} />
      {from ? <input type="hidden" name="from" value={from.query} /> : null}
      <div className="field">
        <label htmlFor="r-scenario">MEHRS scenario</label>
        <select
          id="r-scenario"
          name="scenario"
          value={section}
          onChange={(e) => choose(() => setSection(e.target.value))}
        >
          <option value="">Choose a scenario</option>
          {SCENARIOS.map((s) => (
            <option key={s.section} value={s.section}>
              {s.section} {s.title}
            </option>
          ))}
        </select>
        <FieldError id="r-scenario-error" errors={errors?.scenario} />
      </div>
      <div className="field">
        <label htmlFor="r-group">GroupID variant</label>
        <select
          id="r-group"
          name="groupId"
          value={groupId}
          onChange={(e) => choose(() => setGroupId(GROUP_IDS.find((g) => g === e.target.value) ?? ''))}
        >
          <option value="">None</option>
          {GROUP_IDS.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </div>
      {outcome ? (
        <div className="advice" data-testid="raise-outcome" aria-live="polite">
          <p>
            <strong>{outcome.kind ? RECORD_KIND_LABELS[outcome.kind] : 'No record'}.</strong>{' '}
            {outcome.explanation}
          </p>
          {outcome.kind && outcome.onResolution ? <p>On resolution: {outcome.onResolution}</p> : null}
          {outcome.kind && outcome.backlogOrder ? (
            <p>
              Backlog order:{' '}
              {outcome.backlogOrder === 'priority-first'
                ? 'priority-flagged first, then order of receipt'
                : 'order of receipt'}
              .
            </p>
          ) : null}
        </div>
      ) : null}
      {outcome?.kind ? (
        <>
          <PartySelect
            id="r-owner"
            name="ownerPartyId"
            label="Owner"
            parties={owners}
            value={owner || only(owners)}
            onChange={setOwner}
            errors={errors?.ownerPartyId}
          />
          <PartySelect
            id="r-raiser"
            name="raisedByPartyId"
            label="Raised by"
            parties={raisers}
            value={raiser || (firstRaiser ? String(firstRaiser.id) : '')}
            onChange={setRaiser}
            errors={errors?.raisedByPartyId}
          />
          <SelectField
            id="r-category"
            name="category"
            label="Category"
            defaultValue="3"
            anyLabel={null}
            options={CATEGORY_OPTIONS}
          />
          <div className="field">
            <label htmlFor="r-title">Title (optional: the scenario's title otherwise)</label>
            <input
              id="r-title"
              name="title"
              maxLength={200}
              defaultValue={state && !state.ok ? state.values?.title : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor="r-description">Description</label>
            <textarea
              id="r-description"
              name="description"
              rows={3}
              maxLength={4000}
              defaultValue={state && !state.ok ? state.values?.description : undefined}
            />
          </div>
          {from ? (
            <p data-testid="from-filter">
              Linking the {from.count.toLocaleString('en-GB')} installations of the installations list's
              filter.
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="r-meters">Affected installations: MPANs or MPRNs (paste a list)</label>
            <textarea
              id="r-meters"
              name="meters"
              rows={4}
              value={meters}
              onChange={(e) => setMeters(e.target.value)}
            />
          </div>
          <div className="button-row">
            <button
              type="button"
              className="button secondary"
              onClick={find}
              disabled={looking || !meters.trim()}
            >
              Find installations
            </button>
          </div>
          {lookupError ? <p className="form-error">{lookupError}</p> : null}
          {lookup ? <LookupResult lookup={lookup} /> : null}
          <div aria-live="polite">
            {state && !state.ok ? <p className="form-error">{state.message}</p> : null}
          </div>
          <div>
            <button type="submit" className="button" disabled={pending}>
              Raise {RECORD_KIND_LABELS[outcome.kind].toLowerCase()}
            </button>
          </div>
        </>
      ) : null}
    </form>
  );
}
