import { TruncatedText } from '@/components/ui/truncated-text';
import type { ListNextMove } from '@/lib/data/installations';

/** The list's "Next move" cell: whose move it is and the move in a few words (the installation page says it in full). */
export function NextMoveCell({ move }: { move: ListNextMove | null }) {
  if (!move) return <>—</>;
  // One line, so the list stays dense: the owner in full, the move cut with its full text on hover and focus.
  return (
    <span className="code-cell" data-kind={move.kind} data-testid="list-next-move">
      <strong data-testid="list-next-move-owner">{move.ownerLabel}</strong>{' '}
      <TruncatedText text={`${move.summary} (${move.citation}: ${move.title})`} />
    </span>
  );
}
