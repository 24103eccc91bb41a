import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { PutCommandInput, QueryCommandInput, TransactWriteCommandInput, UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import type { ConsumedUnits, RequestCounter } from './request-counter.ts';

/** An item as the document client reads and writes it: strings, numbers, Uint8Arrays. */
export type Item = Record<string, unknown>;
export type Key = { readonly pk: string; readonly sk: string };
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * The one table, as the stores use it: every call reads strongly consistent (a step reads
 * what the previous step committed, possibly in another process), asks for the consumed
 * capacity and books it on the request counter.
 */
export class TableClient {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    readonly tableName: string,
    readonly counter: RequestCounter,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    });
  }

  async get(key: Key, consistent = true): Promise<Item | undefined> {
    const output = await this.track('GetItem', 'read', () =>
      this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: consistent, ReturnConsumedCapacity: 'TOTAL' })),
    );
    return output.Item;
  }

  async put(input: Omit<PutCommandInput, 'TableName' | 'ReturnConsumedCapacity'>): Promise<void> {
    await this.track('PutItem', 'write', () => this.doc.send(new PutCommand({ ...input, TableName: this.tableName, ReturnConsumedCapacity: 'TOTAL' })));
  }

  async update(input: Omit<UpdateCommandInput, 'TableName' | 'ReturnConsumedCapacity'>): Promise<Item | undefined> {
    const output = await this.track('UpdateItem', 'write', () =>
      this.doc.send(new UpdateCommand({ ...input, TableName: this.tableName, ReturnConsumedCapacity: 'TOTAL' })),
    );
    return output.Attributes;
  }

  async delete(key: Key): Promise<void> {
    await this.track('DeleteItem', 'write', () => this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: key, ReturnConsumedCapacity: 'TOTAL' })));
  }

  /** One page of a query; index queries cannot be consistent, so only table queries are. */
  async query(input: Omit<QueryCommandInput, 'TableName' | 'ReturnConsumedCapacity' | 'ConsistentRead'>): Promise<{ items: Item[]; lastKey?: Item }> {
    const output = await this.track('Query', 'read', () =>
      this.doc.send(
        new QueryCommand({ ...input, TableName: this.tableName, ConsistentRead: input.IndexName === undefined, ReturnConsumedCapacity: 'TOTAL' }),
      ),
    );
    return { items: output.Items ?? [], ...(output.LastEvaluatedKey ? { lastKey: output.LastEvaluatedKey } : {}) };
  }

  /** Every page of a query. */
  async queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ReturnConsumedCapacity' | 'ConsistentRead' | 'ExclusiveStartKey'>): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const page = await this.query({ ...input, ...(start ? { ExclusiveStartKey: start } : {}) });
      items.push(...page.items);
      start = page.lastKey;
    } while (start);
    return items;
  }

  /** Reads items by key (any number, any order; missing ones are left out). */
  async batchGet(keys: readonly Key[]): Promise<Item[]> {
    const found: Item[] = [];
    for (let at = 0; at < keys.length; at += 100) {
      let pending: Key[] = keys.slice(at, at + 100);
      for (let round = 0; pending.length > 0; round++) {
        if (round > 0) await backoff(round);
        const output = await this.track('BatchGetItem', 'read', () =>
          this.doc.send(
            new BatchGetCommand({
              RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } },
              ReturnConsumedCapacity: 'TOTAL',
            }),
          ),
        );
        found.push(...(output.Responses?.[this.tableName] ?? []));
        // DynamoDB may return part of a batch under load: ask again for the rest.
        pending = (output.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Key[];
      }
    }
    return found;
  }

  async transactWrite(items: readonly TransactItem[]): Promise<void> {
    await this.track('TransactWriteItems', 'write', () =>
      this.doc.send(new TransactWriteCommand({ TransactItems: [...items], ReturnConsumedCapacity: 'TOTAL' })),
    );
  }

  private async track<T extends { readonly ConsumedCapacity?: ConsumedUnits | ConsumedUnits[]; readonly $metadata: { readonly attempts?: number } }>(
    operation: string,
    kind: 'read' | 'write',
    call: () => Promise<T>,
  ): Promise<T> {
    try {
      const output = await call();
      this.counter.record(operation, kind, output.$metadata.attempts ?? 1, output.ConsumedCapacity);
      return output;
    } catch (error) {
      const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
      this.counter.record(operation, kind, attempts, undefined);
      throw error;
    }
  }
}

/** Jittered exponential back-off for retries of contended or throttled requests. */
export function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(1_000, 10 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
