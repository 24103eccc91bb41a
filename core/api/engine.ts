import type { Json } from '../asl/json.ts';
import type { ExecutionRecord, ParentTask, StateMachineRecord } from '../runtime/records.ts';

/** Why a task-token callback was refused; the API turns each into AWS's error. */
export type CallbackRefusal = 'InvalidToken' | 'TaskDoesNotExist' | 'TaskTimedOut';

export type CallbackResult = { readonly ok: true } | { readonly ok: false; readonly refusal: CallbackRefusal };

/**
 * What the Step Functions API needs from the runtime to run executions. Reads (describe, list,
 * history) go to the stores directly; everything that changes an execution goes through here.
 * Requests arrive already validated.
 */
export interface ExecutionEngine {
  /**
   * Starts an execution, or returns the one already started with this name: `created` false.
   * (The API decides between "same input: idempotent" and ExecutionAlreadyExists.)
   */
  startExecution(request: {
    readonly stateMachine: StateMachineRecord;
    readonly name: string;
    readonly input: string;
    readonly traceHeader?: string;
    /** A Step Functions Local mock test case to run under. */
    readonly testCase?: string;
    /** The `.sync` Task that started it, which its end completes. */
    readonly parentTask?: ParentTask;
  }): Promise<{ readonly record: ExecutionRecord; readonly created: boolean }>;

  /** Runs an Express execution to its end inside this call. */
  startSyncExecution(request: {
    readonly stateMachine: StateMachineRecord;
    readonly name: string;
    readonly input: string;
    readonly traceHeader?: string;
  }): Promise<ExecutionRecord>;

  /** Stops a running execution (ABORTED); returns it as it is afterwards. */
  stopExecution(executionArn: string, error?: string, cause?: string): Promise<ExecutionRecord | undefined>;

  sendTaskSuccess(taskToken: string, output: Json): Promise<CallbackResult>;
  sendTaskFailure(taskToken: string, error?: string, cause?: string): Promise<CallbackResult>;
  sendTaskHeartbeat(taskToken: string): Promise<CallbackResult>;
}
