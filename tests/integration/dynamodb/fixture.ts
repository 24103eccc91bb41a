import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { HistoryEvent } from '../../../core/asl/history/event.ts';
import type { BranchSnapshot } from '../../../core/asl/interpreter/snapshot.ts';
import type { Json } from '../../../core/asl/json.ts';
import { createTable } from '../../../core/adapters/aws/dynamodb/table.ts';
import { DynamoDbStore } from '../../../core/adapters/aws/dynamodb/store.ts';
import { startDynamoDbLocal } from '../../../core/adapters/local/dynamodb-local.ts';
import type { DynamoDbLocal } from '../../../core/adapters/local/dynamodb-local.ts';
import type { BranchRecord, ExecutionRecord, StateMachineRecord } from '../../../core/runtime/records.ts';

/**
 * One DynamoDB Local per test file (in memory, random port), a fresh table, and record
 * builders. Starting fails the test with DynamoDB Local's own message when Java or the
 * package is missing: these tests never skip.
 */
export interface Fixture {
  readonly local: DynamoDbLocal;
  readonly client: DynamoDBClient;
  readonly store: DynamoDbStore;
  readonly tableName: string;
  close(): Promise<void>;
}

export async function startFixture(): Promise<Fixture> {
  const local = await startDynamoDbLocal({ inMemory: true });
  const client = clientFor(local);
  const tableName = 'stepwise-test';
  try {
    await createTable(client, tableName);
  } catch (error) {
    await local.stop();
    throw error;
  }
  return {
    local,
    client,
    tableName,
    store: new DynamoDbStore({ client, tableName }),
    close: async () => {
      client.destroy();
      await local.stop();
    },
  };
}

export function clientFor(local: Pick<DynamoDbLocal, 'endpoint' | 'region' | 'credentials'>): DynamoDBClient {
  return new DynamoDBClient({ endpoint: local.endpoint, region: local.region, credentials: local.credentials });
}

const ACCOUNT = 'arn:aws:states:us-east-1:123456789012';

export function stateMachine(name: string, overrides: Partial<StateMachineRecord> = {}): StateMachineRecord {
  return {
    stateMachineArn: `${ACCOUNT}:stateMachine:${name}`,
    name,
    definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }),
    roleArn: 'arn:aws:iam::123456789012:role/stepwise',
    type: 'STANDARD',
    status: 'ACTIVE',
    creationDate: 1_700_000_000_000,
    revisionId: 'r1',
    tags: {},
    ...overrides,
  };
}

export function execution(machine: StateMachineRecord, name: string, overrides: Partial<ExecutionRecord> = {}): ExecutionRecord {
  return {
    executionArn: `${ACCOUNT}:execution:${machine.name}:${name}`,
    stateMachineArn: machine.stateMachineArn,
    name,
    type: 'STANDARD',
    status: 'RUNNING',
    input: '{"hello":"world"}',
    startDate: 1_700_000_000_000,
    definition: machine.definition,
    roleArn: machine.roleArn,
    ...overrides,
  };
}

export function snapshot(overrides: Partial<BranchSnapshot> = {}): BranchSnapshot {
  return { scope: '', status: 'RUNNING', lastEventId: 0, seq: 0, ...overrides };
}

export function rootBranch(executionArn: string, overrides: Partial<BranchRecord> = {}): BranchRecord {
  return { executionArn, branchId: 'root', version: 0, snapshot: snapshot(), outbox: [], nextEventId: 1, ...overrides };
}

/** Events `first`..`first + count - 1`, each carrying `payload` as its input. */
export function events(first: number, count: number, payload: Json = { n: 1 }): HistoryEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: first + i,
    previousEventId: first + i - 1,
    timestamp: 1_700_000_000_000 + first + i,
    type: 'PassStateEntered',
    details: { name: `State${first + i}`, input: payload },
  }));
}

/** A string that does not compress: random base64 of about `bytes` characters. */
export function incompressible(bytes: number): string {
  return randomBytes(Math.ceil((bytes * 3) / 4)).toString('base64').slice(0, bytes);
}

/** Reads every page of a paged call. */
export async function allPages<T>(read: (nextToken: string | undefined) => Promise<{ items: readonly T[]; nextToken?: string }>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page = await read(token);
    items.push(...page.items);
    pages++;
    token = page.nextToken;
  } while (token !== undefined);
  return { items, pages };
}
