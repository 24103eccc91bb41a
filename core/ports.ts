/**
 * The interfaces the runtime needs from the world. Core code depends on these; adapters
 * (in memory, DynamoDB, SQS, EventBridge Scheduler, Lambda) implement them.
 */
import type { Json } from './asl/json.ts';
import type { HistoryEvent } from './asl/history/event.ts';
import type { TaskOutcome, TaskRequest } from './asl/task-request.ts';
import type { MergedChild } from './runtime/history-merge.ts';
import type {
  BranchId,
  BranchRecord,
  ChildResult,
  ExecutionRecord,
  ExecutionStatus,
  StateMachineRecord,
  TaskTokenRecord,
  WorkMessage,
} from './runtime/records.ts';

export type { TaskOutcome, TaskRequest };

export interface TaskInvoker {
  invoke(request: TaskRequest): Promise<TaskOutcome>;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque; absent on the last page. */
  readonly nextToken?: string;
}

/** A store refuses a page token it did not issue (or can no longer honour). */
export class InvalidPageTokenError extends Error {
  override readonly name: string = 'InvalidPageTokenError';
}

export interface PageRequest {
  readonly limit: number;
  readonly nextToken?: string;
}

export interface StateMachineStore {
  /** Creates the state machine unless one with its ARN exists (then returns that one). */
  createStateMachine(record: StateMachineRecord): Promise<{ readonly created: boolean; readonly record: StateMachineRecord }>;
  getStateMachine(stateMachineArn: string): Promise<StateMachineRecord | undefined>;
  /** Replaces the record; returns false when it no longer exists. */
  putStateMachine(record: StateMachineRecord): Promise<boolean>;
  deleteStateMachine(stateMachineArn: string): Promise<void>;
  /** In name order. */
  listStateMachines(page: PageRequest): Promise<Page<StateMachineRecord>>;
}

/** What one step changes. */
export interface StepCommit {
  readonly executionArn: string;
  /** The branch after the step; its `version` is the read version + 1 (1 for a new branch). */
  readonly branch: BranchRecord;
  /** The step's history events, numbered in the branch's id space (runtime/event-ids.ts). */
  readonly events: readonly HistoryEvent[];
  /** Children whose events this step places in the branch's history (a Parallel or Map state ending). */
  readonly merged?: readonly MergedChild[];
  /** Set when the step ended the execution (the root branch only). */
  readonly executionEnd?: ExecutionEnd;
  /**
   * When the execution ends at the latest (ms): its start plus the state machine's TimeoutSeconds,
   * which the runtime enforces. Absent when the state machine sets none. Stores may keep what the
   * step wrote for a retention period after it, instead of after the longest execution AWS allows.
   */
  readonly deadline?: number;
}

export interface ExecutionEnd {
  readonly status: Exclude<ExecutionStatus, 'RUNNING' | 'PENDING_REDRIVE'>;
  readonly output?: Json;
  readonly error?: string;
  readonly cause?: string;
  readonly stopDate: number;
}

/**
 * An eventually consistent read (`consistent: false`) costs half as much on DynamoDB, and may
 * miss an execution created a moment ago or show one that has just ended as still RUNNING.
 */
export interface ExecutionRead {
  readonly consistent: boolean;
}

export type CommitResult = 'committed' | 'branch-conflict';

export interface ExecutionStore {
  /** Creates the execution (and its root branch) unless one with its ARN exists; then returns that one. */
  createExecution(execution: ExecutionRecord, root: BranchRecord): Promise<{ readonly created: boolean; readonly record: ExecutionRecord }>;
  /** Consistent unless asked otherwise (see ExecutionRead). */
  getExecution(executionArn: string, read?: ExecutionRead): Promise<ExecutionRecord | undefined>;
  /** Newest first; optionally only one status. */
  listExecutions(stateMachineArn: string, filter: { readonly status?: ExecutionStatus }, page: PageRequest): Promise<Page<ExecutionRecord>>;
  getBranch(executionArn: string, branchId: BranchId): Promise<BranchRecord | undefined>;
  /** Every branch of the execution (recovery re-sends their outboxes after a crash). */
  listBranches(executionArn: string): Promise<readonly BranchRecord[]>;
  /**
   * Commits one step, conditional on the branch still being at version `branch.version - 1`
   * (for version 1: at version 0, as the root branch is created with its execution, or absent,
   * as children are): one write, so siblings never contend. With `executionEnd`, it then records
   * the end on the execution; that second write may be lost to a crash, so the runtime repeats
   * it (recordExecutionEnd) whenever it finds an ended root on an execution still RUNNING.
   */
  commitStep(commit: StepCommit): Promise<CommitResult>;
  /** Sets the execution's end unless it already has one. */
  recordExecutionEnd(executionArn: string, end: ExecutionEnd): Promise<void>;
  /** History in AWS's numbering, in id order (or reversed); children still running are not in it yet. */
  getHistory(executionArn: string, options: { readonly reverseOrder: boolean }, page: PageRequest): Promise<Page<HistoryEvent>>;

  /**
   * Records how a child of a Parallel or Map state ended, once per child, and returns every result
   * recorded for the join, read after the write (so of two children finishing together, at least
   * one sees both results). A repeated call returns them with `duplicate: true` and changes nothing.
   */
  recordChildResult(
    executionArn: string,
    parentBranchId: BranchId,
    joinSeq: number,
    result: ChildResult,
  ): Promise<{ readonly results: readonly ChildResult[]; readonly duplicate: boolean }>;
  /** Every recorded child result, in index order. */
  getChildResults(executionArn: string, parentBranchId: BranchId, joinSeq: number): Promise<readonly ChildResult[]>;

  putTaskToken(record: TaskTokenRecord): Promise<void>;
  getTaskToken(taskToken: string): Promise<TaskTokenRecord | undefined>;
  deleteTaskToken(taskToken: string): Promise<void>;
}

/** A message to queue, delivered after `delaySeconds` (up to 900). */
export interface QueuedMessage {
  readonly message: WorkMessage;
  readonly delaySeconds?: number;
}

/** At-least-once delivery of work. */
export interface WorkQueue {
  send(messages: readonly QueuedMessage[]): Promise<void>;
}

/** Messages to deliver at a time, surviving restarts; scheduling the same `name` twice is one timer. */
export interface Timers {
  schedule(timer: { readonly name: string; readonly fireAt: number; readonly message: WorkMessage }): Promise<void>;
  cancel(name: string): Promise<void>;
}

/** What the runtime reports per transition and execution; adapters turn it into logs, metrics, traces. */
export interface Telemetry {
  /** One per state entered (a transition, as Step Functions counts and bills them). */
  transition(info: { readonly executionArn: string; readonly stateMachineArn: string; readonly stateName: string; readonly stateType: string; readonly at: number }): void;
  executionStarted(info: { readonly executionArn: string; readonly stateMachineArn: string }): void;
  executionEnded(info: { readonly executionArn: string; readonly stateMachineArn: string; readonly status: string; readonly durationMs: number }): void;
  /** A Task attempt's invocation returned (Submitted: a callback or job will finish it later). */
  taskEnded(info: {
    readonly executionArn: string;
    readonly stateName: string;
    readonly resource: string;
    readonly outcome: TaskOutcome['kind'];
    readonly durationMs: number;
  }): void;
  /** A work message reached a worker `lagMs` after it was due. */
  messageReceived(info: { readonly executionArn: string; readonly lagMs: number }): void;
}
