import type { BranchId } from './records.ts';
import { ROOT_BRANCH } from './records.ts';

/**
 * Event ids in the durable runtime. The execution's root numbers its events 1, 2, 3... as AWS
 * does. A child branch (Parallel branch, Map iteration) numbers its own events in a space of its
 * own, starting above `eventIdBase(branchId)`, so that siblings running on different workers
 * never contend for ids and commit with one conditional write each. When the parent moves past
 * the Parallel or Map state, it places each child's events, in child order, right after its own
 * (see history-merge.ts): the history a reader gets is numbered 1..n, gapless, as in AWS.
 *
 * A space per nesting depth keeps the spaces apart: ids of depth d lie in (d·2³², (d+1)·2³²),
 * and an id below a branch's base (a child's first event points at its parent's
 * ParallelStateStarted) belongs to an ancestor. History is capped at 25,000 events, far below 2³².
 */
const SPACE = 2 ** 32;

export function eventIdBase(branchId: BranchId): number {
  return depthOf(branchId) * SPACE;
}

/** The id a branch's first event gets. */
export function firstEventIdOf(branchId: BranchId): number {
  return eventIdBase(branchId) + 1;
}

/** How many events a branch has numbered, given its next id. */
export function eventCountOf(branchId: BranchId, nextEventId: number): number {
  return nextEventId - firstEventIdOf(branchId);
}

/** `root/3/0` → `root`; the root has no parent. */
export function parentBranchOf(branchId: BranchId): BranchId | undefined {
  const parts = branchId.split('/');
  return parts.length < 3 ? undefined : parts.slice(0, -2).join('/');
}

function depthOf(branchId: BranchId): number {
  if (branchId === ROOT_BRANCH) return 0;
  return (branchId.split('/').length - 1) / 2;
}
