/**
 * The environment each function is deployed with, derived from the contract in
 * functions/config.ts: every variable a function requires is set, and nothing it does not.
 */
import { ENV, REQUIRED_ENV } from '../../functions/config.ts';
import type { EnvName, FunctionName } from '../../functions/config.ts';

/** Where the metrics go; the dashboard and alarms read the same namespace. */
export const METRIC_NAMESPACE = 'Stepwise';

/** Powertools' `service` key on log lines and traces. */
export const SERVICE_NAME = 'stepwise';

export interface EnvironmentRefs<V> {
  readonly accountId: V | string;
  readonly tableName: V | string;
  readonly queueUrl: V | string;
  readonly queueArn: V | string;
  readonly schedulerGroupName: V | string;
  readonly schedulerRoleArn: V | string;
  readonly secretParameterName: V | string;
  /** Only for event-start. */
  readonly stateMachineArn?: V | string;
}

const SOURCES: { readonly [N in EnvName]: <V>(refs: EnvironmentRefs<V>) => V | string | undefined } = {
  // Not set on purpose: Lambda provides AWS_REGION, which the reader falls back to.
  [ENV.region]: () => undefined,
  [ENV.accountId]: (refs) => refs.accountId,
  [ENV.tableName]: (refs) => refs.tableName,
  [ENV.queueUrl]: (refs) => refs.queueUrl,
  [ENV.queueArn]: (refs) => refs.queueArn,
  [ENV.schedulerGroup]: (refs) => refs.schedulerGroupName,
  [ENV.schedulerRoleArn]: (refs) => refs.schedulerRoleArn,
  [ENV.secretParameter]: (refs) => refs.secretParameterName,
  [ENV.metricNamespace]: () => METRIC_NAMESPACE,
  [ENV.stateMachineArn]: (refs) => refs.stateMachineArn,
};

/** Read by the Powertools logger, tracer and metrics without any code. */
const POWERTOOLS_ENV = {
  POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
  POWERTOOLS_METRICS_NAMESPACE: METRIC_NAMESPACE,
} as const;

export function functionEnvironment<V>(fn: FunctionName, refs: EnvironmentRefs<V>): Record<string, V | string> {
  const environment: Record<string, V | string> = { ...POWERTOOLS_ENV };
  for (const name of REQUIRED_ENV[fn]) {
    const value = SOURCES[name](refs);
    if (value === undefined) throw new Error(`The ${fn} function requires ${name}, and nothing was given for it`);
    environment[name] = value;
  }
  return environment;
}

/**
 * Keys Lambda reserves for itself: setting one fails the deployment (AWS_REGION among them,
 * which is why the region is not part of the environment above).
 */
export const RESERVED_LAMBDA_KEYS = [
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
] as const;
