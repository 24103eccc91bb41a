import type { Json } from '../../asl/json.ts';
import { enforceHistoryQuota } from '../../asl/history/quota.ts';
import type { StepCommit, Telemetry } from '../../ports.ts';
import type { HistoryEvent } from '../../asl/history/event.ts';
import { eventStateName } from '../../asl/history/event.ts';
import { initialSnapshot, step } from '../../asl/interpreter/step.ts';
import type { StepEvent } from '../../asl/interpreter/step-event.ts';
import type { BranchRecord, ChildResult, WorkMessage } from '../records.ts';
import { ROOT_BRANCH } from '../records.ts';
import { executionContext } from './context.ts';
import type { RuntimeDeps } from './deps.ts';
import { dispatchEffects } from './dispatch.ts';
import { stepEnv } from './step-env.ts';
import { continueInline } from './inline-tasks.ts';

/** How handling one message ended (for tests and metrics; the queue acknowledges every outcome). */
export type MessageOutcome = 'committed' | 'stale' | 'redelivered' | 'ignored';

const MAX_ATTEMPTS = 20;

/**
 * Applies one message to its branch, exactly once: the step commits conditionally on the
 * branch version and the execution's event counter; a message that no longer applies changes
 * nothing; the redelivery of a message whose commit went through re-sends that commit's effects
 * (the outbox), which every receiver takes idempotently.
 */
export async function processMessage(message: WorkMessage, deps: RuntimeDeps): Promise<MessageOutcome> {
  deps.telemetry?.messageReceived({ executionArn: message.executionArn, lagMs: Math.max(0, deps.clock.now() - message.at) });
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const execution = await deps.store.getExecution(message.executionArn);
    if (!execution) return 'ignored';
    const branch = (await deps.store.getBranch(message.executionArn, message.branchId)) ?? newChildBranch(message);
    if (!branch) return 'ignored';
    if (branch.appliedKey === message.key) {
      await dispatchEffects(branch, branch.outbox, deps);
      return 'redelivered';
    }
    if (execution.status !== 'RUNNING') return 'ignored';

    const event = await withChildOutputs(message, deps);
    const machine = deps.machines.get(execution.definition);
    const env = stepEnv(deps.secret, message.key, message.at, execution.nextEventId, executionContext(execution));
    const stepped = await step(machine, branch.snapshot, event, env);
    if (stepped.stale) return 'stale';
    const result = deps.inlineTasks === false ? stepped : await continueInline(machine, stepped, env, message.key, deps);

    const next: BranchRecord = {
      ...branch,
      version: branch.version + 1,
      snapshot: result.snapshot,
      outbox: result.effects,
      appliedKey: message.key,
    };
    const overQuota = enforceHistoryQuota(result.events, deps.maxHistoryEvents ?? 25_000, message.at);
    const end = overQuota
      ? { status: 'FAILED' as const, error: overQuota.error, cause: overQuota.cause, stopDate: message.at }
      : executionEnd(branch, result.snapshot, message.at);
    const commit = await deps.store.commitStep({
      executionArn: message.executionArn,
      // Over the quota the execution has ended: nothing of the step is carried out.
      branch: overQuota ? { ...next, outbox: [] } : next,
      events: overQuota ? overQuota.events : result.events,
      firstEventId: env.firstEventId,
      ...(end ? { executionEnd: end } : {}),
    });
    if (commit === 'committed') {
      if (deps.telemetry) reportTransitions(deps.telemetry, execution.stateMachineArn, message.executionArn, result.events);
      if (!overQuota) await dispatchEffects(next, next.outbox, deps);
      if (end) deps.telemetry?.executionEnded({ executionArn: execution.executionArn, stateMachineArn: execution.stateMachineArn, status: end.status, durationMs: message.at - execution.startDate });
      return 'committed';
    }
    if (commit === 'execution-ended') return 'ignored';
    // A conflict: another message moved the branch or the execution's history on. Read again.
  }
  throw new Error(`Could not commit ${message.key} after ${MAX_ATTEMPTS} attempts`);
}

/** A child's first message creates its branch from the spec the parent sent along. */
function newChildBranch(message: WorkMessage): BranchRecord | undefined {
  if (message.event.type !== 'Start' || !message.child) return undefined;
  const { spec, parentBranchId, joinSeq, index, parentEventId, variables } = message.child;
  return {
    executionArn: message.executionArn,
    branchId: message.branchId,
    version: 0,
    snapshot: initialSnapshot(spec.scope, parentEventId, spec.mapItem, variables, spec.id),
    outbox: [],
    parent: { branchId: parentBranchId, joinSeq, index },
  };
}

/** Children's outputs travel in the store, not in the message (which has a size limit). */
async function withChildOutputs(message: WorkMessage, deps: RuntimeDeps): Promise<StepEvent> {
  const event = message.event;
  if (event.type !== 'ChildrenSucceeded') return event;
  const results: readonly ChildResult[] = await deps.store.getChildResults(message.executionArn, message.branchId, event.seq);
  const outputs: Json[] = results.map((result) => result.output ?? null);
  return { ...event, outputs };
}

type ExecutionEnd = NonNullable<StepCommit['executionEnd']>;

/** How the execution ends when its root branch has finished in this step. */
function executionEnd(branch: BranchRecord, snapshot: BranchRecord['snapshot'], at: number): ExecutionEnd | undefined {
  if (branch.branchId !== ROOT_BRANCH || snapshot.status === 'RUNNING') return undefined;
  return { status: snapshot.status, output: snapshot.output, error: snapshot.error, cause: snapshot.cause, stopDate: at };
}

const STATE_ENTERED = /^(\w+)StateEntered$/;

/** Each state entered is a transition; its event type names the state type (`TaskStateEntered`). */
function reportTransitions(telemetry: Telemetry, stateMachineArn: string, executionArn: string, events: readonly HistoryEvent[]): void {
  for (const event of events) {
    const stateType = STATE_ENTERED.exec(event.type)?.[1];
    if (stateType === undefined) continue;
    telemetry.transition({ executionArn, stateMachineArn, stateName: eventStateName(event) ?? '', stateType, at: event.timestamp });
  }
}
