/**
 * The bench's `stepwise serve`: the very composition `stepwise serve` uses (openStores and
 * startLocalServer), with counters slid in through their instrumentation hooks: a capacity
 * meter on the DynamoDB client, and counting wrappers around the WorkQueue and Timers ports.
 */
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDbStore } from '../../../core/adapters/aws/dynamodb/index.ts';
import { startLocalServer } from '../../../core/adapters/local/local-server.ts';
import { openStores } from '../../../core/adapters/local/open-stores.ts';
import type { Clock, TaskInvoker, Telemetry } from '../../../core/ports.ts';
import { CapacityEstimator, type IndexShape, type TableShape } from './capacity-estimator.ts';
import { CountingQueue, CountingTimers, PortCounts } from './counting-ports.ts';
import { attachCapacityMeter, type CapacityMeter } from './dynamodb-meter.ts';
import { itemKind } from './item-kinds.ts';

export interface BenchServer {
  readonly url: string;
  /** Requests and the units DynamoDB Local reported. */
  readonly store: DynamoDbStore;
  /** The same requests, priced by AWS's item-size rules. */
  readonly estimator: CapacityEstimator;
  readonly meter: CapacityMeter;
  readonly ports: PortCounts;
  /** Resolves with the execution's final status once the worker commits its end. */
  ended(executionArn: string): Promise<string>;
  /** Resolves when no message or task work is in flight. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const systemClock: Clock = { now: () => Date.now() };

export async function startBenchServer(options: { readonly dataDir: string; readonly tasks: TaskInvoker; readonly concurrency?: number }): Promise<BenchServer> {
  let metering: { estimator: CapacityEstimator; meter: CapacityMeter } | undefined;
  const stores = await openStores({
    memory: false,
    dataDir: options.dataDir,
    // Attached before the store's first write: the estimator then sees every item there is.
    instrumentClient: async (client, tableName) => {
      const estimator = new CapacityEstimator(await tableShape(client, tableName), itemKind);
      metering = { estimator, meter: attachCapacityMeter(client, estimator) };
    },
  });
  const ports = new PortCounts();
  const endings = new Endings();
  try {
    const server = await startLocalServer({
      port: 0,
      stores,
      tasks: options.tasks,
      dataDir: options.dataDir,
      telemetry: endings,
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      instrument: {
        handler: (handle) => ports.handler(handle),
        queue: (queue) => new CountingQueue(queue, ports),
        timers: (timers) => new CountingTimers(timers, ports, systemClock),
      },
      log: (line) => process.stderr.write(`bench serve: ${line}\n`),
    });
    return {
      url: server.url,
      store: stores.executions as DynamoDbStore,
      estimator: metering!.estimator,
      meter: metering!.meter,
      ports,
      ended: (executionArn) => endings.wait(executionArn),
      idle: () => server.idle(),
      close: () => server.close(),
    };
  } catch (error) {
    await stores.close();
    throw error;
  }
}

/** The table's keys and indexes as created, so index writes are estimated from the real schema. */
async function tableShape(client: DynamoDBClient, tableName: string): Promise<TableShape> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const keysOf = (schema: readonly { AttributeName?: string; KeyType?: string }[] = []): string[] =>
    [...schema].sort((a, b) => (a.KeyType === 'HASH' ? -1 : b.KeyType === 'HASH' ? 1 : 0)).map((key) => key.AttributeName!);
  const indexes = (Table?.GlobalSecondaryIndexes ?? []).map(
    (index): IndexShape => ({
      name: index.IndexName!,
      keys: keysOf(index.KeySchema),
      projection: (index.Projection?.ProjectionType ?? 'ALL') as IndexShape['projection'],
      include: index.Projection?.NonKeyAttributes ?? [],
    }),
  );
  return { keys: keysOf(Table?.KeySchema), indexes };
}

/** The runtime's telemetry port, used only to learn when executions end (no polling needed). */
class Endings implements Telemetry {
  private readonly statuses = new Map<string, string>();
  private readonly waiters = new Map<string, (status: string) => void>();

  transition(): void {}
  executionStarted(): void {}
  taskEnded(): void {}
  messageReceived(): void {}

  executionEnded(info: { readonly executionArn: string; readonly status: string }): void {
    this.statuses.set(info.executionArn, info.status);
    this.waiters.get(info.executionArn)?.(info.status);
    this.waiters.delete(info.executionArn);
  }

  /** The end may come before anyone waits for it (the worker can beat StartExecution's answer). */
  wait(executionArn: string): Promise<string> {
    const status = this.statuses.get(executionArn);
    if (status !== undefined) return Promise.resolve(status);
    return new Promise((resolve) => this.waiters.set(executionArn, resolve));
  }
}
