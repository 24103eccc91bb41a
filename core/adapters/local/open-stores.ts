import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTable, DynamoDbStore } from '../aws/dynamodb/index.ts';
import { startDynamoDbLocal } from './dynamodb-local.ts';
import { MemoryStore } from './memory-store.ts';
import type { OpenedStores } from './local-server.ts';

/**
 * The number is the item layout's version: a layout the runtime can no longer read (here: children
 * that carry their join's terms) starts a new table instead of misreading a data directory's old one.
 */
export const LOCAL_TABLE = 'stepwise-3';

/** The local server's stores: in memory, or DynamoDB Local keeping its files under `dataDir`. */
export async function openStores(options: {
  readonly memory: boolean;
  readonly dataDir: string;
  /** Called with the DynamoDB client once the table exists, before the store's first request (metering). */
  readonly instrumentClient?: (client: DynamoDBClient, tableName: string) => Promise<void>;
}): Promise<OpenedStores> {
  if (options.memory) {
    const store = new MemoryStore();
    return { stateMachines: store, executions: store, close: async () => undefined, description: 'in memory (lost on exit)' };
  }
  const database = await startDynamoDbLocal({ dataDir: `${options.dataDir}/dynamodb` });
  try {
    const client = new DynamoDBClient({ endpoint: database.endpoint, region: database.region, credentials: database.credentials });
    await createTable(client, LOCAL_TABLE);
    await options.instrumentClient?.(client, LOCAL_TABLE);
    const store = new DynamoDbStore({ client, tableName: LOCAL_TABLE });
    return {
      stateMachines: store,
      executions: store,
      description: `DynamoDB Local, data in ${options.dataDir}`,
      close: async () => {
        client.destroy();
        await database.stop();
      },
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}
