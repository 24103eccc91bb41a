/**
 * What the Lambda entry points learn from their environment, and nothing else: the deployment
 * (`infra/`) sets exactly the variables listed in `REQUIRED_ENV` for each function, and its unit
 * tests hold it to that. A missing variable is a deployment mistake, so it fails the cold start
 * with the variable's name instead of surfacing later as an AWS error about an empty name.
 */

export const ENV = {
  /** Used for ARNs; the Lambda runtime's AWS_REGION stands in when this is not set. */
  region: 'STEPWISE_REGION',
  /** Part of every ARN the API hands out; known at deploy time, so no STS call per cold start. */
  accountId: 'STEPWISE_ACCOUNT_ID',
  tableName: 'STEPWISE_TABLE_NAME',
  queueUrl: 'STEPWISE_QUEUE_URL',
  /** Target of the Scheduler schedules that carry long timers. */
  queueArn: 'STEPWISE_QUEUE_ARN',
  schedulerGroup: 'STEPWISE_SCHEDULER_GROUP',
  /** The role Scheduler assumes to send a timer's message to the queue. */
  schedulerRoleArn: 'STEPWISE_SCHEDULER_ROLE_ARN',
  /** Name of the SSM SecureString parameter holding the installation secret. */
  secretParameter: 'STEPWISE_SECRET_PARAMETER',
  metricNamespace: 'STEPWISE_METRIC_NAMESPACE',
  /** event-start only: the state machine its EventBridge rule starts. */
  stateMachineArn: 'STEPWISE_STATE_MACHINE_ARN',
} as const;

export type EnvName = (typeof ENV)[keyof typeof ENV];

export type FunctionName = 'api' | 'worker' | 'event-start';

export const FUNCTION_NAMES: readonly FunctionName[] = ['api', 'worker', 'event-start'];

const ENGINE_ENV = [ENV.accountId, ENV.tableName, ENV.queueUrl, ENV.queueArn, ENV.secretParameter, ENV.metricNamespace] as const;
const TIMER_ENV = [ENV.schedulerGroup, ENV.schedulerRoleArn] as const;

/**
 * The variables each function cannot start without. event-start has no timers: a Standard
 * execution it starts only gets its first message queued, and an Express one runs its waits in
 * process, so it is given no scheduler names (and no permission to create schedules).
 */
export const REQUIRED_ENV: { readonly [F in FunctionName]: readonly EnvName[] } = {
  api: [...ENGINE_ENV, ...TIMER_ENV],
  worker: [...ENGINE_ENV, ...TIMER_ENV],
  'event-start': [...ENGINE_ENV, ENV.stateMachineArn],
};

export interface EngineConfig {
  readonly region: string;
  readonly accountId: string;
  readonly tableName: string;
  readonly queueUrl: string;
  readonly queueArn: string;
  readonly secretParameter: string;
  readonly metricNamespace: string;
}

export interface TimersConfig {
  readonly schedulerGroup: string;
  readonly schedulerRoleArn: string;
}

export interface ApiConfig extends EngineConfig, TimersConfig {}
export interface WorkerConfig extends EngineConfig, TimersConfig {}
export interface EventStartConfig extends EngineConfig {
  readonly stateMachineArn: string;
}

export type Environment = Readonly<Record<string, string | undefined>>;

export class MissingEnvironmentError extends Error {
  override readonly name = 'MissingEnvironmentError';

  constructor(
    readonly functionName: FunctionName,
    readonly variables: readonly string[],
  ) {
    const list = variables.join(', ');
    super(
      `Stepwise ${functionName} function: missing environment variable${variables.length > 1 ? 's' : ''} ${list}. ` +
        `The deployment in infra/ sets ${variables.length > 1 ? 'them' : 'it'}; a function deployed another way must set ${variables.length > 1 ? 'them' : 'it'} too.`,
    );
  }
}

export class InvalidEnvironmentError extends Error {
  override readonly name = 'InvalidEnvironmentError';
}

export function readApiConfig(env: Environment = process.env): ApiConfig {
  const values = readRequired('api', env);
  return { ...engine(values, env, 'api'), ...timers(values) };
}

export function readWorkerConfig(env: Environment = process.env): WorkerConfig {
  const values = readRequired('worker', env);
  return { ...engine(values, env, 'worker'), ...timers(values) };
}

export function readEventStartConfig(env: Environment = process.env): EventStartConfig {
  const values = readRequired('event-start', env);
  const stateMachineArn = values.get(ENV.stateMachineArn)!;
  // Checked here because a typo would otherwise fail every event, one at a time, far from the cause.
  if (!/^arn:[a-z-]+:states:[a-z0-9-]+:\d{12}:stateMachine:[^:]+$/.test(stateMachineArn)) {
    throw new InvalidEnvironmentError(`Stepwise event-start function: ${ENV.stateMachineArn} is not a state machine ARN: ${stateMachineArn}`);
  }
  return { ...engine(values, env, 'event-start'), stateMachineArn };
}

/** Collects every missing variable before failing, so one failed deployment shows them all. */
function readRequired(functionName: FunctionName, env: Environment): ReadonlyMap<EnvName, string> {
  const values = new Map<EnvName, string>();
  const missing: string[] = [];
  for (const name of REQUIRED_ENV[functionName]) {
    const value = env[name]?.trim();
    if (value) values.set(name, value);
    else missing.push(name);
  }
  const region = regionOf(env);
  if (region === undefined) missing.push(`${ENV.region} (or AWS_REGION)`);
  if (missing.length > 0) throw new MissingEnvironmentError(functionName, missing);
  return values;
}

function regionOf(env: Environment): string | undefined {
  return env[ENV.region]?.trim() || env['AWS_REGION']?.trim() || undefined;
}

function engine(values: ReadonlyMap<EnvName, string>, env: Environment, functionName: FunctionName): EngineConfig {
  const accountId = values.get(ENV.accountId)!;
  if (!/^\d{12}$/.test(accountId)) {
    throw new InvalidEnvironmentError(`Stepwise ${functionName} function: ${ENV.accountId} must be a 12-digit AWS account id, not ${accountId}`);
  }
  return {
    region: regionOf(env)!,
    accountId,
    tableName: values.get(ENV.tableName)!,
    queueUrl: values.get(ENV.queueUrl)!,
    queueArn: values.get(ENV.queueArn)!,
    secretParameter: values.get(ENV.secretParameter)!,
    metricNamespace: values.get(ENV.metricNamespace)!,
  };
}

function timers(values: ReadonlyMap<EnvName, string>): TimersConfig {
  return { schedulerGroup: values.get(ENV.schedulerGroup)!, schedulerRoleArn: values.get(ENV.schedulerRoleArn)! };
}
