/**
 * Runs Task states against plain functions from a user's JS/TS module (`stepwise run --tasks`).
 *
 * The module exports handlers keyed by state name or by resource ARN, either as named exports
 * or as properties of a default-exported object (both may be used together):
 *
 *   export default {
 *     'arn:aws:lambda:us-east-1:123456789012:function:charge': (input) => ({ charged: true }),
 *     'Ship Order': async (input, { attempt }) => ({ shipped: attempt }),
 *   };
 *   export function Notify(input) { return null; }
 *
 * A handler for the state name wins over one for the resource, so one state can be stubbed
 * differently from the others calling the same function. A default-exported *function* handles
 * every Task no key matched.
 *
 * What a handler returns (sync or async) becomes the Task result, serialised as JSON the way
 * Lambda would (`undefined` → `null`, Dates → strings). For `.waitForTaskToken` resources it is
 * the result the callback would have delivered. A thrown value becomes a Task failure that
 * Retry/Catch see like a Lambda error:
 *   * error: `err.error` when it is a string (so `throw { error: 'Busy', cause: '...' }` works),
 *     else `err.name` (`TypeError`, or whatever name a custom error class sets), else `Error`
 *     (a custom class that does not set `name` reports `Error`, as Lambda's Node runtime does);
 *   * cause: `err.cause` when it is a string, else `err.message`, else the thrown string;
 *   * an error named `States.Timeout` or `States.HeartbeatTimeout` simulates the Task timing out.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Json } from '../../asl/json.ts';
import type { TaskInvoker } from '../../ports.ts';
import type { TaskOutcome, TaskRequest } from '../../asl/task-request.ts';

export interface TaskHandlerContext {
  readonly stateName: string;
  readonly resource: string;
  readonly taskToken?: string;
  /** Which try of this Task this is, as the runtime counts them (one more per retry). */
  readonly attempt: number;
  readonly executionArn: string;
}

export type TaskHandler = (parameters: Json, context: TaskHandlerContext) => unknown;

export interface HandlerTable {
  readonly byKey: ReadonlyMap<string, TaskHandler>;
  readonly fallback?: TaskHandler;
}

/**
 * Imports the module at `file` (relative to `cwd`) and serves Tasks from its handlers; Tasks it
 * has no handler for go to `otherwise`.
 */
export async function loadHandlerModule(file: string, cwd: string = process.cwd(), otherwise: TaskInvoker = noTaskHandler): Promise<TaskInvoker> {
  const path = isAbsolute(file) ? file : resolve(cwd, file);
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`cannot load task handlers from ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return handlerInvoker(collectHandlers(namespace, path), otherwise);
}

/** The handler table of a module namespace; throws when an export cannot be a handler. */
export function collectHandlers(namespace: Record<string, unknown>, where = 'handler module'): HandlerTable {
  const byKey = new Map<string, TaskHandler>();
  const add = (key: string, value: unknown): void => {
    if (typeof value !== 'function') throw new Error(`${where}: handler '${key}' is not a function`);
    const existing = byKey.get(key);
    // CommonJS modules show each function both as a named export and on `default`.
    if (existing !== undefined && existing !== value) {
      throw new Error(`${where}: '${key}' is exported both by name and on the default object`);
    }
    byKey.set(key, value as TaskHandler);
  };
  for (const [key, value] of Object.entries(namespace)) {
    // Named exports that are not functions are constants or helpers, not handlers.
    if (key !== 'default' && typeof value === 'function') add(key, value);
  }
  const fallback = namespace['default'];
  if (typeof fallback === 'function') return { byKey, fallback: fallback as TaskHandler };
  if (typeof fallback === 'object' && fallback !== null) {
    for (const [key, value] of Object.entries(fallback)) add(key, value);
  } else if (fallback !== undefined) {
    throw new Error(`${where}: the default export must be an object of handlers or a function`);
  }
  return { byKey };
}

/** What a Task gets when nothing serves it. */
export const noTaskHandler: TaskInvoker = {
  invoke: async (request) => ({
    kind: 'Failed',
    error: 'Stepwise.NoTaskHandler',
    cause: `No handler for Task state '${request.stateName}' or resource '${request.resource}'; ` + 'export one keyed by either from the --tasks module.',
  }),
};

export function handlerInvoker(table: HandlerTable, otherwise: TaskInvoker = noTaskHandler): TaskInvoker {
  return {
    async invoke(request: TaskRequest): Promise<TaskOutcome> {
      const handler = table.byKey.get(request.stateName) ?? table.byKey.get(request.resource) ?? table.fallback;
      if (handler === undefined) return otherwise.invoke(request);
      const context: TaskHandlerContext = {
        stateName: request.stateName,
        resource: request.resource,
        ...(request.taskToken === undefined ? {} : { taskToken: request.taskToken }),
        attempt: request.attempt,
        executionArn: request.executionArn,
      };
      let result: unknown;
      try {
        result = await handler(request.parameters, context);
      } catch (thrown) {
        return failureOf(thrown);
      }
      return resultOf(result);
    },
  };
}

function resultOf(value: unknown): TaskOutcome {
  if (value === undefined) return { kind: 'Succeeded', output: null };
  try {
    const text = JSON.stringify(value);
    return { kind: 'Succeeded', output: text === undefined ? null : (JSON.parse(text) as Json) };
  } catch (err) {
    return {
      kind: 'Failed',
      error: 'Stepwise.InvalidHandlerResult',
      cause: `The handler's result is not JSON: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

/** The thrown value as Retry/Catch will see it; rules in the header comment. */
export function failureOf(thrown: unknown): TaskOutcome {
  const fields = typeof thrown === 'object' && thrown !== null ? (thrown as Record<string, unknown>) : {};
  const error = typeof fields['error'] === 'string'
    ? fields['error']
    : typeof fields['name'] === 'string' ? fields['name'] : 'Error';
  const cause = typeof fields['cause'] === 'string'
    ? fields['cause']
    : typeof fields['message'] === 'string' ? fields['message'] : typeof thrown === 'string' ? thrown : undefined;
  const causeField = cause === undefined ? {} : { cause };
  if (error === 'States.Timeout' || error === 'States.HeartbeatTimeout') return { kind: 'TimedOut', error, ...causeField };
  return { kind: 'Failed', error, ...causeField };
}
