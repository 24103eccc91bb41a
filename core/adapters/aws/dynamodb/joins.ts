import type { BranchId, ChildResult } from '../../../runtime/records.ts';
import { num, str } from './item-fields.ts';
import { CHILD_RESULT_PREFIX, childResultSk, joinPk } from './keys.ts';
import { encodeText, partItems } from './large-text.ts';
import type { Key, TableClient } from './table-client.ts';
import { putNew } from './put-new.ts';
import { expiryOfWrite, withExpiry } from './retention.ts';
import { decodeWithParts, withParts } from './text-parts.ts';

/**
 * The fan-in of a Parallel or Map state, under one partition key `J#<arn>#<parent>#<seq>`:
 *
 *   R#<index>  one child's result (output as a stored text, parts R#<index>#body#...)
 *
 * Counting exactly once, without a counter: a child puts its result (attribute_not_exists, so
 * a repeat changes nothing), then reads all results with a strongly consistent query, on which
 * the runtime judges the join. Of two children finishing at the same moment, each put precedes
 * its own query, so at least the later query sees both results: no join is missed. No shared
 * item means no contention between siblings and one write per child. The join's terms travel
 * with the children, and its specs stay in the parent's step item (runtime/open-join.ts).
 */
export class DynamoDbJoins {
  constructor(private readonly table: TableClient) {}

  async recordChildResult(
    executionArn: string,
    parentBranchId: BranchId,
    joinSeq: number,
    result: ChildResult,
  ): Promise<{ readonly results: readonly ChildResult[]; readonly duplicate: boolean }> {
    const pk = joinPk(executionArn, parentBranchId, joinSeq);
    const resultKey: Key = { pk, sk: childResultSk(result.index) };
    const body = encodeText(JSON.stringify({ output: result.output, error: result.error, cause: result.cause }));
    const item = { ...resultKey, index: result.index, status: result.status, at: result.at, eventCount: result.eventCount, body: body.stored };
    const expiresAt = expiryOfWrite(Date.now());
    const parts = partItems(resultKey, 'body', body).map((part) => withExpiry(part, expiresAt));
    const duplicate = !(await putNew(this.table, withExpiry(item, expiresAt), parts));
    return { results: await this.getChildResults(executionArn, parentBranchId, joinSeq), duplicate };
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
