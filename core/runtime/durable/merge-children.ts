import type { Json } from '../../asl/json.ts';
import type { StepEvent } from '../../asl/interpreter/step-event.ts';
import { eventCountOf } from '../event-ids.ts';
import type { MergedChild } from '../history-merge.ts';
import { layoutChildren } from '../history-merge.ts';
import type { BranchRecord, ChildResult, WorkMessage } from '../records.ts';
import { childBranchId } from '../records.ts';
import { openJoin } from '../open-join.ts';
import type { RuntimeDeps } from './deps.ts';

/** A message's event as the step takes it, with the child results a join event needs. */
export interface JoinAwareEvent {
  readonly event: StepEvent;
  readonly results?: readonly ChildResult[];
}

/** Children's outputs travel in the store, not in the message (which has a size limit). */
export async function withChildOutputs(message: WorkMessage, deps: RuntimeDeps): Promise<JoinAwareEvent> {
  const event = message.event;
  if (event.type !== 'ChildrenSucceeded' && event.type !== 'ChildrenFailed') return { event };
  const results = await deps.store.getChildResults(message.executionArn, message.branchId, event.seq);
  if (event.type === 'ChildrenFailed') return { event, results };
  const outputs: Json[] = results.map((result) => result.output ?? null);
  return { event: { ...event, outputs }, results };
}

/**
 * The children whose events the step places in the branch's history: those of the Parallel or
 * Map state the branch waits in, when the step moves past it (a join event) or, with `ending`,
 * when it ends while they run. A finished child's block is what it reported; one still running
 * (a sibling of a failed child, or stopped with the execution) contributes what it has committed
 * so far; one never started, nothing.
 */
export async function childrenToMerge(branch: BranchRecord, taken: JoinAwareEvent, ending: boolean, deps: RuntimeDeps): Promise<MergedChild[]> {
  const pending = branch.snapshot.current?.pending;
  if (pending?.kind !== 'Children') return [];
  const { event } = taken;
  const joins = (event.type === 'ChildrenSucceeded' || event.type === 'ChildrenFailed') && event.seq === pending.seq;
  if (!joins && !ending) return [];
  const join = openJoin(branch, pending.seq);
  if (!join) return [];
  const results = joins && taken.results ? taken.results : await deps.store.getChildResults(branch.executionArn, branch.branchId, pending.seq);
  const reported = new Map(results.map((result) => [result.index, result.eventCount]));
  const children = await Promise.all(
    join.children.map(async (_, index) => {
      const branchId = childBranchId(branch.branchId, pending.seq, index);
      const count = reported.get(index) ?? (await committedCount(branch.executionArn, branchId, deps));
      return { branchId, count };
    }),
  );
  return layoutChildren(branch.nextEventId, children.filter((child) => child.count > 0));
}

async function committedCount(executionArn: string, branchId: string, deps: RuntimeDeps): Promise<number> {
  const child = await deps.store.getBranch(executionArn, branchId);
  return child ? eventCountOf(branchId, child.nextEventId) : 0;
}
