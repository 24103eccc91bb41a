import type { Json, JsonObject } from '../../asl/json.ts';
import type { ExecutionRecord } from '../records.ts';
import type { RuntimeDeps } from './deps.ts';
import { deliverCallback } from './callbacks.ts';

/** How a nested execution's end completes the `.sync` Task that started it. */
export type ParentTaskResult =
  | { readonly kind: 'succeeded'; readonly output: JsonObject }
  | { readonly kind: 'failed'; readonly error: string; readonly cause: string };

/**
 * What AWS hands a `states:startExecution.sync` Task when the execution it started ends: the
 * execution as DescribeExecution shows it (members in alphabetical order, dates in epoch
 * milliseconds), with input and output as JSON text for `.sync` and as JSON for `.sync:2`. A
 * child that did not succeed fails the Task with States.TaskFailed, that description (with the
 * child's Error and Cause) as the cause.
 */
export function parentTaskResult(execution: ExecutionRecord): ParentTaskResult | undefined {
  const parent = execution.parentTask;
  if (!parent || execution.status === 'RUNNING' || execution.status === 'PENDING_REDRIVE') return undefined;
  const asJson = parent.pattern === 'RUN_JOB_V2';
  const input: Json = asJson ? (JSON.parse(execution.input) as Json) : execution.input;
  const described: JsonObject = {
    ...(execution.cause === undefined ? {} : { Cause: execution.cause }),
    ...(execution.error === undefined ? {} : { Error: execution.error }),
    ExecutionArn: execution.executionArn,
    Input: input,
    InputDetails: { Included: true },
    Name: execution.name,
  };
  const dates: JsonObject = {
    StartDate: execution.startDate,
    StateMachineArn: execution.stateMachineArn,
    Status: execution.status,
    StopDate: execution.stopDate ?? execution.startDate,
  };
  if (execution.status !== 'SUCCEEDED') return { kind: 'failed', error: 'States.TaskFailed', cause: JSON.stringify({ ...described, ...dates }) };
  const output: Json = execution.output ?? null;
  return {
    kind: 'succeeded',
    output: { ...described, Output: asJson ? output : JSON.stringify(output), OutputDetails: { Included: true }, ...dates },
  };
}

/**
 * Completes the parent's `.sync` Task with the execution's end. Called wherever an end is
 * recorded, redeliveries and recovery included: the callback's key makes a repeat change nothing,
 * and once the Task has moved on the token is gone and the repeat is refused quietly.
 */
export async function reportToParentTask(execution: ExecutionRecord, deps: RuntimeDeps): Promise<void> {
  const result = parentTaskResult(execution);
  if (!result || !execution.parentTask) return;
  const { taskToken } = execution.parentTask;
  if (result.kind === 'succeeded') {
    await deliverCallback(deps, taskToken, (seq) => ({ type: 'TaskSucceeded', seq, output: result.output }), 'TaskSucceeded', true);
  } else {
    await deliverCallback(deps, taskToken, (seq) => ({ type: 'TaskFailed', seq, error: result.error, cause: result.cause }), 'TaskFailed', true);
  }
}
