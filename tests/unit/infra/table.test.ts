import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { CreateTableCommandInput, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTable } from '../../../core/adapters/aws/dynamodb/table.ts';
import {
  ATTRIBUTES,
  BILLING_MODE,
  deletionProtection,
  GLOBAL_SECONDARY_INDEXES,
  HASH_KEY,
  POINT_IN_TIME_RECOVERY,
  RANGE_KEY,
  TTL_ATTRIBUTE,
} from '../../../infra/spec/table.ts';

/** The CreateTable request the runtime makes for its local table. */
async function runtimeTableRequest(): Promise<CreateTableCommandInput> {
  let request: CreateTableCommandInput | undefined;
  const client = {
    async send(command: unknown) {
      if (command instanceof CreateTableCommand) {
        request = command.input;
        return {};
      }
      if (command instanceof DescribeTableCommand) return { Table: { TableStatus: 'ACTIVE', GlobalSecondaryIndexes: [] } };
      throw new Error('unexpected command');
    },
  } as unknown as DynamoDBClient;
  await createTable(client, 'table');
  assert.ok(request);
  return request;
}

describe('infra: the execution table', () => {
  it('has the keys the runtime uses', async () => {
    const request = await runtimeTableRequest();
    assert.deepEqual(request.KeySchema, [
      { AttributeName: HASH_KEY, KeyType: 'HASH' },
      { AttributeName: RANGE_KEY, KeyType: 'RANGE' },
    ]);
    assert.deepEqual(
      ATTRIBUTES.map((attribute) => ({ AttributeName: attribute.name, AttributeType: attribute.type })),
      request.AttributeDefinitions,
    );
  });

  it('has the runtime’s global secondary indexes, with the same keys and projections', async () => {
    const request = await runtimeTableRequest();
    const runtime = (request.GlobalSecondaryIndexes ?? []).map((index) => ({
      name: index.IndexName,
      hashKey: index.KeySchema?.find((key) => key.KeyType === 'HASH')?.AttributeName,
      rangeKey: index.KeySchema?.find((key) => key.KeyType === 'RANGE')?.AttributeName,
      projectionType: index.Projection?.ProjectionType,
    }));
    assert.deepEqual(GLOBAL_SECONDARY_INDEXES, runtime);
  });

  it('is on-demand with point-in-time recovery and a TTL attribute', async () => {
    assert.equal(BILLING_MODE, (await runtimeTableRequest()).BillingMode);
    assert.equal(POINT_IN_TIME_RECOVERY, true);
    assert.match(TTL_ATTRIBUTE, /^[A-Za-z][A-Za-z0-9]*$/);
    // A key attribute cannot be the TTL attribute: DynamoDB would refuse items without it.
    assert.equal(ATTRIBUTES.some((attribute) => attribute.name === TTL_ATTRIBUTE), false);
  });

  it('is protected from deletion in production only', () => {
    assert.equal(deletionProtection('production'), true);
    assert.equal(deletionProtection('dev'), false);
  });
});
