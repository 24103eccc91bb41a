import type { Json } from '../../asl/json.ts';
import type { StateMachineDefinition } from '../../asl/definition/types.ts';
import type { ExecutionRecord, ParentTask, StateMachineRecord, WorkMessage } from '../records.ts';
import { ROOT_BRANCH } from '../records.ts';
import { runInMemory } from '../run-in-memory.ts';
import type { RuntimeDeps } from './deps.ts';
import { reportToParentTask } from './parent-task.ts';

export interface ExpressRequest {
  readonly stateMachine: StateMachineRecord;
  readonly name: string;
  readonly input: string;
  readonly executionArn?: string;
}

/**
 * Runs an Express execution to its end in memory, on the real clock: no write per transition
 * and nothing stored, as AWS runs Express workflows.
 */
export async function runExpress(deps: RuntimeDeps, request: ExpressRequest, synchronous: boolean): Promise<ExecutionRecord> {
  const { stateMachine, name, input } = request;
  const startDate = deps.clock.now();
  const [, , , region, account] = stateMachine.stateMachineArn.split(':');
  const result = await runInMemory(JSON.parse(stateMachine.definition) as StateMachineDefinition, {
    input: JSON.parse(input) as Json,
    taskInvoker: deps.tasks,
    startTime: startDate,
    executionName: name,
    stateMachineName: stateMachine.name,
    workflowType: 'EXPRESS',
    synchronous,
    realTime: true,
    ...(request.executionArn === undefined ? {} : { executionArn: request.executionArn }),
    ...(region ? { region } : {}),
    ...(account ? { accountId: account } : {}),
  });
  return {
    executionArn: result.executionArn,
    stateMachineArn: stateMachine.stateMachineArn,
    name,
    type: 'EXPRESS',
    status: result.status === 'RUNNING' ? 'FAILED' : result.status,
    input,
    ...(result.output === undefined ? {} : { output: result.output }),
    ...(result.error === undefined ? {} : { error: result.error }),
    ...(result.cause === undefined ? {} : { cause: result.cause }),
    startDate,
    stopDate: deps.clock.now(),
    definition: stateMachine.definition,
    roleArn: stateMachine.roleArn,
  };
}

/**
 * An asynchronous Express execution (StartExecution), run to its end: its end goes to the
 * telemetry port, and to the `.sync` Task that started it, if one did.
 */
export async function runExpressToEnd(deps: RuntimeDeps, request: ExpressRequest & { readonly parentTask?: ParentTask }): Promise<void> {
  const finished = await runExpress(deps, request, false);
  deps.telemetry?.executionEnded({
    executionArn: finished.executionArn,
    stateMachineArn: finished.stateMachineArn,
    status: finished.status,
    durationMs: (finished.stopDate ?? finished.startDate) - finished.startDate,
  });
  if (request.parentTask) await reportToParentTask({ ...finished, parentTask: request.parentTask }, deps);
}

/**
 * The message that has a worker run an Express execution started with StartExecution, where the
 * process that started it cannot keep running it (a Lambda function answering an API request is
 * frozen once it has answered). Delivered at least once, as AWS runs Express executions.
 */
export function expressStartMessage(record: ExecutionRecord, parentTask: ParentTask | undefined): WorkMessage {
  return {
    executionArn: record.executionArn,
    branchId: ROOT_BRANCH,
    event: { type: 'Start', input: JSON.parse(record.input) as Json },
    key: `${record.executionArn}#express`,
    at: record.startDate,
    express: { stateMachineArn: record.stateMachineArn, name: record.name, ...(parentTask === undefined ? {} : { parentTask }) },
  };
}

/** A worker's side of expressStartMessage; a state machine deleted since is not run. */
export async function runQueuedExpress(message: WorkMessage, deps: RuntimeDeps): Promise<'committed' | 'ignored'> {
  const express = message.express;
  if (!express || message.event.type !== 'Start' || !deps.stateMachines) return 'ignored';
  const stateMachine = await deps.stateMachines.getStateMachine(express.stateMachineArn);
  if (!stateMachine || stateMachine.type !== 'EXPRESS') return 'ignored';
  await runExpressToEnd(deps, {
    stateMachine,
    name: express.name,
    input: JSON.stringify(message.event.input),
    executionArn: message.executionArn,
    ...(express.parentTask === undefined ? {} : { parentTask: express.parentTask }),
  });
  return 'committed';
}
