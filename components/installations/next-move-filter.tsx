import { SelectField } from '@/components/ui/select-field';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import type { InstallationFilter } from '@/lib/filters/installations';
import {
  NEXT_MOVE_KINDS,
  NEXT_MOVE_OWNERS,
  nextMoveKindsOwnedBy,
  ownerLabelFor,
} from '@/lib/rules/next-moves';

/** The list's "whose next move" and "which move" filters (the overview's owner counts drill down to them). */
export function NextMoveFilter({ viewer, filter }: { viewer: Viewer; filter: InstallationFilter }) {
  const reader = can(viewer, 'migration.viewAll') ? 'mcc' : 'supplier';
  return (
    <>
      <SelectField
        id="f-owner"
        name="owner"
        label="Next move is for"
        anyLabel="Anyone"
        defaultValue={filter.owner}
        options={NEXT_MOVE_OWNERS.map((o) => ({ value: o, label: ownerLabelFor(o, reader) }))}
      />
      <SelectField
        id="f-move"
        name="move"
        label="Next move"
        anyLabel="Any move"
        defaultValue={filter.move}
        groups={NEXT_MOVE_OWNERS.map((o) => ({
          label: ownerLabelFor(o, reader),
          options: nextMoveKindsOwnedBy(o).map((k) => ({ value: k, label: NEXT_MOVE_KINDS[k].summary })),
        }))}
      />
    </>
  );
}
