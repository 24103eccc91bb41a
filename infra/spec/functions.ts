/**
 * The Lambda functions' numbers and bundling, in one place that imports nothing from SST, so the
 * unit tests and `scripts/build-functions.ts` read the same values the deployment uses.
 */
import type { FunctionName } from '../../functions/config.ts';

export const RUNTIME = 'nodejs22.x';
/** Graviton: about 20% cheaper per GB-second than x86_64, and the code has no native modules. */
export const ARCHITECTURE = 'arm64';

export interface FunctionSpec {
  /** The entry file, relative to the repository root. */
  readonly entry: string;
  /** What SST's `handler` wants: the entry without its extension, then the export. */
  readonly handler: string;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  readonly description: string;
}

export const FUNCTIONS: { readonly [F in FunctionName]: FunctionSpec } = {
  api: {
    entry: 'functions/api/index.ts',
    handler: 'functions/api/index.handler',
    // API Gateway HTTP APIs give up on an integration after 30 seconds; running longer only bills.
    timeoutSeconds: 30,
    memoryMb: 1024,
    description: 'Stepwise: the Step Functions API behind API Gateway',
  },
  worker: {
    entry: 'functions/worker/index.ts',
    handler: 'functions/worker/index.handler',
    // Request-response Task states run inside the hop that schedules them, so this bounds how long
    // such a task may take; an Express execution started with StartExecution runs whole in a
    // worker, and AWS allows Express executions five minutes, so one more minute covers the rest
    // of the batch. It also sets the queue's visibility timeout (6x), which is how long a message
    // from a crashed invocation waits before another worker picks it up.
    timeoutSeconds: 360,
    memoryMb: 1024,
    description: 'Stepwise: durable runtime, fed by the work queue',
  },
  'event-start': {
    entry: 'functions/event-start/index.ts',
    handler: 'functions/event-start/index.handler',
    // One StartExecution; an Express execution it starts runs in a worker.
    timeoutSeconds: 30,
    memoryMb: 1024,
    description: 'Stepwise: starts an execution for each matching EventBridge event',
  },
};

/** How Lambda polls the work queue for the worker. */
export const WORKER_EVENT_SOURCE = {
  /** Above 10, Lambda requires a batching window, which would delay every hop. */
  batchSize: 10,
  /**
   * Zero: a hop is one message, and a window would add its length to every state transition at
   * low traffic. Under load, batches fill without one.
   */
  maximumBatchingWindowSeconds: 0,
  /** Failed messages are retried alone; the rest of the batch is acknowledged. */
  functionResponseTypes: ['ReportBatchItemFailures'] as const,
  /**
   * Caps the worker's concurrency without reserved concurrency. With reserved concurrency, Lambda
   * keeps receiving messages it then cannot run, and each such receive counts toward the DLQ's
   * maxReceiveCount; with this cap, it stops polling instead.
   */
  maximumConcurrency: 50,
} as const;

/**
 * esbuild settings shared by SST's bundling of the deployed functions and by
 * `scripts/build-functions.ts`.
 */
export const BUNDLE = {
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: true,
  /** Prefer packages' ES module builds: the AWS SDK's tree-shake far better than its CommonJS builds. */
  mainFields: ['module', 'main'],
} as const;

/**
 * The AWS SDK is bundled, not taken from the Lambda runtime: the runtime's copy changes under
 * the functions whenever AWS updates it, while the bundled one is the version the tests ran
 * against (package-lock.json). The cost is a larger bundle, paid once per cold start.
 */
export const EXTERNAL_PACKAGES: readonly string[] = [];

/** CloudWatch Logs keeps the functions' logs this long (SST's spelling); storage is what grows at idle. */
export const LOG_RETENTION = '1 month' as const;

/** SST's duration and size strings, built from the numbers above. */
export function seconds(value: number): `${number} seconds` {
  return `${value} seconds`;
}

export function megabytes(value: number): `${number} MB` {
  return `${value} MB`;
}
