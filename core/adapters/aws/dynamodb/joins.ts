import type { BranchId, ChildResult, JoinCounters, JoinRecord } from '../../../runtime/records.ts';
import { num, str } from './item-fields.ts';
import { CHILD_RESULT_PREFIX, childResultSk, JOIN_SK, joinPk } from './keys.ts';
import { countersOf } from '../../../runtime/join-counters.ts';
import { encodeText, partItems } from './large-text.ts';
import type { Item, Key, TableClient } from './table-client.ts';
import { putNew } from './put-new.ts';
import { decodeWithParts, loadText, withParts } from './text-parts.ts';

/**
 * The fan-in of a Parallel or Map state, under one partition key `J#<arn>#<parent>#<seq>`:
 *
 *   J          the JoinRecord (children specs can be large: part items J#body#...)
 *   R#<index>  one child's result (output as a stored text, parts R#<index>#body#...)
 *
 * Counting exactly once, without a counter: a child puts its result (attribute_not_exists, so
 * a repeat changes nothing), then reads all results with a strongly consistent query and judges
 * the join on them. Of two children finishing at the same moment, each put precedes its own
 * query, so at least the later query sees both results: no join is missed. Both may see the
 * join complete; settling the parent is idempotent (the message has one key), so that is
 * harmless. No shared item means no contention between siblings and one write per child.
 *
 * Join records never change once written, so each store keeps the recent ones in memory: the
 * runtime reads the join for every child that finishes, and a Map's join is as large as its
 * items.
 */
const RECENT_JOINS = 32;

export class DynamoDbJoins {
  private readonly recent = new Map<string, JoinRecord>();

  constructor(private readonly table: TableClient) {}

  async putJoin(join: JoinRecord): Promise<void> {
    const key = { pk: joinPk(join.executionArn, join.parentBranchId, join.joinSeq), sk: JOIN_SK };
    const { executionArn: _arn, parentBranchId: _parent, joinSeq: _seq, ...rest } = join;
    const encoded = encodeText(JSON.stringify(rest));
    const head = { ...key, body: encoded.stored };
    // Recorded before: a second call changes nothing.
    await putNew(this.table, head, partItems(key, 'body', encoded));
  }

  async getJoin(executionArn: string, parentBranchId: BranchId, joinSeq: number): Promise<JoinRecord | undefined> {
    const pk = joinPk(executionArn, parentBranchId, joinSeq);
    const cached = this.recent.get(pk);
    if (cached) return cached;
    const key = { pk, sk: JOIN_SK };
    const item = await this.table.get(key);
    if (!item) return undefined;
    const rest = JSON.parse(await loadText(this.table, key, 'body', item['body'])) as Omit<JoinRecord, 'executionArn' | 'parentBranchId' | 'joinSeq'>;
    const join: JoinRecord = { executionArn, parentBranchId, joinSeq, ...rest };
    this.recent.set(pk, join);
    if (this.recent.size > RECENT_JOINS) this.recent.delete(this.recent.keys().next().value as string);
    return join;
  }

  async recordChildResult(
    executionArn: string,
    parentBranchId: BranchId,
    joinSeq: number,
    result: ChildResult,
  ): Promise<{ readonly counters: JoinCounters; readonly duplicate: boolean }> {
    const pk = joinPk(executionArn, parentBranchId, joinSeq);
    const resultKey: Key = { pk, sk: childResultSk(result.index) };
    const body = encodeText(JSON.stringify({ output: result.output, error: result.error, cause: result.cause }));
    const item = { ...resultKey, index: result.index, status: result.status, at: result.at, eventCount: result.eventCount, body: body.stored };
    const duplicate = !(await putNew(this.table, item, partItems(resultKey, 'body', body)));
    return { counters: countersOf(await this.getChildResults(executionArn, parentBranchId, joinSeq)), duplicate };
  }

  async getChildResults(executionArn: string, parentBranchId: BranchId, joinSeq: number): Promise<readonly ChildResult[]> {
    const pk = joinPk(executionArn, parentBranchId, joinSeq);
    const items = await this.table.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': CHILD_RESULT_PREFIX },
    });
    return withParts(items, 'body').map(({ item, parts }) => {
      const body = JSON.parse(decodeWithParts(item['body'], parts)) as Omit<ChildResult, 'index' | 'status'>;
      return {
        ...withoutUndefined(body),
        index: num(item, 'index'),
        status: str(item, 'status') as ChildResult['status'],
        at: num(item, 'at'),
        eventCount: num(item, 'eventCount'),
      };
    });
  }

}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
