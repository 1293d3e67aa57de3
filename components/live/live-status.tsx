'use client';

import type { LiveQuery } from './use-live-query';

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** "Updated 09:05:12 · Pause updates": the control every live view carries. */
export function LiveStatus({ live }: { live: LiveQuery<unknown> }) {
  const { dataUpdatedAt: updatedAt, paused, isFetching: fetching, error } = live;
  return (
    <div className="live-status">
      <span aria-live="polite" className="muted">
        {error
          ? error.message === 'signed-out'
            ? 'Your session has ended: sign in again to see fresh figures.'
            : 'Could not refresh: showing the last figures.'
          : fetching
            ? 'Refreshing…'
            : `Updated ${timeFormat.format(updatedAt)}${paused ? ' · updates paused' : ''}`}
      </span>
      <button
        type="button"
        className="button secondary"
        aria-pressed={paused}
        onClick={() => live.setPaused(!paused)}
      >
        {paused ? 'Resume updates' : 'Pause updates'}
      </button>
    </div>
  );
}
