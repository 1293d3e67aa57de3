'use client';

import Link from 'next/link';
import { useCallback, useState } from 'react';
import { DataTable } from '@/components/ui/data-table';
import { LondonTime } from '@/components/ui/london-time';
import type { TriageRow, WeekOption } from '@/lib/data/triage';
import type { TriageState } from '@/lib/filters/triage';
import { formatCount, TYPE_LABELS } from '@/lib/format';
import { TRIAGE_DECISION_LABELS, type TriageDecision } from '@/lib/rules/triage';
import { DecisionForm } from './decision-form';

function Failure({ row }: { row: TriageRow }) {
  return (
    <>
      {row.lastCode ? <code>{row.lastCode}</code> : '—'}
      {row.lastFailedStep ? (
        <>
          {' '}
          · step <code>{row.lastFailedStep}</code>
        </>
      ) : null}
      <div className="muted">
        {row.failureStage}
        {row.failureMeaning ? `: ${row.failureMeaning}` : ''}
      </div>
      <div className="muted">
        Failed <LondonTime iso={row.failedAt} />
      </div>
    </>
  );
}

function Advice({ row }: { row: TriageRow }) {
  return (
    <details>
      <summary>{TRIAGE_DECISION_LABELS[row.advice.decision]}</summary>
      <ul>
        {row.advice.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </details>
  );
}

function Pending({ row }: { row: TriageRow }) {
  const c = row.current;
  if (!c) return <span className="muted">None recorded</span>;
  if (c.decision === 'await-smso') return <>{c.awaitedSmsoAction}</>;
  if (c.decision === 'liaise-with-active-supplier') {
    return (
      <>
        Contacted {c.contactedParty}
        {c.contactedAt ? (
          <>
            {' '}
            (<LondonTime iso={c.contactedAt} />)
          </>
        ) : null}
        : {c.supplierAnswer}
      </>
    );
  }
  return <>{TRIAGE_DECISION_LABELS[c.decision]}</>;
}

/**
 * The queue with its bulk decision: pick rows (or "all N matching this filter") and decide them in one go.
 * Rows come from the server render; after a decision the page re-renders without the decided rows.
 */
export function TriageQueue({
  rows,
  total,
  state,
  filterJson,
  weeks,
  submissionId,
  threshold,
}: {
  rows: readonly TriageRow[];
  total: number;
  state: TriageState;
  filterJson: string;
  weeks: readonly WeekOption[];
  submissionId: string;
  threshold: number;
}) {
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [scope, setScope] = useState<'selected' | 'filter'>('selected');
  const clear = useCallback(() => setSelected(new Set()), []);
  const visible = rows.filter((r) => selected.has(r.id));
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const advices = new Set<TriageDecision>(visible.map((r) => r.advice.decision));
  const advice = scope === 'selected' && advices.size === 1 ? ([...advices][0] ?? null) : null;

  return (
    <>
      <div className="filter-actions">
        <label className="choice">
          <input
            type="checkbox"
            checked={allOnPage}
            onChange={() => setSelected(allOnPage ? new Set() : new Set(rows.map((r) => r.id)))}
          />{' '}
          Select every installation on this page
        </label>
      </div>
      <DataTable
        caption="Failed installations with a Dormant Meter"
        testId="triage-queue"
        rows={rows}
        rowKey={(r) => r.id}
        empty="No failed installations with a Dormant Meter match these filters."
        columns={[
          {
            key: 'select',
            header: <span className="visually-hidden">Select</span>,
            cell: (r) => (
              <input
                type="checkbox"
                aria-label={`Select ${r.label}`}
                checked={selected.has(r.id)}
                onChange={() => toggle(r.id)}
              />
            ),
          },
          {
            key: 'installation',
            header: 'MPAN / MPRN',
            cell: (r) => (
              <>
                <Link href={`/triage/${r.id}`} className="mono">
                  {r.label}
                </Link>
                {r.mpan && r.mprn ? <div className="mono muted">{r.mprn}</div> : null}
              </>
            ),
          },
          { key: 'group', header: 'GroupID', cell: (r) => r.groupId },
          { key: 'smso', header: 'SMSO', cell: (r) => r.smso },
          { key: 'type', header: 'Type', cell: (r) => TYPE_LABELS[r.type] },
          { key: 'failure', header: 'Last failure', cell: (r) => <Failure row={r} /> },
          {
            key: 'attempts',
            header: 'Attempts',
            numeric: true,
            cell: (r) => `${r.attempts} of ${threshold}`,
          },
          { key: 'pending', header: 'Pending SMSO or supplier action', cell: (r) => <Pending row={r} /> },
          { key: 'advice', header: 'Advice', cell: (r) => <Advice row={r} /> },
        ]}
      />
      {rows.length > 0 ? (
        <DecisionForm
          submissionId={submissionId}
          idPrefix="bulk"
          advice={advice}
          weeks={weeks}
          onDone={clear}
          target={{ scope, ids: scope === 'selected' ? [...selected] : [], state, filter: filterJson }}
          heading={
            <fieldset className="choices">
              <legend>Decide</legend>
              <label className="choice">
                <input
                  type="radio"
                  name="scopeChoice"
                  checked={scope === 'selected'}
                  onChange={() => setScope('selected')}
                />{' '}
                The {formatCount(selected.size)} selected installation{selected.size === 1 ? '' : 's'}
              </label>
              <label className="choice">
                <input
                  type="radio"
                  name="scopeChoice"
                  checked={scope === 'filter'}
                  onChange={() => setScope('filter')}
                />{' '}
                All {formatCount(total)} matching this filter
              </label>
            </fieldset>
          }
        />
      ) : null}
    </>
  );
}
