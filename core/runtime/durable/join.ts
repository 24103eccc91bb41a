import type { Effect } from '../../asl/interpreter/effect.ts';
import type { StepEvent } from '../../asl/interpreter/step-event.ts';
import { judgeChildren } from '../../asl/states/map/fan-in.ts';
import type { BranchRecord, JoinRecord, WorkMessage } from '../records.ts';
import { childBranchId } from '../records.ts';
import type { QueuedMessage } from '../../ports.ts';
import type { RuntimeDeps } from './deps.ts';
import { eventCountOf } from '../event-ids.ts';

type StartChildren = Extract<Effect, { type: 'StartChildren' }>;
type Finish = Extract<Effect, { type: 'Finish' }>;

/**
 * Fan-out: records the join, then starts the first children. With MaxConcurrency N, child i
 * is started when child i − N finishes, so each of N slots runs its children one after another:
 * the bound holds across workers with no shared "next index" counter to race on.
 */
/** Records the join; returns the messages that start the first children (or settle an empty join). */
export async function startChildren(parent: BranchRecord, effect: StartChildren, deps: RuntimeDeps): Promise<QueuedMessage[]> {
  const { type: _type, seq, ...children } = effect;
  const join: JoinRecord = { ...children, executionArn: parent.executionArn, parentBranchId: parent.branchId, joinSeq: seq };
  await deps.store.putJoin(join);
  const first = effect.maxConcurrency > 0 ? Math.min(effect.maxConcurrency, effect.children.length) : effect.children.length;
  const messages: QueuedMessage[] = [];
  for (let index = 0; index < first; index++) messages.push({ message: childStart(join, index, deps.clock.now()) });
  if (effect.children.length === 0) messages.push(settleParent(join, { type: 'ChildrenSucceeded', seq: join.joinSeq, outputs: [] }, deps));
  return messages;
}

function childStart(join: JoinRecord, index: number, at: number): WorkMessage {
  const spec = join.children[index]!;
  const branchId = childBranchId(join.parentBranchId, join.joinSeq, index);
  return {
    executionArn: join.executionArn,
    branchId,
    event: { type: 'Start', input: spec.input },
    key: `${branchId}#start`,
    at,
    child: {
      parentBranchId: join.parentBranchId,
      joinSeq: join.joinSeq,
      index,
      spec,
      parentEventId: join.parentEventId,
      ...(join.variables === undefined ? {} : { variables: join.variables }),
    },
  };
}

/** Fan-in: counts the child once; returns the message that starts its successor or settles the parent. */
export async function reportChildFinished(child: BranchRecord, finish: Finish, deps: RuntimeDeps): Promise<QueuedMessage[]> {
  const parent = child.parent;
  if (!parent || finish.status === 'ABORTED' || finish.status === 'TIMED_OUT') return [];
  const { executionArn } = child;
  const join = await deps.store.getJoin(executionArn, parent.branchId, parent.joinSeq);
  if (!join) return [];
  const { counters } = await deps.store.recordChildResult(executionArn, parent.branchId, parent.joinSeq, {
    index: parent.index,
    status: finish.status,
    at: deps.clock.now(),
    eventCount: eventCountOf(child.branchId, child.nextEventId),
    ...(finish.output === undefined ? {} : { output: finish.output }),
    ...(finish.error === undefined ? {} : { error: finish.error }),
    ...(finish.cause === undefined ? {} : { cause: finish.cause }),
  });
  const verdict = judgeChildren(
    join.children.length,
    counters.succeeded,
    counters.failed,
    {
      ...(join.toleratedFailureCount === undefined ? {} : { toleratedFailureCount: join.toleratedFailureCount }),
      ...(join.toleratedFailurePercentage === undefined ? {} : { toleratedFailurePercentage: join.toleratedFailurePercentage }),
      ...(join.distributed ? { distributed: true } : {}),
    },
    counters.firstFailure,
  );
  if (verdict.kind === 'succeeded') {
    // The outputs are read from the store when the parent takes this event.
    return [settleParent(join, { type: 'ChildrenSucceeded', seq: join.joinSeq, outputs: [] }, deps)];
  }
  if (verdict.kind === 'failed') {
    return [settleParent(join, { type: 'ChildrenFailed', seq: join.joinSeq, error: verdict.error, cause: verdict.cause }, deps), ...stopSiblings(join, deps)];
  }
  const successor = parent.index + join.maxConcurrency;
  return join.maxConcurrency > 0 && successor < join.children.length ? [{ message: childStart(join, successor, deps.clock.now()) }] : [];
}

function settleParent(join: JoinRecord, event: StepEvent, deps: RuntimeDeps): QueuedMessage {
  const key = `${join.parentBranchId}#${join.joinSeq}#children`;
  return { message: { executionArn: join.executionArn, branchId: join.parentBranchId, event, key, at: deps.clock.now() } };
}

/** A failed join stops the children still running; those already done ignore it. */
function stopSiblings(join: JoinRecord, deps: RuntimeDeps): QueuedMessage[] {
  return join.children.map((_, index) => {
    const branchId = childBranchId(join.parentBranchId, join.joinSeq, index);
    return { message: { executionArn: join.executionArn, branchId, event: { type: 'StopRequested' } as StepEvent, key: `${branchId}#stop`, at: deps.clock.now() } };
  });
}

