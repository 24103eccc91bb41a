import type { TaskOutcome } from '../../../asl/task-request.ts';

export function failed(error: string, cause: string): TaskOutcome {
  return { kind: 'Failed', error, cause };
}

/** What the engine itself rejects, as opposed to what the called service answered. */
export function runtimeFailure(cause: string): TaskOutcome {
  return failed('States.Runtime', cause);
}

/**
 * AWS refuses such a resource when the state machine is created (`InvalidDefinition`, this same
 * sentence). A definition can reach this invoker without that check, so the attempt fails instead.
 */
export function notRecognized(resource: string): TaskOutcome {
  return runtimeFailure(
    `The resource provided ${resource} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.`,
  );
}

/** A parameter the call cannot be made with; reported as `States.Runtime` with `message` as cause. */
export class ParameterError extends Error {
  override readonly name: string = 'ParameterError';
}
