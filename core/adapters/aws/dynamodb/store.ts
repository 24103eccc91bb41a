import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { HistoryEvent } from '../../../asl/history/event.ts';
import type { CommitResult, ExecutionEnd, ExecutionRead, ExecutionStore, Page, PageRequest, StateMachineStore, StepCommit } from '../../../ports.ts';
import type {
  BranchId,
  BranchRecord,
  ChildResult,
  ExecutionRecord,
  ExecutionStatus,
  StateMachineRecord,
  TaskTokenRecord,
} from '../../../runtime/records.ts';
import { Definitions } from './definitions.ts';
import { DynamoDbExecutions } from './executions.ts';
import { DynamoDbJoins } from './joins.ts';
import { RequestCounter } from './request-counter.ts';
import { DynamoDbStateMachines } from './state-machines.ts';
import { TableClient } from './table-client.ts';
import { DynamoDbTaskTokens } from './task-tokens.ts';

export interface DynamoDbStoreOptions {
  readonly client: DynamoDBClient;
  /** The table createTable() made (or the deployed one). */
  readonly tableName: string;
  /** Share one counter between stores to report a whole process's requests. */
  readonly counter?: RequestCounter;
}

/**
 * Both stores on one DynamoDB table. Each concern lives in its own class; this one only routes
 * the port methods to them and exposes the request counter.
 */
export class DynamoDbStore implements StateMachineStore, ExecutionStore {
  readonly counter: RequestCounter;
  private readonly stateMachines: DynamoDbStateMachines;
  private readonly executions: DynamoDbExecutions;
  private readonly joins: DynamoDbJoins;
  private readonly tokens: DynamoDbTaskTokens;

  constructor(options: DynamoDbStoreOptions) {
    this.counter = options.counter ?? new RequestCounter();
    const table = new TableClient(options.client, options.tableName, this.counter);
    const definitions = new Definitions(table);
    this.stateMachines = new DynamoDbStateMachines(table, definitions);
    this.executions = new DynamoDbExecutions(table, definitions);
    this.joins = new DynamoDbJoins(table);
    this.tokens = new DynamoDbTaskTokens(table);
  }

  createStateMachine(record: StateMachineRecord): Promise<{ readonly created: boolean; readonly record: StateMachineRecord }> {
    return this.stateMachines.createStateMachine(record);
  }
  getStateMachine(stateMachineArn: string): Promise<StateMachineRecord | undefined> {
    return this.stateMachines.getStateMachine(stateMachineArn);
  }
  putStateMachine(record: StateMachineRecord): Promise<boolean> {
    return this.stateMachines.putStateMachine(record);
  }
  deleteStateMachine(stateMachineArn: string): Promise<void> {
    return this.stateMachines.deleteStateMachine(stateMachineArn);
  }
  listStateMachines(page: PageRequest): Promise<Page<StateMachineRecord>> {
    return this.stateMachines.listStateMachines(page);
  }

  createExecution(execution: ExecutionRecord, root: BranchRecord): Promise<{ readonly created: boolean; readonly record: ExecutionRecord }> {
    return this.executions.createExecution(execution, root);
  }
  getExecution(executionArn: string, read?: ExecutionRead): Promise<ExecutionRecord | undefined> {
    return this.executions.getExecution(executionArn, read);
  }
  listExecutions(stateMachineArn: string, filter: { readonly status?: ExecutionStatus }, page: PageRequest): Promise<Page<ExecutionRecord>> {
    return this.executions.listExecutions(stateMachineArn, filter, page);
  }
  getBranch(executionArn: string, branchId: BranchId): Promise<BranchRecord | undefined> {
    return this.executions.getBranch(executionArn, branchId);
  }
  listBranches(executionArn: string): Promise<readonly BranchRecord[]> {
    return this.executions.listBranches(executionArn);
  }
  commitStep(commit: StepCommit): Promise<CommitResult> {
    return this.executions.commitStep(commit);
  }
  recordExecutionEnd(executionArn: string, end: ExecutionEnd): Promise<void> {
    return this.executions.recordExecutionEnd(executionArn, end);
  }
  getHistory(executionArn: string, options: { readonly reverseOrder: boolean }, page: PageRequest): Promise<Page<HistoryEvent>> {
    return this.executions.getHistory(executionArn, options, page);
  }

  recordChildResult(
    executionArn: string,
    parentBranchId: BranchId,
    joinSeq: number,
    result: ChildResult,
  ): Promise<{ readonly results: readonly ChildResult[]; readonly duplicate: boolean }> {
    return this.joins.recordChildResult(executionArn, parentBranchId, joinSeq, result);
  }
  getChildResults(executionArn: string, parentBranchId: BranchId, joinSeq: number): Promise<readonly ChildResult[]> {
    return this.joins.getChildResults(executionArn, parentBranchId, joinSeq);
  }

  putTaskToken(record: TaskTokenRecord): Promise<void> {
    return this.tokens.putTaskToken(record);
  }
  getTaskToken(taskToken: string): Promise<TaskTokenRecord | undefined> {
    return this.tokens.getTaskToken(taskToken);
  }
  deleteTaskToken(taskToken: string): Promise<void> {
    return this.tokens.deleteTaskToken(taskToken);
  }
}
