'use client';

import { useEffect, useState } from 'react';
import type { ClockDto } from '@/lib/data/incident-queue';
import { describeRemaining, remainingAt } from './format';

/** How often a running clock redraws: the queue's times are to the minute. */
const TICK_MS = 15_000;

/**
 * The time left on an incident's resolution clock, ticking in the browser without refetching: the server's figure
 * at `asOf`, minus the time since while the clock runs.
 */
export function TimeLeft({ clock, asOf }: { clock: ClockDto | null; asOf: string }) {
  const asOfMs = Date.parse(asOf);
  const [nowMs, setNowMs] = useState(asOfMs);
  useEffect(() => {
    if (!clock?.running) return;
    setNowMs(Date.now());
    const timer = setInterval(() => setNowMs(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [clock?.running]);
  if (!clock) return <span className="muted">No target (not an Incident)</span>;
  const remaining = remainingAt(clock, asOfMs, nowMs);
  return (
    <span className={remaining < 0 ? 'clock past-target' : 'clock'} data-testid="time-left">
      {describeRemaining(clock, remaining)}
    </span>
  );
}
