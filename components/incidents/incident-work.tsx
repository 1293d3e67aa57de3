'use client';

import { useActionState } from 'react';
import {
  assignAction,
  categoryAction,
  changeStatusAction,
  noteAction,
} from '@/app/(dashboard)/incidents/[id]/actions';
import { SelectField } from '@/components/ui/select-field';
import type { ActionResult } from '@/lib/actions/result';
import type { ChangeResult } from '@/lib/data/incident-writes';
import { nextStatuses, transitionLabel } from '@/lib/rules/incident-workflow';
import type { IncidentCategory, IncidentStatus } from '@/lib/rules/types';
import { CATEGORY_OPTIONS } from './format';

type Result = ActionResult<ChangeResult>;
type Action = (previous: Result | undefined, form: FormData) => Promise<Result>;

export interface WorkProps {
  id: number;
  version: number;
  /** One-time keys, one per form, fresh on every render of the page (so a replay has effect once). */
  requestKey: string;
  status: IncidentStatus;
  category: IncidentCategory;
  assigneeId: string | null;
  assignees: { id: string; name: string }[];
  /** A communication is not an Incident: it has no category or owner's analyst to assign. */
  isIncident: boolean;
}

function Outcome({ state, success }: { state: Result | undefined; success: string }) {
  return (
    <div aria-live="polite" className="form-outcome">
      {state?.ok ? <p className="advice">{success}</p> : null}
      {state && !state.ok ? (
        <p className="form-error" data-testid="action-error">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

function Hidden({ props, form }: { props: WorkProps; form: string }) {
  return (
    <>
      <input type="hidden" name="id" value={props.id} />
      <input type="hidden" name="version" value={props.version} />
      <input type="hidden" name="requestKey" value={`${props.requestKey}-${form}`} />
    </>
  );
}

function useAction(action: Action) {
  return useActionState<Result | undefined, FormData>(action, undefined);
}

function StatusForm(props: WorkProps) {
  const [state, action, pending] = useAction(changeStatusAction);
  const failed = state && !state.ok ? state : undefined;
  return (
    <form action={action} aria-labelledby="work-status" className="work-form">
      <h3 id="work-status">Status</h3>
      <Hidden props={props} form="status" />
      <div className="field">
        <label htmlFor="w-reason">Reason (needed to put it on hold)</label>
        <input id="w-reason" name="reason" maxLength={500} defaultValue={failed?.values?.reason} />
      </div>
      <div className="button-row">
        {nextStatuses(props.status).map((to) => (
          <button
            key={to}
            type="submit"
            name="status"
            value={to}
            className="button secondary"
            disabled={pending}
          >
            {transitionLabel(props.status, to)}
          </button>
        ))}
      </div>
      <Outcome state={state} success="Status changed." />
    </form>
  );
}

function AssignForm(props: WorkProps) {
  const [state, action, pending] = useAction(assignAction);
  return (
    <form action={action} aria-labelledby="work-assign" className="work-form">
      <h3 id="work-assign">Assign</h3>
      <Hidden props={props} form="assign" />
      <SelectField
        key={props.version}
        id="w-assignee"
        name="assigneeUserId"
        label="Analyst"
        defaultValue={props.assigneeId ?? ''}
        anyLabel="Choose an analyst"
        options={props.assignees.map((a) => ({ value: a.id, label: a.name }))}
      />
      <button type="submit" className="button secondary" disabled={pending}>
        Assign
      </button>
      <Outcome state={state} success="Assigned." />
    </form>
  );
}

function CategoryForm(props: WorkProps) {
  const [state, action, pending] = useAction(categoryAction);
  return (
    <form action={action} aria-labelledby="work-category" className="work-form">
      <h3 id="work-category">Category</h3>
      <Hidden props={props} form="category" />
      <SelectField
        key={props.version}
        id="w-category"
        name="category"
        label="New category"
        defaultValue={props.category}
        anyLabel={null}
        options={CATEGORY_OPTIONS}
      />
      <div className="field">
        <label htmlFor="w-category-reason">Reason</label>
        <input id="w-category-reason" name="reason" maxLength={500} />
      </div>
      <button type="submit" className="button secondary" disabled={pending}>
        Change category
      </button>
      <Outcome
        state={state}
        success="Category changed: the target follows it, the time already run is kept."
      />
    </form>
  );
}

function NoteForm(props: WorkProps) {
  const [state, action, pending] = useAction(noteAction);
  const failed = state && !state.ok ? state : undefined;
  return (
    <form action={action} aria-labelledby="work-note" className="work-form">
      <h3 id="work-note">Add a note</h3>
      <Hidden props={props} form="note" />
      <div className="field">
        <label htmlFor="w-note">Note</label>
        <textarea
          id="w-note"
          name="body"
          rows={3}
          maxLength={4000}
          defaultValue={failed?.values?.body}
          key={props.version}
        />
      </div>
      <div className="checkbox">
        <input type="checkbox" id="w-visibility" name="visibility" value="supplier" />
        <label htmlFor="w-visibility">Visible to suppliers (Interested Parties); internal otherwise</label>
      </div>
      <button type="submit" className="button secondary" disabled={pending}>
        Add note
      </button>
      <Outcome state={state} success="Note added." />
    </form>
  );
}

/** The MCC's controls: every change carries the version shown, so a stale one is refused, never lost. */
export function IncidentWork(props: WorkProps) {
  return (
    <div className="work-grid">
      <StatusForm {...props} />
      {props.isIncident ? <AssignForm {...props} /> : null}
      {props.isIncident ? <CategoryForm {...props} /> : null}
      <NoteForm {...props} />
    </div>
  );
}
