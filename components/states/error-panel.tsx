'use client';

import { useEffect } from 'react';
import { DATABASE_UNAVAILABLE_DIGEST } from '@/lib/database-unavailable';

/**
 * What a reader sees when a page fails: one sentence on what to do, a retry, and a reference the support desk can
 * find in the server log. The error's detail never reaches the page (Next.js keeps server messages out of it); a
 * database outage is told apart by its digest (lib/database-unavailable.ts), since it passes by itself.
 */
export function ErrorPanel({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  if (error.digest === DATABASE_UNAVAILABLE_DIGEST) {
    return (
      <div className="card empty-state" role="alert">
        <h1>The database is unavailable</h1>
        <p>Try again in a moment. Nothing you submitted was lost.</p>
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <div className="card empty-state" role="alert">
      <h1>This page could not be shown</h1>
      <p>Nothing you submitted was lost. Try again; if it keeps failing, tell the MCC service desk.</p>
      {error.digest ? (
        <p className="muted">
          Reference: <code>{error.digest}</code>
        </p>
      ) : null}
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
