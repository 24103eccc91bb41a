import type { Json, JsonObject } from '../asl/json.ts';
import type { Effect, ChildSpec } from '../asl/interpreter/effect.ts';
import type { BranchSnapshot } from '../asl/interpreter/snapshot.ts';
import type { StepEvent } from '../asl/interpreter/step-event.ts';

/**
 * What the durable runtime keeps, as plain data. Stores (DynamoDB, in memory) persist these
 * shapes; nothing here knows how.
 */

export type StateMachineType = 'STANDARD' | 'EXPRESS';
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

export interface StateMachineRecord {
  readonly stateMachineArn: string;
  readonly name: string;
  /** The definition as the user sent it (text), returned verbatim by DescribeStateMachine. */
  readonly definition: string;
  readonly roleArn: string;
  readonly type: StateMachineType;
  readonly status: 'ACTIVE' | 'DELETING';
  /** Milliseconds since the epoch. */
  readonly creationDate: number;
  readonly updateDate?: number;
  readonly revisionId: string;
  readonly description?: string;
  readonly loggingConfiguration?: Json;
  readonly tracingConfiguration?: Json;
  readonly tags: Readonly<Record<string, string>>;
}

export interface ExecutionRecord {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly type: StateMachineType;
  readonly status: ExecutionStatus;
  /** The input as JSON text, exactly as StartExecution received it (idempotency compares it). */
  readonly input: string;
  readonly output?: Json;
  readonly error?: string;
  readonly cause?: string;
  readonly startDate: number;
  readonly stopDate?: number;
  /** The definition this execution runs (DescribeStateMachineForExecution). */
  readonly definition: string;
  readonly roleArn: string;
  readonly traceHeader?: string;
  /** The Step Functions Local mock test case it runs under (`stateMachineArn#TestCase`), if any. */
  readonly testCase?: string;
  /** Set when a `states:startExecution.sync` Task started it: the Task its end completes. */
  readonly parentTask?: ParentTask;
}

/** The `.sync` or `.sync:2` Task waiting for a nested execution, by its task token. */
export interface ParentTask {
  readonly taskToken: string;
  readonly pattern: 'RUN_JOB' | 'RUN_JOB_V2';
}

export function isParentTaskPattern(value: unknown): value is ParentTask['pattern'] {
  return value === 'RUN_JOB' || value === 'RUN_JOB_V2';
}

/** `root`, or a child: `<parentBranchId>/<join seq>/<index>`. */
export type BranchId = string;

export const ROOT_BRANCH: BranchId = 'root';

export function childBranchId(parent: BranchId, joinSeq: number, index: number): BranchId {
  return `${parent}/${joinSeq}/${index}`;
}

/** One unit of work: the execution itself, a Parallel branch or a Map iteration. */
export interface BranchRecord {
  readonly executionArn: string;
  readonly branchId: BranchId;
  /** Incremented by every commit; commits are conditional on it. */
  readonly version: number;
  readonly snapshot: BranchSnapshot;
  /** The effects of the last commit: re-sent when the message that produced them comes again. */
  readonly outbox: readonly Effect[];
  /** Key of the message whose step produced this version. */
  readonly appliedKey?: string;
  /** The id this branch's next event gets, in the branch's own id space (event-ids.ts). */
  readonly nextEventId: number;
  /** For the root, once it has ended the execution: when (the execution's stopDate). */
  readonly endedAt?: number;
  /** For children: whom to report to when done. */
  readonly parent?: ChildOf;
}

/** Where a child reports when done, with the terms its join is judged by. */
export interface ChildOf {
  readonly branchId: BranchId;
  readonly joinSeq: number;
  readonly index: number;
  readonly terms: JoinTerms;
}

/**
 * What a finishing child needs to judge its join, carried from the parent's StartChildren effect
 * in the child's start message so that judging takes no read. The children's specs stay in the
 * parent's step item, read only to start a successor under MaxConcurrency.
 */
export interface JoinTerms {
  readonly childCount: number;
  /** 0 = no limit. */
  readonly maxConcurrency: number;
  readonly toleratedFailureCount?: number;
  readonly toleratedFailurePercentage?: number;
  readonly distributed?: boolean;
}

export interface JoinCounters {
  readonly succeeded: number;
  readonly failed: number;
  readonly firstFailure?: { readonly error?: string; readonly cause?: string };
}

/** How one child ended, kept until the join settles. */
export interface ChildResult {
  readonly index: number;
  readonly status: 'SUCCEEDED' | 'FAILED';
  /** When the child finished (ms): the join reports the failure that happened first. */
  readonly at: number;
  /** The child's events, its merged descendants' included: its block in the parent's history. */
  readonly eventCount: number;
  readonly output?: Json;
  readonly error?: string;
  readonly cause?: string;
}

/** Where a task token's callback goes. */
export interface TaskTokenRecord {
  readonly taskToken: string;
  readonly executionArn: string;
  readonly branchId: BranchId;
  readonly seq: number;
  readonly heartbeatSeconds?: number;
}

/** A unit of work on the queue: one event for one branch. */
export interface WorkMessage {
  readonly executionArn: string;
  readonly branchId: BranchId;
  readonly event: StepEvent;
  /** Deterministic: the same logical message always has the same key (dedupe, outbox re-send). */
  readonly key: string;
  /** When the event happened (ms): the step's `now`, so a re-run step sees the same time. */
  readonly at: number;
  /** For a child's Start: where it reports to, and its spec. */
  readonly child?: {
    readonly parentBranchId: BranchId;
    readonly joinSeq: number;
    readonly index: number;
    readonly terms: JoinTerms;
    readonly spec: ChildSpec;
    readonly parentEventId: number;
    readonly variables?: JsonObject;
  };
  /** For an Express execution started with StartExecution that a worker runs whole (runtime/durable/express.ts). */
  readonly express?: { readonly stateMachineArn: string; readonly name: string; readonly parentTask?: ParentTask };
}
