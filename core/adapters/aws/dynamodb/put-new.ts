import type { Item, TableClient, TransactItem } from './table-client.ts';
import { cancellationReasons, isConditionFailure } from './transaction-errors.ts';

/**
 * Puts an item only if no item has its key, with the part items that hold what did not fit in
 * it. Without parts that is one conditional PutItem; with parts, one transaction, so that a put
 * refused because the item exists writes no parts either (they would overwrite the stored
 * item's). Returns false when the item existed.
 */
export async function putNew(table: TableClient, item: Item, parts: readonly Item[]): Promise<boolean> {
  try {
    if (parts.length === 0) {
      await table.put({ Item: item, ConditionExpression: 'attribute_not_exists(pk)' });
    } else {
      await table.transactWrite([
        { Put: { TableName: table.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
        ...parts.map((part): TransactItem => ({ Put: { TableName: table.tableName, Item: part } })),
      ]);
    }
    return true;
  } catch (error) {
    if (isConditionFailure(error) || cancellationReasons(error)?.[0]?.code === 'ConditionalCheckFailed') return false;
    throw error;
  }
}
