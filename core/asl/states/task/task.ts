import type { QueryLanguage, TaskState } from '../../definition/types.ts';
import type { Json, JsonObject } from '../../json.ts';
import { StatesErrors } from '../../errors.ts';
import { exceedsPayloadLimit } from '../../limits.ts';
import { compileRetrier } from '../../retry/retrier.ts';
import { compileCatchers } from '../../query/catcher.ts';
import { compileDataFlow } from '../../query/compile-flow.ts';
import { all, then, type Maybe } from '../../query/maybe.ts';
import { compileNumberField } from '../../query/number-field.ts';
import type { Pending } from '../../interpreter/snapshot.ts';
import type { StepEvent } from '../../interpreter/step-event.ts';
import { continueWith, type Outcome, type StateComponent, type StateRun } from '../component.ts';
import { parseTaskResource } from './resource.ts';
import { compileCredentials } from './credentials.ts';
import { outcomeDetails, scheduledDetails, taskEventNames } from './events.ts';

type TaskPending = Extract<Pending, { kind: 'Task' }>;

/** Task: hands its parameters to an invoker and waits for the outcome. */
export function compileTask(name: string, state: TaskState, language: QueryLanguage): StateComponent {
  const resource = parseTaskResource(state.Resource);
  const names = taskEventNames(resource);
  const flow = compileDataFlow(state, language);
  const timeout = compileNumberField({ field: 'TimeoutSeconds', literal: state.TimeoutSeconds, path: state.TimeoutSecondsPath, language });
  const heartbeat = compileNumberField({ field: 'HeartbeatSeconds', literal: state.HeartbeatSeconds, path: state.HeartbeatSecondsPath, language });
  const credentials = compileCredentials(state.Credentials, language);
  // `$$.Task.Token` exists for callbacks and for `.sync` jobs alike.
  const hasTaskToken = resource.pattern !== 'REQUEST_RESPONSE';

  function execute(run: StateRun): Maybe<Outcome> {
    const effective = flow.effectiveInput(run);
    const taskToken = hasTaskToken ? run.env.uuid() : undefined;
    const tokenRun = taskToken === undefined ? run : run.withTaskToken(taskToken);
    return then(
      all<Json | number | JsonObject | undefined>([flow.arguments(tokenRun, effective), timeout(run, effective), heartbeat(run, effective), credentials(tokenRun, effective)]),
      (values) => schedule(run, values[0] as Json, values[1] as number | undefined, values[2] as number | undefined, taskToken, values[3] as JsonObject | undefined),
    );
  }

  function schedule(
    run: StateRun,
    request: Json,
    timeoutSeconds: number | undefined,
    heartbeatSeconds: number | undefined,
    taskToken: string | undefined,
    taskCredentials: JsonObject | undefined,
  ): Outcome {
    const region = run.env.execution.executionArn.split(':')[3] ?? 'us-east-1';
    run.emit(names.scheduled, scheduledDetails(resource, region, request, timeoutSeconds, heartbeatSeconds));
    if (resource.kind !== 'activity') run.emit(names.started, outcomeDetails(resource, {}));
    const seq = run.nextSeq();
    const now = run.env.now;
    const pending: TaskPending = {
      kind: 'Task',
      seq,
      resourceKind: resource.kind,
      pattern: resource.pattern,
      submitted: false,
      heartbeatSeconds,
      heartbeatDeadline: heartbeatSeconds === undefined ? undefined : now + heartbeatSeconds * 1000,
    };
    return {
      kind: 'Suspend',
      pending,
      effects: [
        {
          type: 'InvokeTask',
          seq,
          request: {
            stateName: run.name,
            resource: resource.arn,
            resourceKind: resource.kind,
            service: resource.service,
            action: resource.action,
            pattern: resource.pattern,
            parameters: request,
            credentials: taskCredentials,
            timeoutSeconds,
            heartbeatSeconds,
            taskToken,
            // Branch and sequence number: the same attempt has the same key however often it is re-run.
            idempotencyKey: `${run.env.execution.executionArn}#${run.branchId}#${seq}`,
            executionArn: run.env.execution.executionArn,
            attempt: run.retryCount,
          },
        },
        ...(timeoutSeconds === undefined ? [] : [{ type: 'StartTimer' as const, seq, timer: 'TaskTimeout' as const, fireAt: now + timeoutSeconds * 1000 }]),
        ...(heartbeatSeconds === undefined ? [] : [{ type: 'StartTimer' as const, seq, timer: 'HeartbeatTimeout' as const, fireAt: now + heartbeatSeconds * 1000 }]),
      ],
    };
  }

  function submitted(run: StateRun, pending: TaskPending, output: Json | undefined): TaskPending {
    if (pending.submitted || !names.submitted) return pending;
    run.emit(names.submitted, outcomeDetails(resource, { output: output ?? {} }));
    return { ...pending, submitted: true };
  }

  function resume(run: StateRun, stored: Pending, event: StepEvent): Maybe<Outcome> {
    const pending = stored as TaskPending;
    switch (event.type) {
      case 'TaskSubmitted':
        return { kind: 'Suspend', pending: submitted(run, pending, event.output), effects: [] };
      case 'TaskHeartbeat': {
        if (pending.heartbeatSeconds === undefined) return { kind: 'Suspend', pending, effects: [] };
        const fireAt = run.env.now + pending.heartbeatSeconds * 1000;
        return {
          kind: 'Suspend',
          pending: { ...pending, heartbeatDeadline: fireAt },
          effects: [{ type: 'StartTimer', seq: pending.seq, timer: 'HeartbeatTimeout', fireAt }],
        };
      }
      case 'TaskSucceeded':
        if (resource.pattern !== 'REQUEST_RESPONSE') submitted(run, pending, undefined);
        return succeeded(run, event.output);
      case 'TaskFailed':
        run.emit(names.failed, outcomeDetails(resource, { error: event.error, cause: event.cause }));
        return { kind: 'Error', error: event.error, cause: event.cause };
      case 'TaskTimedOut':
        if (resource.pattern !== 'REQUEST_RESPONSE') submitted(run, pending, undefined);
        return timedOut(run, event.error ?? StatesErrors.Timeout, event.cause ?? '');
      case 'TimerFired':
        if (event.timer === 'HeartbeatTimeout' && pending.heartbeatDeadline !== undefined && run.env.now < pending.heartbeatDeadline) {
          return { kind: 'Suspend', pending, effects: [] };
        }
        return timedOut(run, StatesErrors.Timeout, '');
      default:
        return { kind: 'Suspend', pending, effects: [] };
    }
  }

  function timedOut(run: StateRun, error: string, cause: string | undefined): Outcome {
    run.emit(names.timedOut, outcomeDetails(resource, { error, cause }));
    return { kind: 'Error', error, cause };
  }

  function succeeded(run: StateRun, result: Json): Maybe<Outcome> {
    if (exceedsPayloadLimit(result)) {
      const error = StatesErrors.DataLimitExceeded;
      const cause = `The state/task '${resource.arn}' returned a result with a size exceeding the maximum number of bytes service limit.`;
      run.emit(names.failed, outcomeDetails(resource, { error, cause }));
      return { kind: 'Error', error, cause };
    }
    run.emit(names.succeeded, outcomeDetails(resource, { output: result }));
    return then(flow.finish(run, result), (exit) => continueWith(exit));
  }

  return {
    name,
    type: 'Task',
    next: state.Next,
    retriers: (state.Retry ?? []).map(compileRetrier),
    catchers: compileCatchers(state.Catch, language),
    execute,
    resume,
  };
}
