import type { HistoryEvent } from '../../asl/history/event.ts';
import type { CommitResult, ExecutionEnd, ExecutionStore, Page, PageRequest, StateMachineStore, StepCommit } from '../../ports.ts';
import { assembleHistory, type MergedChild } from '../../runtime/history-merge.ts';
import type {
  BranchId,
  BranchRecord,
  ChildResult,
  ExecutionRecord,
  ExecutionStatus,
  StateMachineRecord,
  TaskTokenRecord,
} from '../../runtime/records.ts';

/**
 * Both stores in process memory, with the same conditions as the DynamoDB store. For unit tests
 * of the runtime and for `stepwise serve --memory`; records are copied in and out through JSON
 * so nothing shares state with its callers, as with a real database.
 */
export class MemoryStore implements StateMachineStore, ExecutionStore {
  private readonly stateMachines = new Map<string, StateMachineRecord>();
  private readonly executions = new Map<string, ExecutionRecord>();
  private readonly branches = new Map<string, Map<BranchId, BranchRecord>>();
  private readonly history = new Map<string, Map<BranchId, { events: HistoryEvent[]; merged: MergedChild[] }>>();
  private readonly childResults = new Map<string, Map<number, ChildResult>>();
  private readonly tokens = new Map<string, TaskTokenRecord>();

  async createStateMachine(record: StateMachineRecord): Promise<{ created: boolean; record: StateMachineRecord }> {
    const existing = this.stateMachines.get(record.stateMachineArn);
    if (existing) return { created: false, record: copy(existing) };
    this.stateMachines.set(record.stateMachineArn, copy(record));
    return { created: true, record: copy(record) };
  }

  async getStateMachine(arn: string): Promise<StateMachineRecord | undefined> {
    return copyOrUndefined(this.stateMachines.get(arn));
  }

  async putStateMachine(record: StateMachineRecord): Promise<boolean> {
    if (!this.stateMachines.has(record.stateMachineArn)) return false;
    this.stateMachines.set(record.stateMachineArn, copy(record));
    return true;
  }

  async deleteStateMachine(arn: string): Promise<void> {
    this.stateMachines.delete(arn);
  }

  async listStateMachines(page: PageRequest): Promise<Page<StateMachineRecord>> {
    const sorted = [...this.stateMachines.values()].sort((a, b) => a.name.localeCompare(b.name));
    return paginate(sorted, page);
  }

  async createExecution(execution: ExecutionRecord, root: BranchRecord): Promise<{ created: boolean; record: ExecutionRecord }> {
    const existing = this.executions.get(execution.executionArn);
    if (existing) return { created: false, record: copy(existing) };
    this.executions.set(execution.executionArn, copy(execution));
    this.branches.set(execution.executionArn, new Map([[root.branchId, copy(root)]]));
    this.history.set(execution.executionArn, new Map());
    return { created: true, record: copy(execution) };
  }

  /** Every execution's ARN (for test harnesses; the real stores list by state machine). */
  executionArns(): string[] {
    return [...this.executions.keys()];
  }

  async getExecution(arn: string): Promise<ExecutionRecord | undefined> {
    return copyOrUndefined(this.executions.get(arn));
  }

  async listExecutions(stateMachineArn: string, filter: { status?: ExecutionStatus }, page: PageRequest): Promise<Page<ExecutionRecord>> {
    const matching = [...this.executions.values()]
      .filter((e) => e.stateMachineArn === stateMachineArn && (filter.status === undefined || e.status === filter.status))
      .sort((a, b) => b.startDate - a.startDate || b.executionArn.localeCompare(a.executionArn));
    return paginate(matching, page);
  }

  async getBranch(arn: string, branchId: BranchId): Promise<BranchRecord | undefined> {
    return copyOrUndefined(this.branches.get(arn)?.get(branchId));
  }

  async listBranches(arn: string): Promise<readonly BranchRecord[]> {
    return [...(this.branches.get(arn)?.values() ?? [])].map(copy);
  }

  async commitStep(commit: StepCommit): Promise<CommitResult> {
    const branches = this.branches.get(commit.executionArn);
    if (!branches) throw new Error(`No execution ${commit.executionArn}`);
    const current = branches.get(commit.branch.branchId);
    const expected = commit.branch.version - 1;
    const versionOk = current ? current.version === expected : expected === 0;
    if (!versionOk) return 'branch-conflict';
    branches.set(commit.branch.branchId, copy(commit.branch));
    const histories = this.history.get(commit.executionArn)!;
    const history = histories.get(commit.branch.branchId) ?? { events: [], merged: [] };
    history.events.push(...commit.events.map(copy));
    history.merged.push(...(commit.merged ?? []).map(copy));
    histories.set(commit.branch.branchId, history);
    if (commit.executionEnd) await this.recordExecutionEnd(commit.executionArn, commit.executionEnd);
    return 'committed';
  }

  async recordExecutionEnd(arn: string, end: ExecutionEnd): Promise<void> {
    const execution = this.executions.get(arn);
    if (!execution || execution.status !== 'RUNNING') return;
    this.executions.set(arn, copy({ ...execution, ...end }));
  }

  async getHistory(arn: string, options: { reverseOrder: boolean }, page: PageRequest): Promise<Page<HistoryEvent>> {
    const histories = [...(this.history.get(arn)?.entries() ?? [])].map(([branchId, history]) => ({ branchId, ...history }));
    const events = assembleHistory(histories);
    if (options.reverseOrder) events.reverse();
    return paginate(events, page);
  }

  async recordChildResult(
    arn: string,
    parentBranchId: BranchId,
    joinSeq: number,
    result: ChildResult,
  ): Promise<{ results: readonly ChildResult[]; duplicate: boolean }> {
    const key = joinKey(arn, parentBranchId, joinSeq);
    const results = this.childResults.get(key) ?? new Map<number, ChildResult>();
    this.childResults.set(key, results);
    const duplicate = results.has(result.index);
    if (!duplicate) results.set(result.index, copy(result));
    return { results: await this.getChildResults(arn, parentBranchId, joinSeq), duplicate };
  }

  async getChildResults(arn: string, parentBranchId: BranchId, joinSeq: number): Promise<readonly ChildResult[]> {
    const results = this.childResults.get(joinKey(arn, parentBranchId, joinSeq));
    return [...(results?.values() ?? [])].sort((a, b) => a.index - b.index).map(copy);
  }

  async putTaskToken(record: TaskTokenRecord): Promise<void> {
    this.tokens.set(record.taskToken, copy(record));
  }

  async getTaskToken(token: string): Promise<TaskTokenRecord | undefined> {
    return copyOrUndefined(this.tokens.get(token));
  }

  async deleteTaskToken(token: string): Promise<void> {
    this.tokens.delete(token);
  }
}

function joinKey(arn: string, parent: BranchId, seq: number): string {
  return `${arn}|${parent}|${seq}`;
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function copyOrUndefined<T>(value: T | undefined): T | undefined {
  return value === undefined ? undefined : copy(value);
}

/** Offset-based paging; the token is the offset, opaque to callers. */
function paginate<T>(items: readonly T[], page: PageRequest): Page<T> {
  const start = page.nextToken === undefined ? 0 : Number.parseInt(Buffer.from(page.nextToken, 'base64url').toString(), 10);
  const from = Number.isInteger(start) && start >= 0 ? start : 0;
  const slice = items.slice(from, from + page.limit).map(copy);
  const next = from + page.limit < items.length ? Buffer.from(String(from + page.limit)).toString('base64url') : undefined;
  return next === undefined ? { items: slice } : { items: slice, nextToken: next };
}
