import type { Effect } from '../../asl/interpreter/effect.ts';
import { taskOutcomeEvent } from '../../asl/interpreter/task-outcome.ts';
import type { StepEvent } from '../../asl/interpreter/step-event.ts';
import type { BranchRecord, WorkMessage } from '../records.ts';
import type { QueuedMessage } from '../../ports.ts';
import type { RuntimeDeps } from './deps.ts';
import { reportChildFinished, startChildren } from './join.ts';
import { runTask } from './run-task.ts';

/**
 * Carries out the effects of a committed step. Everything here may run twice (a redelivered
 * message re-sends its commit's outbox), so every receiver is idempotent: messages have keys,
 * timers names, joins and child results write once, and stale replies are ignored by `step`.
 */
export async function dispatchEffects(branch: BranchRecord, effects: readonly Effect[], deps: RuntimeDeps): Promise<void> {
  const outgoing: QueuedMessage[] = [];
  for (const effect of effects) outgoing.push(...(await dispatchEffect(branch, effect, deps)));
  // One send for the whole outbox: one SendMessageBatch on SQS instead of one per effect.
  if (outgoing.length > 0) await deps.queue.send(outgoing);
}

/** Carries out one effect; returns the messages it needs sent. */
async function dispatchEffect(branch: BranchRecord, effect: Effect, deps: RuntimeDeps): Promise<readonly QueuedMessage[]> {
  const { executionArn, branchId } = branch;
  const at = deps.clock.now();
  switch (effect.type) {
    case 'InvokeTask': {
      const request = effect.request;
      if (request.taskToken !== undefined) {
        await deps.store.putTaskToken({
          taskToken: request.taskToken,
          executionArn,
          branchId,
          seq: effect.seq,
          ...(request.heartbeatSeconds === undefined ? {} : { heartbeatSeconds: request.heartbeatSeconds }),
        });
      }
      // Task work runs beside the worker: a slow task must not hold the branch's message.
      const work = invokeTask(branch, effect.seq, request, deps);
      if (deps.track) deps.track(work);
      else void work;
      return [];
    }
    case 'StartTimer': {
      const name = `${executionArn}|${branchId}|${effect.seq}|${effect.timer}|${effect.fireAt}`;
      const event: StepEvent = { type: 'TimerFired', seq: effect.seq, timer: effect.timer };
      await deps.timers.schedule({ name, fireAt: effect.fireAt, message: message(branch, event, `timer:${name}`, effect.fireAt) });
      return [];
    }
    case 'Continue':
      return [{ message: message(branch, { type: 'Continue', seq: effect.seq }, `${branchId}#${effect.seq}#continue`, at) }];
    case 'StartChildren':
      return startChildren(branch, effect, deps);
    case 'Finish':
      return branch.parent ? reportChildFinished(branch, effect, deps) : [];
  }
}

async function invokeTask(branch: BranchRecord, seq: number, request: Parameters<RuntimeDeps['tasks']['invoke']>[0], deps: RuntimeDeps): Promise<void> {
  const event = taskOutcomeEvent(seq, await runTask(request, deps));
  await deps.queue.send([{ message: message(branch, event, `${branch.branchId}#${seq}#${event.type}`, deps.clock.now()) }]);
}


export function message(branch: Pick<BranchRecord, 'executionArn' | 'branchId'>, event: StepEvent, key: string, at: number): WorkMessage {
  return { executionArn: branch.executionArn, branchId: branch.branchId, event, key, at };
}
