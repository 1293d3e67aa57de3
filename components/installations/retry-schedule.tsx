import { LondonTime } from '@/components/ui/london-time';
import { formatLondonDateTime } from '@/lib/format';
import type { RetrySchedule } from '@/lib/rules/retries';

const TITLES: Record<RetrySchedule['kind'], string> = {
  'device-connectivity': 'Device connectivity retries',
  'device-connectivity-ea': 'Device connectivity retries (GroupID EA)',
  'sim-swap-cb': 'SIM swap retries (GroupID CB)',
};

/** A retry schedule that applied (MEHRS 3.1, 3.2, v5.0 3.4.1), with the migration attempt it belongs to. */
export function RetryScheduleView({ attempt, schedule }: { attempt: number; schedule: RetrySchedule }) {
  const start = schedule.attempts[0]?.getTime() ?? 0;
  const span = schedule.timeoutAt.getTime() - start || 1;
  const x = (t: number) => 10 + ((t - start) / span) * 580;
  return (
    <figure className="card" style={{ marginLeft: 0, marginRight: 0, marginBottom: 0 }}>
      <figcaption>
        <strong>
          {TITLES[schedule.kind]} in migration attempt {attempt}
        </strong>{' '}
        ({schedule.source}): {schedule.attempts.length} tries, timeout{' '}
        {formatLondonDateTime(schedule.timeoutAt.toISOString())}. {schedule.onTimeout}
      </figcaption>
      <svg viewBox="0 0 600 40" width="100%" height="40" aria-hidden="true">
        <line x1="10" x2="590" y1="20" y2="20" stroke="#4d5560" />
        {schedule.attempts.map((a) => (
          <line
            key={a.getTime()}
            x1={x(a.getTime())}
            x2={x(a.getTime())}
            y1="10"
            y2="30"
            stroke="#0b5394"
            strokeWidth="2"
          />
        ))}
        <line x1="590" x2="590" y1="5" y2="35" stroke="#a4161a" strokeWidth="3" />
      </svg>
      <details>
        <summary>Attempt times</summary>
        <ol>
          {schedule.attempts.map((a) => (
            <li key={a.getTime()}>
              <LondonTime iso={a.toISOString()} />
            </li>
          ))}
        </ol>
      </details>
    </figure>
  );
}
