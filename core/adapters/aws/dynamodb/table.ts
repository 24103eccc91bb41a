import { CreateTableCommand, DescribeTableCommand, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * The table's shape: keys `pk`/`sk` (strings) and two sparse global secondary indexes, each
 * holding only the items that carry its key attributes.
 *
 * * EXECUTIONS_BY_STATE_MACHINE (`sm`, `listKey`): ListExecutions newest first. KEYS_ONLY, on
 *   attributes set once when the execution starts: DynamoDB writes an index entry when an
 *   item's projected attributes change, so this way an execution costs one index write in its
 *   whole life. A listing reads the META items by key afterwards (and filters by status there).
 * * STATE_MACHINES_BY_NAME (`smList`, `smName`): ListStateMachines in name order. All state
 *   machines share one partition key value; they are few and rarely written. ALL projection:
 *   a listing is one query.
 */
export const EXECUTIONS_BY_STATE_MACHINE = 'executions-by-state-machine';
export const STATE_MACHINES_BY_NAME = 'state-machines-by-name';

/** Creates the table unless it exists, and waits until it can be used. On-demand billing. */
export async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: ['pk', 'sk', 'sm', 'listKey', 'smList', 'smName'].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: EXECUTIONS_BY_STATE_MACHINE,
            KeySchema: [
              { AttributeName: 'sm', KeyType: 'HASH' },
              { AttributeName: 'listKey', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'KEYS_ONLY' },
          },
          {
            IndexName: STATE_MACHINES_BY_NAME,
            KeySchema: [
              { AttributeName: 'smList', KeyType: 'HASH' },
              { AttributeName: 'smName', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilActive(client, tableName);
}

async function waitUntilActive(client: DynamoDBClient, tableName: string): Promise<void> {
  // DynamoDB Local is ready at once; AWS takes seconds to minutes with indexes.
  const deadline = Date.now() + 5 * 60_000;
  while (Date.now() < deadline) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexesReady = (Table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
    if (Table?.TableStatus === 'ACTIVE' && indexesReady) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Table ${tableName} did not become ACTIVE within 5 minutes`);
}
