/**
 * The durable runtime and the Step Functions API on AWS's services: the Lambda twin of the
 * composition `stepwise serve` makes in core/adapters/local/local-server.ts. Built once per
 * execution environment (see cold-start.ts); nothing here decides anything on its own.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { ApiContext } from '../core/api/context.ts';
import { DynamoDbStore } from '../core/adapters/aws/dynamodb/index.ts';
import { SchedulerTimers } from '../core/adapters/aws/scheduler/index.ts';
import { SqsWorkQueue } from '../core/adapters/aws/sqs/index.ts';
import { AwsServiceTasks, defaultClientFactory } from '../core/adapters/aws/tasks/index.ts';
import type { ClientFactory } from '../core/adapters/aws/tasks/index.ts';
import { captureAwsClient, LambdaTelemetry } from '../core/adapters/aws/telemetry/index.ts';
import type { Clock, Timers } from '../core/ports.ts';
import type { RuntimeDeps } from '../core/runtime/durable/deps.ts';
import { DurableEngine } from '../core/runtime/durable/engine.ts';
import { MachineCache } from '../core/runtime/durable/machines.ts';
import { NestedExecutions } from '../core/adapters/states/nested-executions.ts';
import { BackgroundWork } from './background-work.ts';
import { coldStart } from './cold-start.ts';
import type { EngineConfig, Environment, TimersConfig } from './config.ts';
import { installationSecret } from './installation-secret.ts';
import { logFailure } from './log-failure.ts';

export interface FunctionRuntime {
  readonly deps: RuntimeDeps;
  /** What `handleRequest` serves the API from. */
  readonly api: ApiContext;
  /** Tracks `deps.track`'s work; settle it before the handler returns. */
  readonly background: BackgroundWork;
}

export interface PreparedRuntime {
  /** Ready at once, so that even a failed cold start can be logged. */
  readonly telemetry: LambdaTelemetry;
  /** The runtime, built on the first call and shared by later ones. */
  readonly runtime: () => Promise<FunctionRuntime>;
}

const systemClock: Clock = { now: () => Date.now() };

/**
 * event-start has no timers (functions/config.ts): the Standard executions it starts only get
 * their first message queued, and Express ones keep their waits in memory. A timer reaching
 * this port would be a runtime change that needs the deployment changed too.
 */
const NO_TIMERS: Timers = {
  schedule: () => Promise.reject(new Error('This function has no timers: it is deployed without a Scheduler group (functions/config.ts)')),
  cancel: () => Promise.resolve(),
};

export function prepareRuntime(config: EngineConfig & Partial<TimersConfig>, env: Environment = process.env): PreparedRuntime {
  const telemetry = new LambdaTelemetry({ namespace: config.metricNamespace });
  return { telemetry, runtime: coldStart(() => buildRuntime(config, telemetry, env)) };
}

async function buildRuntime(config: EngineConfig & Partial<TimersConfig>, telemetry: LambdaTelemetry, env: Environment): Promise<FunctionRuntime> {
  // Clients talk to the region the function runs in; STEPWISE_REGION only names ARNs.
  // Endpoints and credentials come from the SDK's own environment chain.
  const region = env['AWS_REGION'] || config.region;
  const logger = telemetry.log.logger;
  const ssm = captureAwsClient(new SSMClient({ region }));
  let secret: string;
  try {
    secret = await installationSecret(ssm, config.secretParameter);
  } finally {
    // Read once per cold start: its connections need not outlive it.
    ssm.destroy();
  }
  const store = new DynamoDbStore({ client: captureAwsClient(new DynamoDBClient({ region })), tableName: config.tableName });
  const queue = new SqsWorkQueue({ client: captureAwsClient(new SQSClient({ region })), queueUrl: config.queueUrl });
  const timers =
    config.schedulerGroup !== undefined && config.schedulerRoleArn !== undefined
      ? new SchedulerTimers({
          queue,
          scheduler: captureAwsClient(new SchedulerClient({ region })),
          groupName: config.schedulerGroup,
          queueArn: config.queueArn,
          roleArn: config.schedulerRoleArn,
          clock: systemClock,
          onCancelError: (error, timerName) => logFailure(logger, 'Deleting a timer schedule failed', error, { timerName }, 'warn'),
        })
      : NO_TIMERS;
  const tracedClients: ClientFactory = async (service, settings) => captureAwsClient(await defaultClientFactory(service, settings));
  const background = new BackgroundWork();
  // `states:startExecution` Tasks start executions on this installation, through its own API.
  const tasks = new NestedExecutions(new AwsServiceTasks({ region, clientFactory: tracedClients }));
  const deps: RuntimeDeps = {
    store,
    queue,
    timers,
    tasks,
    machines: new MachineCache(),
    clock: systemClock,
    telemetry,
    secret,
    track: background.track,
    // A function is frozen once it has answered: Express StartExecution hands its run to a worker.
    expressStarts: 'queue',
    stateMachines: store,
  };
  const api: ApiContext = {
    stateMachines: store,
    executions: store,
    engine: new DurableEngine(deps),
    clock: systemClock,
    region: config.region,
    accountId: config.accountId,
    onInternalError: (error, operation) => logFailure(logger, `${operation || 'Request'} failed`, error),
  };
  tasks.bind(api);
  return { deps, api, background };
}
