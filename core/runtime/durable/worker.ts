import type { Json } from '../../asl/json.ts';
import { enforceHistoryQuota } from '../../asl/history/quota.ts';
import type { HistoryEvent } from '../../asl/history/event.ts';
import { eventStateName } from '../../asl/history/event.ts';
import type { ExecutionEnd, Telemetry } from '../../ports.ts';
import { initialSnapshot, step } from '../../asl/interpreter/step.ts';
import { firstEventIdOf } from '../event-ids.ts';
import type { MergedChild } from '../history-merge.ts';
import type { BranchRecord, ExecutionRecord, WorkMessage } from '../records.ts';
import { ROOT_BRANCH } from '../records.ts';
import { executionContext } from './context.ts';
import type { RuntimeDeps } from './deps.ts';
import { dispatchEffects } from './dispatch.ts';
import { childrenToMerge, withChildOutputs } from './merge-children.ts';
import { stepEnv } from './step-env.ts';
import { continueInline } from './inline-tasks.ts';
import { openJoin } from '../open-join.ts';
import { reportToParentTask } from './parent-task.ts';
import { runQueuedExpress } from './express.ts';

/** How handling one message ended (for tests and metrics; the queue acknowledges every outcome). */
export type MessageOutcome = 'committed' | 'stale' | 'redelivered' | 'ignored';

const MAX_ATTEMPTS = 20;

/**
 * Applies one message to its branch, exactly once: the step commits conditionally on the
 * branch version; a message that no longer applies changes nothing; the redelivery of a
 * message whose commit went through re-sends that commit's effects (the outbox), which every
 * receiver takes idempotently, and repeats the execution's end if the step ended it.
 */
export async function processMessage(message: WorkMessage, deps: RuntimeDeps): Promise<MessageOutcome> {
  deps.telemetry?.messageReceived({ executionArn: message.executionArn, lagMs: Math.max(0, deps.clock.now() - message.at) });
  if (message.express) return runQueuedExpress(message, deps);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const execution = await readExecution(message.executionArn, deps);
    if (!execution) return 'ignored';
    const branch = (await deps.store.getBranch(message.executionArn, message.branchId)) ?? newChildBranch(message);
    if (!branch) return 'ignored';
    if (branch.appliedKey === message.key) {
      await repeatCommittedStep(execution, branch, message.at, deps);
      return 'redelivered';
    }
    if (execution.status !== 'RUNNING') return 'ignored';

    const stepped = await stepBranch(execution, branch, message, deps);
    if (!stepped) return 'stale';
    const { next, events, merged, end, overQuota, deadline } = stepped;
    const commit = await deps.store.commitStep({
      executionArn: message.executionArn,
      branch: next,
      events,
      ...(merged.length > 0 ? { merged } : {}),
      ...(end ? { executionEnd: end } : {}),
      ...(deadline === undefined ? {} : { deadline }),
    });
    if (commit === 'committed') {
      if (deps.telemetry) reportTransitions(deps.telemetry, execution.stateMachineArn, message.executionArn, events);
      if (!overQuota) await dispatchEffects(next, next.outbox, deps);
      if (end) {
        deps.telemetry?.executionEnded({ executionArn: execution.executionArn, stateMachineArn: execution.stateMachineArn, status: end.status, durationMs: message.at - execution.startDate });
        await reportToParentTask({ ...execution, ...end }, deps);
      }
      return 'committed';
    }
    // Another message moved the branch on. Read again.
  }
  throw new Error(`Could not commit ${message.key} after ${MAX_ATTEMPTS} attempts`);
}

/**
 * Carries out again what the branch's last committed step left to do, when the message that made
 * it comes again or after a crash: the execution's end (if the step ended it and that is not
 * recorded yet), the outbox, and the `.sync` Task waiting for the execution. All of it is
 * idempotent. `at` stands in for the end's time when the step did not record one.
 */
export async function repeatCommittedStep(execution: ExecutionRecord, branch: BranchRecord, at: number, deps: RuntimeDeps): Promise<void> {
  const end = executionEnd(branch, branch.snapshot, branch.endedAt ?? at);
  if (end && execution.status === 'RUNNING') await deps.store.recordExecutionEnd(execution.executionArn, end);
  await dispatchEffects(branch, branch.outbox, deps);
  if (end) await reportToParentTask({ ...execution, ...end }, deps);
}

/**
 * Every message reads its execution, for the definition (which never changes) and the status; an
 * eventually consistent read is enough for both. A status read a moment late lets a branch take
 * one more step after the execution ended, which nothing reads (its events are not merged into
 * the history, and an ended root branch takes no step). Only an execution created a
 * moment ago may be missed, so a miss is read again consistently.
 */
async function readExecution(executionArn: string, deps: RuntimeDeps): Promise<ExecutionRecord | undefined> {
  return (await deps.store.getExecution(executionArn, { consistent: false })) ?? deps.store.getExecution(executionArn);
}

interface Stepped {
  readonly next: BranchRecord;
  readonly events: readonly HistoryEvent[];
  readonly merged: readonly MergedChild[];
  readonly end: ExecutionEnd | undefined;
  readonly overQuota: boolean;
  /** When the execution ends at the latest: its start plus the state machine's TimeoutSeconds, if set. */
  readonly deadline: number | undefined;
}

/**
 * The step (and the request-response tasks it runs inline). When the step moves the branch past
 * a Parallel or Map state, or ends the execution while one runs, the children's events are
 * placed right after the branch's own, so the step's events are numbered after theirs.
 */
async function stepBranch(execution: ExecutionRecord, branch: BranchRecord, message: WorkMessage, deps: RuntimeDeps): Promise<Stepped | undefined> {
  const machine = deps.machines.get(execution.definition);
  // A join already settled (a late or backup settle) is stale: no need to read the children's results.
  if (isJoinEvent(message.event) && !openJoin(branch, message.event.seq)) return undefined;
  const event = await withChildOutputs(message, deps);
  const context = executionContext(execution);
  let merged = await childrenToMerge(branch, event, false, deps);
  let env = stepEnv(deps.secret, message.key, message.at, mergedEnd(branch, merged), context);
  let stepped = await step(machine, branch.snapshot, event.event, env);
  if (stepped.stale) return undefined;
  if (merged.length === 0 && branch.branchId === ROOT_BRANCH && stepped.snapshot.status !== 'RUNNING') {
    // The execution ends while children still run (stopped, timed out): their events so far go first.
    merged = await childrenToMerge(branch, event, true, deps);
    if (merged.length > 0) {
      env = stepEnv(deps.secret, message.key, message.at, mergedEnd(branch, merged), context);
      stepped = await step(machine, branch.snapshot, event.event, env);
      if (stepped.stale) return undefined;
    }
  }
  const result = deps.inlineTasks === false ? stepped : await continueInline(machine, stepped, env, message.key, deps);
  const overQuota = branch.branchId === ROOT_BRANCH ? enforceHistoryQuota(result.events, deps.maxHistoryEvents ?? 25_000, message.at) : undefined;
  const events = overQuota ? overQuota.events : result.events;
  const end = overQuota
    ? { status: 'FAILED' as const, error: overQuota.error, cause: overQuota.cause, stopDate: message.at }
    : executionEnd(branch, result.snapshot, message.at);
  const next: BranchRecord = {
    ...branch,
    version: branch.version + 1,
    snapshot: overQuota ? { ...result.snapshot, status: 'FAILED', error: overQuota.error, cause: overQuota.cause } : result.snapshot,
    // Over the quota the execution has ended: nothing of the step is carried out.
    outbox: overQuota ? [] : result.effects,
    appliedKey: message.key,
    nextEventId: (events.at(-1)?.id ?? env.firstEventId - 1) + 1,
    ...(end ? { endedAt: end.stopDate } : {}),
  };
  const deadline = machine.timeoutSeconds === undefined ? undefined : execution.startDate + machine.timeoutSeconds * 1000;
  return { next, events, merged, end, overQuota: overQuota !== undefined, deadline };
}

function isJoinEvent(event: WorkMessage['event']): event is Extract<WorkMessage['event'], { type: 'ChildrenSucceeded' | 'ChildrenFailed' }> {
  return event.type === 'ChildrenSucceeded' || event.type === 'ChildrenFailed';
}

/** The id after the merged children's block (the branch's own next id when there are none). */
function mergedEnd(branch: BranchRecord, merged: readonly { readonly start: number; readonly count: number }[]): number {
  const last = merged.at(-1);
  return last ? last.start + last.count : branch.nextEventId;
}

/** A child's first message creates its branch from the spec the parent sent along. */
function newChildBranch(message: WorkMessage): BranchRecord | undefined {
  if (message.event.type !== 'Start' || !message.child) return undefined;
  const { spec, parentBranchId, joinSeq, index, terms, parentEventId, variables } = message.child;
  return {
    executionArn: message.executionArn,
    branchId: message.branchId,
    version: 0,
    snapshot: initialSnapshot(spec.scope, parentEventId, spec.mapItem, variables, spec.id),
    outbox: [],
    parent: { branchId: parentBranchId, joinSeq, index, terms },
    nextEventId: firstEventIdOf(message.branchId),
  };
}

/** How the execution ends when its root branch has finished. */
function executionEnd(branch: BranchRecord, snapshot: BranchRecord['snapshot'], at: number): ExecutionEnd | undefined {
  if (branch.branchId !== ROOT_BRANCH || snapshot.status === 'RUNNING') return undefined;
  const output: Json | undefined = snapshot.output;
  return {
    status: snapshot.status,
    ...(output === undefined ? {} : { output }),
    ...(snapshot.error === undefined ? {} : { error: snapshot.error }),
    ...(snapshot.cause === undefined ? {} : { cause: snapshot.cause }),
    stopDate: at,
  };
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
