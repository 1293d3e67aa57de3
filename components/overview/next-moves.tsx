import Link from 'next/link';
import type { NextMoveCounts } from '@/lib/data/next-move-counts';
import type { InstallationFilter } from '@/lib/filters/installations';
import { toSearchParams } from '@/lib/filters/search-params';
import { formatCount } from '@/lib/format';
import {
  NEXT_MOVE_KINDS,
  NEXT_MOVE_OWNERS,
  type NextMoveKind,
  type NextMoveOwner,
  nextMoveKindsOwnedBy,
  ownerLabelFor,
} from '@/lib/rules/next-moves';

type Reader = 'mcc' | 'supplier';

function query(filter: InstallationFilter, select: { owner?: NextMoveOwner; move?: NextMoveKind }): string {
  return toSearchParams({ ...filter, ...select });
}

const listHref = (filter: InstallationFilter, select: { owner?: NextMoveOwner; move?: NextMoveKind }) =>
  `/installations${query(filter, select)}`;
const csvHref = (filter: InstallationFilter, move: NextMoveKind) =>
  `/api/exports/installations${query(filter, { move })}`;

function MoveRows({
  counts,
  filter,
  kinds,
  reader,
  withExport,
}: {
  counts: NextMoveCounts;
  filter: InstallationFilter;
  kinds: readonly NextMoveKind[];
  reader: Reader;
  withExport: boolean;
}) {
  return kinds
    .filter((k) => counts[k] > 0)
    .map((k) => {
      const { owner, summary } = NEXT_MOVE_KINDS[k];
      return (
        <tr key={k} data-move={k}>
          <th scope="row">{summary}</th>
          {withExport ? null : <td>{ownerLabelFor(owner, reader)}</td>}
          <td className="num">
            <Link
              href={listHref(filter, { move: k })}
              aria-label={`${formatCount(counts[k])} failures: ${summary}`}
              data-testid="move-count"
            >
              {formatCount(counts[k])}
            </Link>
          </td>
          {withExport ? (
            <td>
              <a href={csvHref(filter, k)} download>
                CSV
              </a>
            </td>
          ) : null}
        </tr>
      );
    });
}

/**
 * "Whose move is it?": failed and rolled-back installations of the selection by the owner of their next move,
 * each number a drill-down to the list filtered the same way. A supplier's view leads with its own moves.
 */
export function NextMoves({
  counts,
  filter,
  reader,
}: {
  counts: NextMoveCounts;
  filter: InstallationFilter;
  reader: Reader;
}) {
  const byOwner = NEXT_MOVE_OWNERS.map((owner) => ({
    owner,
    count: nextMoveKindsOwnedBy(owner).reduce((n, k) => n + counts[k], 0),
  }));
  const total = byOwner.reduce((n, o) => n + o.count, 0);
  if (reader === 'supplier') {
    const mine = nextMoveKindsOwnedBy('supplier');
    const others = NEXT_MOVE_OWNERS.filter((o) => o !== 'supplier').flatMap(nextMoveKindsOwnedBy);
    const waiting = others.reduce((n, k) => n + counts[k], 0);
    return (
      <section className="card" aria-labelledby="your-moves" data-testid="your-moves">
        <h2 id="your-moves">Your moves</h2>
        {mine.every((k) => counts[k] === 0) ? (
          <p className="empty-state">None of your failures in this selection waits for you.</p>
        ) : (
          <table className="data" data-testid="your-moves-table">
            <caption className="visually-hidden">Your failures that wait for your action, by action</caption>
            <thead>
              <tr>
                <th scope="col">What to do</th>
                <th scope="col" className="num">
                  Installations
                </th>
                <th scope="col">Export</th>
              </tr>
            </thead>
            <tbody>
              <MoveRows counts={counts} filter={filter} kinds={mine} reader={reader} withExport />
            </tbody>
          </table>
        )}
        {waiting > 0 ? (
          <>
            <h3>Waiting for others</h3>
            <table className="data" data-testid="awaiting-others">
              <caption className="visually-hidden">Your failures that wait for another party</caption>
              <thead>
                <tr>
                  <th scope="col">Their move</th>
                  <th scope="col">Whose move</th>
                  <th scope="col" className="num">
                    Installations
                  </th>
                </tr>
              </thead>
              <tbody>
                <MoveRows counts={counts} filter={filter} kinds={others} reader={reader} withExport={false} />
              </tbody>
            </table>
          </>
        ) : null}
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="by-owner" data-testid="failures-by-owner">
      <h2 id="by-owner">Failures by owner of the next move</h2>
      {total === 0 ? (
        <p className="empty-state">No failures in this selection.</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">
            Failed and rolled-back installations by whose move is next
          </caption>
          <thead>
            <tr>
              <th scope="col">Whose move</th>
              <th scope="col" className="num">
                Failures
              </th>
              <th scope="col">Moves</th>
            </tr>
          </thead>
          <tbody>
            {byOwner
              .filter((o) => o.count > 0)
              .map(({ owner, count }) => (
                <tr key={owner} data-owner={owner}>
                  <th scope="row">{ownerLabelFor(owner, reader)}</th>
                  <td className="num">
                    <Link
                      href={listHref(filter, { owner })}
                      aria-label={`${formatCount(count)} failures for the ${ownerLabelFor(owner, reader)}`}
                      data-testid="owner-count"
                    >
                      {formatCount(count)}
                    </Link>
                  </td>
                  <td>
                    {nextMoveKindsOwnedBy(owner)
                      .filter((k) => counts[k] > 0)
                      .map((k, n) => (
                        <span key={k}>
                          {n > 0 ? ' · ' : null}
                          <Link href={listHref(filter, { move: k })}>
                            {NEXT_MOVE_KINDS[k].summary}: {formatCount(counts[k])}
                          </Link>
                        </span>
                      ))}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
