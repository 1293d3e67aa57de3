import type { ListNextMove } from '@/lib/data/installations';

/** The list's "Next move" cell: whose move it is and the move in a few words (the installation page says it in full). */
export function NextMoveCell({ move }: { move: ListNextMove | null }) {
  if (!move) return <>—</>;
  return (
    <span data-kind={move.kind}>
      <strong data-testid="list-next-move-owner">{move.ownerLabel}</strong>
      <br />
      <span className="muted" title={`${move.citation}: ${move.title}`}>
        {move.summary}
      </span>
    </span>
  );
}
