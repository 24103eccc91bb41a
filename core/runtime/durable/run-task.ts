import type { TaskOutcome, TaskRequest } from '../../ports.ts';
import type { RuntimeDeps } from './deps.ts';

/**
 * One Task attempt through the TaskInvoker: an invoker that throws has failed the task
 * (`States.TaskFailed`, its message as the cause), and the attempt's duration goes to telemetry.
 */
export async function runTask(request: TaskRequest, deps: RuntimeDeps): Promise<TaskOutcome> {
  const started = deps.clock.now();
  let outcome: TaskOutcome;
  try {
    outcome = await deps.tasks.invoke(request);
  } catch (thrown) {
    outcome = { kind: 'Failed', error: 'States.TaskFailed', cause: thrown instanceof Error ? thrown.message : String(thrown) };
  }
  deps.telemetry?.taskEnded({
    executionArn: request.executionArn,
    stateName: request.stateName,
    resource: request.resource,
    outcome: outcome.kind,
    durationMs: Math.max(0, deps.clock.now() - started),
  });
  return outcome;
}
