'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import type { ImportKind } from '@/lib/data/imports/kinds';
import type { ImportOutcome } from '@/lib/data/imports/pipeline';
import { ProblemTable, RowCounts } from './import-report';

type State =
  | { phase: 'idle' }
  | { phase: 'uploading'; percent: number }
  | { phase: 'processing' }
  | { phase: 'done'; outcome: ImportOutcome }
  | { phase: 'failed'; message: string };

/** Sends the file as the request body, reporting upload progress (fetch cannot, XMLHttpRequest can). */
function upload(kind: string, file: File, onProgress: (percent: number) => void): Promise<ImportOutcome> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ kind, filename: file.name });
    xhr.open('POST', `/api/imports?${query}`);
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((100 * e.loaded) / e.total));
    };
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || '{}');
      if (xhr.status === 200) resolve(body as ImportOutcome);
      else reject(new Error(body.error ?? 'The upload failed; nothing was changed.'));
    };
    xhr.onerror = () => reject(new Error('The upload was interrupted; nothing was changed. Try again.'));
    xhr.send(file);
  });
}

function Result({ outcome }: { outcome: ImportOutcome }) {
  const heading = outcome.alreadyImported
    ? `Already imported: this file was submitted before (import #${outcome.id}), so nothing changed. Its outcome:`
    : outcome.status === 'applied'
      ? `Applied: import #${outcome.id}.`
      : `Rejected: nothing changed. The file and this report are kept as import #${outcome.id}.`;
  return (
    <div className="stack" data-testid="import-result">
      <p role="status" className={outcome.status === 'rejected' ? 'form-error' : undefined}>
        <strong>{heading}</strong>{' '}
        {outcome.alreadyImported ? (outcome.status === 'applied' ? 'applied.' : 'rejected.') : null}
      </p>
      <RowCounts
        total={outcome.rowsTotal}
        accepted={outcome.rowsAccepted}
        rejected={outcome.rowsRejected}
        skipped={outcome.rowsSkipped}
      />
      {outcome.status === 'rejected' ? (
        <ProblemTable
          caption="Problems in the file, by line"
          problems={outcome.problems}
          total={outcome.problemCount}
          empty="No problems."
        />
      ) : outcome.notices.length > 0 ? (
        <ProblemTable
          caption="Rows reported and not applied"
          problems={outcome.notices}
          total={outcome.notices.length}
          empty=""
        />
      ) : null}
      <p>
        <Link href={`/imports/${outcome.id}`}>Open the report of import #{outcome.id}</Link>
      </p>
    </div>
  );
}

/** Upload a file: choose its kind, send it with a progress bar, then see its outcome line by line. */
export function UploadForm({ kinds }: { kinds: { value: ImportKind; label: string }[] }) {
  const router = useRouter();
  const id = useId();
  const [kind, setKind] = useState<string>(kinds[0]?.value ?? '');
  const [state, setState] = useState<State>({ phase: 'idle' });
  const busy = state.phase === 'uploading' || state.phase === 'processing';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    if (!(file instanceof File) || file.size === 0) {
      setState({ phase: 'failed', message: 'Choose a file to upload.' });
      return;
    }
    setState({ phase: 'uploading', percent: 0 });
    try {
      const outcome = await upload(kind, file, (percent) =>
        setState(percent >= 100 ? { phase: 'processing' } : { phase: 'uploading', percent }),
      );
      setState({ phase: 'done', outcome });
      router.refresh();
    } catch (error) {
      setState({ phase: 'failed', message: (error as Error).message });
    }
  }

  return (
    <div className="stack">
      <form onSubmit={submit} aria-describedby={`${id}-hint`}>
        <p id={`${id}-hint`} className="muted">
          CSV files as described in the file formats; each file applies completely or not at all.
        </p>
        <div className="filters">
          <div className="field">
            <label htmlFor={`${id}-kind`}>Kind of file</label>
            <select id={`${id}-kind`} name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {kinds.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-file`}>File</label>
            <input id={`${id}-file`} name="file" type="file" accept=".csv,text/csv" required />
          </div>
        </div>
        <div className="filter-actions">
          <button className="button" type="submit" disabled={busy}>
            Upload and import
          </button>
          <a className="button secondary" href={`/api/imports/sample?kind=${kind}`} download>
            Download a sample file
          </a>
        </div>
      </form>
      <div aria-live="polite">
        {state.phase === 'uploading' ? (
          <p>
            <label htmlFor={`${id}-progress`}>Uploading: {state.percent}%</label>{' '}
            <progress id={`${id}-progress`} max={100} value={state.percent} />
          </p>
        ) : null}
        {state.phase === 'processing' ? (
          <p>
            <label htmlFor={`${id}-progress`}>Checking and applying the file…</label>{' '}
            <progress id={`${id}-progress`} />
          </p>
        ) : null}
        {state.phase === 'failed' ? (
          <p className="form-error" role="alert">
            {state.message}
          </p>
        ) : null}
        {state.phase === 'done' ? <Result outcome={state.outcome} /> : null}
      </div>
    </div>
  );
}
