import Link from 'next/link';
import { Fragment } from 'react';
import { SectionCard } from '@/components/ui/section-card';
import type { SplitSupplyReading } from '@/lib/data/split-supply';
import { formatIsoDate, formatLondonDateTime } from '@/lib/format';
import { MA_SIDE_STATUS_LABELS } from '@/lib/rules/split-supply';

/**
 * An installation page's split-supply card (MAM): the designated week, each side's MA for it, the time left to
 * submit, and the latest MA106 failure read from the viewer's side.
 */
export function SplitSupplyCard({ reading }: { reading: SplitSupplyReading }) {
  const { entry, ma106 } = reading;
  return (
    <SectionCard title="Split-supply calendar" testId="split-supply-card">
      {entry ? (
        <dl className="facts">
          <dt>Designated Migration Week</dt>
          <dd data-testid="designated-week">
            {formatIsoDate(entry.week)}
            {entry.published ? '' : ' (draft, not yet published to the suppliers)'}
          </dd>
          <dt>Submit by</dt>
          <dd>
            {formatLondonDateTime(entry.cutOff)} · {entry.timeLeft}
          </dd>
          {entry.sides.map((side) => (
            <Fragment key={side.fuel}>
              <dt>
                {side.isViewer
                  ? 'Your MA'
                  : side.supplier === 'Other supplier'
                    ? 'The other supplier’s MA'
                    : `${side.supplier ?? 'Supplier'} (${side.fuel}) MA`}
              </dt>
              <dd>{MA_SIDE_STATUS_LABELS[side.status]}</dd>
            </Fragment>
          ))}
        </dl>
      ) : (
        <p>No Migration Week has been published for this split-supply installation yet.</p>
      )}
      {ma106 ? (
        <div className="advice" data-testid="ma106-reading">
          <strong>MA106 in the week of {formatIsoDate(ma106.failedWeek)}</strong>
          <p style={{ margin: '0.25rem 0' }}>{ma106.what}</p>
          <p style={{ margin: 0 }}>{ma106.action}</p>
        </div>
      ) : null}
      <p className="muted">
        <Link href="/split-supply">The split-supply calendar</Link>
      </p>
    </SectionCard>
  );
}
