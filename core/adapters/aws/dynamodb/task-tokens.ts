import type { TaskTokenRecord } from '../../../runtime/records.ts';
import { num, optional, optNum, str } from './item-fields.ts';
import { taskTokenKey } from './keys.ts';
import type { TableClient } from './table-client.ts';
import { expiryOfWrite, withExpiry } from './retention.ts';

/**
 * Task tokens (`T#<token>` / `T`): where a callback goes. Written when a waitForTaskToken task
 * is dispatched (again, harmlessly, when the outbox is re-sent), deleted when the task ends.
 */
export class DynamoDbTaskTokens {
  constructor(private readonly table: TableClient) {}

  async putTaskToken(record: TaskTokenRecord): Promise<void> {
    const item = {
      ...taskTokenKey(record.taskToken),
      executionArn: record.executionArn,
      branchId: record.branchId,
      seq: record.seq,
      heartbeatSeconds: record.heartbeatSeconds,
    };
    await this.table.put({ Item: withExpiry(item, expiryOfWrite(Date.now())) });
  }

  async getTaskToken(taskToken: string): Promise<TaskTokenRecord | undefined> {
    const item = await this.table.get(taskTokenKey(taskToken));
    if (!item) return undefined;
    return {
      taskToken,
      executionArn: str(item, 'executionArn'),
      branchId: str(item, 'branchId'),
      seq: num(item, 'seq'),
      ...optional('heartbeatSeconds', optNum(item, 'heartbeatSeconds')),
    };
  }

  async deleteTaskToken(taskToken: string): Promise<void> {
    await this.table.delete(taskTokenKey(taskToken));
  }
}
