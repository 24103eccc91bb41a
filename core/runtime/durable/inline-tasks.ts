import type { HistoryEvent } from '../../asl/history/event.ts';
import type { Effect } from '../../asl/interpreter/effect.ts';
import type { StepEnv } from '../../asl/interpreter/env.ts';
import type { CompiledMachine } from '../../asl/interpreter/machine.ts';
import type { BranchSnapshot } from '../../asl/interpreter/snapshot.ts';
import { step } from '../../asl/interpreter/step.ts';
import type { RuntimeDeps } from './deps.ts';
import { taskOutcomeEvent } from '../../asl/interpreter/task-outcome.ts';
import { stepEnv } from './step-env.ts';
import { runTask } from './run-task.ts';

/** At most this many tasks are run inside one hop, so one message never holds a worker for long. */
const MAX_INLINE_TASKS = 8;

export interface Continued {
  readonly snapshot: BranchSnapshot;
  readonly events: readonly HistoryEvent[];
  readonly effects: readonly Effect[];
}

/**
 * A request-response Task with nothing else pending (no timer) is run right here, and the
 * branch steps on with its result before anything is committed: one commit then covers the
 * task's scheduling, its result and the pure states after it. A commit that fails re-runs all of
 * it, invoking the task again with the same idempotency key: tasks are at-least-once either way.
 */
export async function continueInline(
  machine: CompiledMachine,
  first: Continued,
  env: StepEnv,
  messageKey: string,
  deps: RuntimeDeps,
): Promise<Continued> {
  let { snapshot, effects } = first;
  const events = [...first.events];
  for (let n = 0; n < MAX_INLINE_TASKS; n++) {
    const invoke = inlineTask(effects);
    if (!invoke) break;
    const outcome = await runTask(invoke.request, deps);
    const nextEnv = stepEnv(deps.secret, `${messageKey}#inline-${n}`, deps.clock.now(), env.firstEventId + events.length, env.execution);
    const next = await step(machine, snapshot, taskOutcomeEvent(invoke.seq, outcome), nextEnv);
    if (next.stale) break;
    snapshot = next.snapshot;
    events.push(...next.events);
    effects = next.effects;
  }
  return { snapshot, events, effects };
}

function inlineTask(effects: readonly Effect[]): Extract<Effect, { type: 'InvokeTask' }> | undefined {
  if (effects.length !== 1) return undefined;
  const effect = effects[0]!;
  if (effect.type !== 'InvokeTask') return undefined;
  const { pattern, resourceKind } = effect.request;
  return pattern === 'REQUEST_RESPONSE' && resourceKind !== 'activity' ? effect : undefined;
}
