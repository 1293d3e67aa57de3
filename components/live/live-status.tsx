'use client';

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** "Updated 09:05:12 · Pause updates": the control every live view carries. */
export function LiveStatus({
  updatedAt,
  paused,
  onToggle,
  fetching,
  error,
}: {
  updatedAt: number;
  paused: boolean;
  onToggle: () => void;
  fetching: boolean;
  error: Error | null;
}) {
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
      <button type="button" className="button secondary" aria-pressed={paused} onClick={onToggle}>
        {paused ? 'Resume updates' : 'Pause updates'}
      </button>
    </div>
  );
}
