import type { Effect } from '../../asl/interpreter/effect.ts';
import type { StepEvent } from '../../asl/interpreter/step-event.ts';
import { judgeChildren } from '../../asl/states/map/fan-in.ts';
import type { BranchId, BranchRecord, ChildOf, JoinTerms, WorkMessage } from '../records.ts';
import { childBranchId } from '../records.ts';
import type { QueuedMessage } from '../../ports.ts';
import type { RuntimeDeps } from './deps.ts';
import { eventCountOf } from '../event-ids.ts';
import { countersOf } from '../join-counters.ts';
import { openJoin, type StartChildren } from '../open-join.ts';
import { settleRole } from '../join-settler.ts';

type Finish = Extract<Effect, { type: 'Finish' }>;

/**
 * How late a backup settle comes when the designated child must have seen the join decided
 * (join-settler.ts): it only matters if clocks disagreed, and otherwise finds the join closed.
 */
export const LATE_SETTLE_DELAY_SECONDS = 1;

/**
 * Fan-out: the messages that start the first children (or settle an empty join). With
 * MaxConcurrency N, child i is started when child i − N finishes, so each of N slots runs its
 * children one after another: the bound holds across workers with no shared "next index"
 * counter to race on. The join itself is not written anywhere: the StartChildren effect stays
 * in the parent's step item for as long as the parent waits (open-join.ts).
 */
export function startChildren(parent: BranchRecord, effect: StartChildren, deps: RuntimeDeps): QueuedMessage[] {
  const first = effect.maxConcurrency > 0 ? Math.min(effect.maxConcurrency, effect.children.length) : effect.children.length;
  const messages: QueuedMessage[] = [];
  for (let index = 0; index < first; index++) messages.push({ message: childStart(parent, effect, index, deps.clock.now()) });
  if (effect.children.length === 0) messages.push(settleParent(parent, effect.seq, { type: 'ChildrenSucceeded', seq: effect.seq, outputs: [] }, deps));
  return messages;
}

function termsOf(effect: StartChildren): JoinTerms {
  return {
    childCount: effect.children.length,
    maxConcurrency: effect.maxConcurrency,
    ...(effect.toleratedFailureCount === undefined ? {} : { toleratedFailureCount: effect.toleratedFailureCount }),
    ...(effect.toleratedFailurePercentage === undefined ? {} : { toleratedFailurePercentage: effect.toleratedFailurePercentage }),
    ...(effect.distributed ? { distributed: true } : {}),
  };
}

function childStart(parent: Pick<BranchRecord, 'executionArn' | 'branchId'>, effect: StartChildren, index: number, at: number): WorkMessage {
  const branchId = childBranchId(parent.branchId, effect.seq, index);
  const spec = effect.children[index]!;
  return {
    executionArn: parent.executionArn,
    branchId,
    event: { type: 'Start', input: spec.input },
    key: `${branchId}#start`,
    at,
    child: {
      parentBranchId: parent.branchId,
      joinSeq: effect.seq,
      index,
      terms: termsOf(effect),
      spec,
      parentEventId: effect.parentEventId,
      ...(effect.variables === undefined ? {} : { variables: effect.variables }),
    },
  };
}

/**
 * Fan-in: records the child's result once, judges the join on every result recorded, and returns
 * the messages that follow: the parent's settle (join-settler.ts decides whether this child sends
 * it, a backup of it, or a late backup), the stop of the siblings of a failed join, or the
 * successor's start.
 */
export async function reportChildFinished(child: BranchRecord, finish: Finish, deps: RuntimeDeps): Promise<QueuedMessage[]> {
  const parent = child.parent;
  if (!parent || finish.status === 'ABORTED' || finish.status === 'TIMED_OUT') return [];
  const { executionArn } = child;
  const { results } = await deps.store.recordChildResult(executionArn, parent.branchId, parent.joinSeq, {
    index: parent.index,
    status: finish.status,
    at: deps.clock.now(),
    eventCount: eventCountOf(child.branchId, child.nextEventId),
    ...(finish.output === undefined ? {} : { output: finish.output }),
    ...(finish.error === undefined ? {} : { error: finish.error }),
    ...(finish.cause === undefined ? {} : { cause: finish.cause }),
  });
  const { terms } = parent;
  const counters = countersOf(results);
  const verdict = judgeChildren(terms.childCount, counters.succeeded, counters.failed, terms, counters.firstFailure);
  if (verdict.kind === 'running') return startSuccessor(child.executionArn, parent, deps);
  const role = settleRole(results, parent.index, terms, verdict.kind, deps.clock.now());
  const backup = role !== 'designated';
  const delay = role === 'backup-late' ? { delaySeconds: LATE_SETTLE_DELAY_SECONDS } : {};
  const settle = (event: StepEvent): QueuedMessage => ({ ...settleParent({ executionArn, branchId: parent.branchId }, parent.joinSeq, event, deps, backup), ...delay });
  // The outputs are read from the store when the parent takes the event.
  if (verdict.kind === 'succeeded') return [settle({ type: 'ChildrenSucceeded', seq: parent.joinSeq, outputs: [] })];
  return [
    settle({ type: 'ChildrenFailed', seq: parent.joinSeq, error: verdict.error, cause: verdict.cause }),
    ...stopSiblings(executionArn, parent, deps).map((stop) => ({ ...stop, ...delay })),
  ];
}

/** Under MaxConcurrency, the child N places on takes this one's slot, while the parent still waits. */
async function startSuccessor(executionArn: string, parent: ChildOf, deps: RuntimeDeps): Promise<QueuedMessage[]> {
  const successor = parent.index + parent.terms.maxConcurrency;
  if (parent.terms.maxConcurrency === 0 || successor >= parent.terms.childCount) return [];
  const parentBranch = await deps.store.getBranch(executionArn, parent.branchId);
  const effect = parentBranch ? openJoin(parentBranch, parent.joinSeq) : undefined;
  if (!parentBranch || !effect) return [];
  return [{ message: childStart(parentBranch, effect, successor, deps.clock.now()) }];
}

/**
 * The settle message. Its key makes the parent take it once; a backup settle has a key of its
 * own, so when it comes after the designated child's it is stale (the join is closed) rather
 * than a redelivery that would re-send the parent's outbox.
 */
function settleParent(parent: Pick<BranchRecord, 'executionArn' | 'branchId'>, joinSeq: number, event: StepEvent, deps: RuntimeDeps, backup = false): QueuedMessage {
  const key = `${parent.branchId}#${joinSeq}#children${backup ? '#backup' : ''}`;
  return { message: { executionArn: parent.executionArn, branchId: parent.branchId, event, key, at: deps.clock.now() } };
}

/** A failed join stops the children still running; those already done ignore it. */
function stopSiblings(executionArn: string, parent: { readonly branchId: BranchId; readonly joinSeq: number; readonly terms: JoinTerms }, deps: RuntimeDeps): QueuedMessage[] {
  return Array.from({ length: parent.terms.childCount }, (_, index) => {
    const branchId = childBranchId(parent.branchId, parent.joinSeq, index);
    return { message: { executionArn, branchId, event: { type: 'StopRequested' } as StepEvent, key: `${branchId}#stop`, at: deps.clock.now() } };
  });
}
