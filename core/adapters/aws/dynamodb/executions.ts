import type { HistoryEvent } from '../../../asl/history/event.ts';
import type { CommitResult, ExecutionEnd, ExecutionRead, Page, PageRequest, StepCommit } from '../../../ports.ts';
import { assembleHistory } from '../../../runtime/history-merge.ts';
import type { BranchId, BranchRecord, ExecutionRecord, ExecutionStatus } from '../../../runtime/records.ts';
import { ROOT_BRANCH } from '../../../runtime/records.ts';
import type { Definitions } from './definitions.ts';
import { encodeOutput, executionFromItem, executionItems } from './execution-items.ts';
import { optional, optStr } from './item-fields.ts';
import { branchesPk, executionKey } from './keys.ts';
import { partItems } from './large-text.ts';
import { decodeKeyToken, decodeNumberToken, encodeToken, startingFrom } from './page-token.ts';
import { branchFromStep, branchHistories, branchPrefix, latestSteps, loadStep, rootBody, rootFromMeta, stepItems, stepsFromItems } from './step-items.ts';
import { EXECUTIONS_BY_STATE_MACHINE } from './table.ts';
import type { Item, TableClient } from './table-client.ts';
import { isConditionFailure } from './transaction-errors.ts';
import { putNew } from './put-new.ts';
import { expiryAfterEnd, expiryOfWrite, TTL_ATTRIBUTE, withExpiry } from './retention.ts';

/** A filtered listing reads at most this many index pages per call before answering with a token. */
const MAX_FILTERED_PAGES = 10;

/** Executions: META items and step items; joins and tokens live in their own classes. */
export class DynamoDbExecutions {
  constructor(
    private readonly table: TableClient,
    private readonly definitions: Definitions,
  ) {}

  /** One item (the root branch rides on it), unless the input needs part items. */
  async createExecution(execution: ExecutionRecord, root: BranchRecord): Promise<{ readonly created: boolean; readonly record: ExecutionRecord }> {
    const meta = executionItems(execution, await this.definitions.save(execution.definition), rootBody(root));
    const partsExpireAt = expiryOfWrite(Date.now());
    if (await putNew(this.table, meta.item, meta.parts.map((part) => withExpiry(part, partsExpireAt)))) return { created: true, record: execution };
    const existing = await this.getExecution(execution.executionArn);
    if (!existing) throw new Error(`createExecution: ${execution.executionArn} exists and cannot be read`);
    return { created: false, record: existing };
  }

  async getExecution(executionArn: string, read: ExecutionRead = { consistent: true }): Promise<ExecutionRecord | undefined> {
    const item = await this.table.get(executionKey(executionArn), read.consistent);
    return item ? executionFromItem(this.table, this.definitions, item) : undefined;
  }

  /**
   * Newest first, from the machine's index, which holds keys only (so an execution's writes
   * never touch it after the start); the META items are then read by key. With a status filter,
   * index pages are read until the page is full or MAX_FILTERED_PAGES were read, and a token
   * carries on from there (the API allows a short page with a token).
   */
  async listExecutions(stateMachineArn: string, filter: { readonly status?: ExecutionStatus }, page: PageRequest): Promise<Page<ExecutionRecord>> {
    const limit = Math.max(1, page.limit);
    const found: ExecutionRecord[] = [];
    let start: Record<string, string> | undefined = page.nextToken === undefined ? undefined : decodeKeyToken(page.nextToken);
    for (let pages = 0; pages < MAX_FILTERED_PAGES; pages++) {
      const result = await startingFrom(page.nextToken, () =>
        this.table.query({
          IndexName: EXECUTIONS_BY_STATE_MACHINE,
          KeyConditionExpression: 'sm = :key',
          ExpressionAttributeValues: { ':key': stateMachineArn },
          ScanIndexForward: false,
          Limit: limit - found.length,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      const metas = await this.table.batchGet(result.items.map((item) => ({ pk: String(item['pk']), sk: String(item['sk']) })));
      const byPk = new Map(metas.map((item): [string, Item] => [String(item['pk']), item]));
      const ordered = result.items
        .map((item) => byPk.get(String(item['pk'])))
        .filter((item): item is Item => item !== undefined && (filter.status === undefined || optStr(item, 'status') === filter.status));
      found.push(...(await Promise.all(ordered.map((item) => executionFromItem(this.table, this.definitions, item)))));
      start = result.lastKey as Record<string, string> | undefined;
      if (!start || found.length >= limit) break;
    }
    return { items: found, ...optional('nextToken', start && encodeToken(start)) };
  }

  async getBranch(executionArn: string, branchId: BranchId): Promise<BranchRecord | undefined> {
    const { items } = await this.table.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': branchesPk(executionArn), ':prefix': branchPrefix(branchId) },
      ScanIndexForward: false,
      Limit: 1,
    });
    const newest = items[0];
    if (newest) return branchFromStep(executionArn, await loadStep(this.table, newest));
    if (branchId !== ROOT_BRANCH) return undefined;
    const meta = await this.table.get(executionKey(executionArn));
    return meta ? rootFromMeta(executionArn, branchId, meta) : undefined;
  }

  async listBranches(executionArn: string): Promise<readonly BranchRecord[]> {
    const steps = latestSteps(stepsFromItems(await this.partition(executionArn)));
    const branches = steps.map((step) => branchFromStep(executionArn, step));
    if (branches.some((branch) => branch.branchId === ROOT_BRANCH)) return branches;
    const root = await this.getBranch(executionArn, ROOT_BRANCH);
    return root ? [root, ...branches] : branches;
  }

  /** The step item, conditional on its version being new; then the execution's end, if any. */
  async commitStep(commit: StepCommit): Promise<CommitResult> {
    const { item, parts } = stepItems(commit);
    const expiresAt = expiryOfWrite(Date.now(), commit.deadline);
    if (!(await putNew(this.table, withExpiry(item, expiresAt), parts.map((part) => withExpiry(part, expiresAt))))) return 'branch-conflict';
    if (commit.executionEnd) await this.recordExecutionEnd(commit.executionArn, commit.executionEnd);
    return 'committed';
  }

  async recordExecutionEnd(executionArn: string, end: ExecutionEnd): Promise<void> {
    const key = executionKey(executionArn);
    // The output's part items belong to the ended execution: they expire with its META item.
    const expiresAt = expiryAfterEnd(Date.now());
    const names: Record<string, string> = { '#status': 'status', '#expiresAt': TTL_ATTRIBUTE };
    const values: Record<string, unknown> = { ':running': 'RUNNING', ':status': end.status, ':stop': end.stopDate, ':expiresAt': expiresAt };
    const sets = ['#status = :status', 'stopDate = :stop', '#expiresAt = :expiresAt'];
    const output = end.output === undefined ? undefined : encodeOutput(JSON.stringify(end.output));
    if (output) {
      values[':output'] = output.stored;
      names['#output'] = 'output';
      sets.push('#output = :output');
    }
    for (const field of ['error', 'cause'] as const) {
      const value = end[field];
      if (value === undefined) continue;
      values[`:${field}`] = value;
      names[`#${field}`] = field;
      sets.push(`#${field} = :${field}`);
    }
    // Part items of a large output first: they are only read once the update points at them,
    // and an end recorded twice writes the same parts.
    for (const part of output ? partItems(key, 'output', output) : []) await this.table.put({ Item: withExpiry(part, expiresAt) });
    try {
      await this.table.update({
        Key: key,
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: '#status = :running',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      });
    } catch (error) {
      // Ended before (this end recorded already, or the execution was stopped): nothing to do.
      if (!isConditionFailure(error)) throw error;
    }
  }

  async getHistory(executionArn: string, options: { readonly reverseOrder: boolean }, page: PageRequest): Promise<Page<HistoryEvent>> {
    const offset = page.nextToken === undefined ? 0 : decodeNumberToken(page.nextToken, ['o']).o;
    const events = assembleHistory(branchHistories(stepsFromItems(await this.partition(executionArn))));
    if (options.reverseOrder) events.reverse();
    const limit = Math.max(1, page.limit);
    const items = events.slice(offset, offset + limit);
    return { items, ...optional('nextToken', offset + limit < events.length ? encodeToken({ o: offset + limit }) : undefined) };
  }

  private partition(executionArn: string): Promise<Item[]> {
    return this.table.queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': branchesPk(executionArn) } });
  }
}
