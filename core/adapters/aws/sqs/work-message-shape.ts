import type { StepEvent, TimerKind } from '../../../asl/interpreter/step-event.ts';
import { isParentTaskPattern, type WorkMessage } from '../../../runtime/records.ts';

/**
 * Checks that a parsed SQS body has the shape of a WorkMessage. Bodies can come from anywhere
 * that may write to the queue (a redrive from the DLQ, a hand-sent test message, an older
 * deployment), and the worker must be able to reject one with a reason rather than crash in
 * the middle of a step.
 */
export type ShapeCheck = { readonly ok: true; readonly message: WorkMessage } | { readonly ok: false; readonly problem: string };

type Fields = Readonly<Record<string, unknown>>;
/** Returns a problem, or undefined when the value fits. */
type Check = (value: Fields, path: string) => string | undefined;

const TIMER_KINDS: Readonly<Record<TimerKind, true>> = { Wait: true, Retry: true, TaskTimeout: true, HeartbeatTimeout: true, ExecutionTimeout: true };

const errorAndCause: Check = (value, path) => optionalString(value, 'error', path) ?? optionalString(value, 'cause', path);

/**
 * Keyed by every StepEvent type: adding a type to StepEvent fails to compile here until its
 * fields are checked too.
 */
const EVENT_CHECKS: Readonly<Record<StepEvent['type'], Check>> = {
  Start: (value, path) => present(value, 'input', path),
  TaskSubmitted: (value, path) => integer(value, 'seq', path),
  TaskSucceeded: (value, path) => integer(value, 'seq', path) ?? present(value, 'output', path),
  TaskFailed: (value, path) => integer(value, 'seq', path) ?? errorAndCause(value, path),
  TaskTimedOut: (value, path) => integer(value, 'seq', path) ?? errorAndCause(value, path),
  TaskHeartbeat: (value, path) => integer(value, 'seq', path),
  TimerFired: (value, path) =>
    integer(value, 'seq', path) ?? (Object.hasOwn(TIMER_KINDS, String(value['timer'])) ? undefined : `${path}.timer: expected a timer kind`),
  ChildrenSucceeded: (value, path) => integer(value, 'seq', path) ?? (Array.isArray(value['outputs']) ? undefined : `${path}.outputs: expected an array`),
  ChildrenFailed: (value, path) => integer(value, 'seq', path) ?? errorAndCause(value, path),
  Continue: (value, path) => integer(value, 'seq', path),
  StopRequested: errorAndCause,
};

export function checkWorkMessage(value: unknown): ShapeCheck {
  const problem = messageProblem(value);
  // Every field WorkMessage declares was checked above; the cast only names the result.
  return problem === undefined ? { ok: true, message: value as WorkMessage } : { ok: false, problem };
}

function messageProblem(value: unknown): string | undefined {
  if (!isFields(value)) return 'message: expected an object';
  return (
    nonEmptyString(value, 'executionArn', 'message') ??
    nonEmptyString(value, 'branchId', 'message') ??
    nonEmptyString(value, 'key', 'message') ??
    finiteNumber(value, 'at', 'message') ??
    eventProblem(value['event'], 'message.event') ??
    (value['child'] === undefined ? undefined : childProblem(value['child'], 'message.child')) ??
    (value['express'] === undefined ? undefined : expressProblem(value['express'], 'message.express'))
  );
}

function eventProblem(value: unknown, path: string): string | undefined {
  if (!isFields(value)) return `${path}: expected an object`;
  const type = value['type'];
  if (typeof type !== 'string' || !Object.hasOwn(EVENT_CHECKS, type)) return `${path}.type: expected a step event type, got ${JSON.stringify(type) ?? 'nothing'}`;
  return EVENT_CHECKS[type as StepEvent['type']](value, path);
}

function childProblem(value: unknown, path: string): string | undefined {
  if (!isFields(value)) return `${path}: expected an object`;
  return (
    nonEmptyString(value, 'parentBranchId', path) ??
    integer(value, 'joinSeq', path) ??
    integer(value, 'index', path) ??
    integer(value, 'parentEventId', path) ??
    termsProblem(value['terms'], `${path}.terms`) ??
    (value['variables'] === undefined || isFields(value['variables']) ? undefined : `${path}.variables: expected an object`) ??
    specProblem(value['spec'], `${path}.spec`)
  );
}

function expressProblem(value: unknown, path: string): string | undefined {
  if (!isFields(value)) return `${path}: expected an object`;
  return (
    nonEmptyString(value, 'stateMachineArn', path) ??
    nonEmptyString(value, 'name', path) ??
    (value['parentTask'] === undefined ? undefined : parentTaskProblem(value['parentTask'], `${path}.parentTask`))
  );
}

function parentTaskProblem(value: unknown, path: string): string | undefined {
  if (!isFields(value)) return `${path}: expected an object`;
  return nonEmptyString(value, 'taskToken', path) ?? (isParentTaskPattern(value['pattern']) ? undefined : `${path}.pattern: expected RUN_JOB or RUN_JOB_V2`);
}

function termsProblem(value: unknown, path: string): string | undefined {
  if (!isFields(value)) return `${path}: expected an object`;
  return (
    integer(value, 'childCount', path) ??
    integer(value, 'maxConcurrency', path) ??
    (value['toleratedFailureCount'] === undefined ? undefined : integer(value, 'toleratedFailureCount', path)) ??
    (value['toleratedFailurePercentage'] === undefined ? undefined : finiteNumber(value, 'toleratedFailurePercentage', path)) ??
    (value['distributed'] === undefined || typeof value['distributed'] === 'boolean' ? undefined : `${path}.distributed: expected a boolean`)
  );
}

function specProblem(value: unknown, path: string): string | undefined {
  if (!isFields(value)) return `${path}: expected an object`;
  const problem = (typeof value['scope'] === 'string' ? undefined : `${path}.scope: expected a string`) ?? optionalString(value, 'id', path) ?? present(value, 'input', path);
  if (problem !== undefined || value['mapItem'] === undefined) return problem;
  const item = value['mapItem'];
  const itemPath = `${path}.mapItem`;
  if (!isFields(item)) return `${itemPath}: expected an object`;
  return (
    integer(item, 'index', itemPath) ??
    present(item, 'value', itemPath) ??
    (typeof item['mapState'] === 'string' ? undefined : `${itemPath}.mapState: expected a string`) ??
    (item['quiet'] === undefined || typeof item['quiet'] === 'boolean' ? undefined : `${itemPath}.quiet: expected a boolean`)
  );
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function present(value: Fields, field: string, path: string): string | undefined {
  return Object.hasOwn(value, field) ? undefined : `${path}.${field}: missing`;
}

function nonEmptyString(value: Fields, field: string, path: string): string | undefined {
  const v = value[field];
  return typeof v === 'string' && v.length > 0 ? undefined : `${path}.${field}: expected a non-empty string`;
}

function optionalString(value: Fields, field: string, path: string): string | undefined {
  const v = value[field];
  return v === undefined || typeof v === 'string' ? undefined : `${path}.${field}: expected a string`;
}

function integer(value: Fields, field: string, path: string): string | undefined {
  return Number.isSafeInteger(value[field]) ? undefined : `${path}.${field}: expected an integer`;
}

function finiteNumber(value: Fields, field: string, path: string): string | undefined {
  return Number.isFinite(value[field]) ? undefined : `${path}.${field}: expected a number`;
}
