import type { HistoryEvent } from '../asl/history/event.ts';
import { eventIdBase, parentBranchOf } from './event-ids.ts';
import type { BranchId } from './records.ts';
import { ROOT_BRANCH } from './records.ts';

/**
 * Where a finished (or abandoned) child's events go in its parent's id space: `count` events
 * from `start` on. Recorded by the parent's step that moves past the Parallel or Map state.
 */
export interface MergedChild {
  readonly branchId: BranchId;
  readonly start: number;
  readonly count: number;
}

/** What a store keeps of one branch: its events in commit order, and the children it merged. */
export interface BranchHistory {
  readonly branchId: BranchId;
  readonly events: readonly HistoryEvent[];
  readonly merged: readonly MergedChild[];
}

/** Children laid out one after the other from `start`, in the order given. */
export function layoutChildren(start: number, children: readonly { readonly branchId: BranchId; readonly count: number }[]): MergedChild[] {
  const merged: MergedChild[] = [];
  let at = start;
  for (const child of children) {
    merged.push({ branchId: child.branchId, start: at, count: child.count });
    at += child.count;
  }
  return merged;
}

/**
 * The execution's history in AWS's numbering (see event-ids.ts), in id order. Events of children
 * not merged yet (still running) are left out, and so are events a child committed after its
 * parent had placed it (a branch stopped because a sibling failed may commit a last step late).
 */
export function assembleHistory(branches: readonly BranchHistory[]): HistoryEvent[] {
  const placement = new Map<BranchId, { readonly parent: BranchId; readonly start: number; readonly count: number }>();
  for (const branch of branches) {
    for (const child of branch.merged) placement.set(child.branchId, { parent: branch.branchId, start: child.start, count: child.count });
  }
  const toGlobal = (branchId: BranchId, id: number): number | undefined => {
    let branch: BranchId | undefined = branchId;
    let value = id;
    while (branch !== undefined && branch !== ROOT_BRANCH) {
      const base = eventIdBase(branch);
      if (value <= base) {
        // An id of an ancestor's space (a child's first event points at its parent's event).
        branch = parentBranchOf(branch);
        continue;
      }
      const place = placement.get(branch);
      if (!place || value - base > place.count) return undefined;
      value = place.start + (value - base - 1);
      branch = place.parent;
    }
    return value;
  };
  const history: HistoryEvent[] = [];
  for (const branch of branches) {
    for (const event of branch.events) {
      const id = toGlobal(branch.branchId, event.id);
      if (id === undefined) continue;
      history.push({ ...event, id, previousEventId: toGlobal(branch.branchId, event.previousEventId) ?? 0 });
    }
  }
  return history.sort((a, b) => a.id - b.id);
}
