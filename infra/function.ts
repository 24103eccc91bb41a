/**
 * How every Stepwise function is deployed: runtime, architecture, bundling, tracing, logs, and
 * the environment and permissions its role in the engine calls for (infra/spec/).
 */
import type { FunctionName } from '../functions/config.ts';
import type { Account } from './account.ts';
import { concat } from './account.ts';
import type { Scheduler } from './scheduler.ts';
import { functionEnvironment } from './spec/environment.ts';
import { ARCHITECTURE, BUNDLE, EXTERNAL_PACKAGES, FUNCTIONS, LOG_RETENTION, megabytes, RUNTIME, seconds } from './spec/functions.ts';
import { functionStatements } from './spec/iam.ts';
import type { DeploySettings } from './spec/settings.ts';

/** What the engine runs on; every function gets names of (and rights to) some of it. */
export interface EngineResources {
  readonly account: Account;
  readonly table: aws.dynamodb.Table;
  readonly queue: aws.sqs.Queue;
  readonly scheduler: Scheduler;
  readonly secret: aws.ssm.Parameter;
  readonly settings: DeploySettings;
}

export function stepwiseFunction(name: string, fn: FunctionName, resources: EngineResources, stateMachineArn?: string): sst.aws.Function {
  const { account, table, queue, scheduler, secret, settings } = resources;
  const spec = FUNCTIONS[fn];
  const environment = functionEnvironment(fn, {
    accountId: account.accountId,
    tableName: table.name,
    queueUrl: queue.url,
    queueArn: queue.arn,
    schedulerGroupName: scheduler.group.name,
    schedulerRoleArn: scheduler.role.arn,
    secretParameterName: secret.name,
    ...(stateMachineArn === undefined ? {} : { stateMachineArn }),
  });
  const statements = functionStatements(
    fn,
    {
      partition: account.partition,
      region: account.region,
      accountId: account.accountId,
      tableArn: table.arn,
      queueArn: queue.arn,
      schedulerGroupName: scheduler.group.name,
      schedulerRoleArn: scheduler.role.arn,
      secretParameterArn: secret.arn,
    },
    concat,
    settings.tasks,
  );
  return new sst.aws.Function(name, {
    handler: spec.handler,
    description: spec.description,
    runtime: RUNTIME,
    architecture: ARCHITECTURE,
    timeout: seconds(spec.timeoutSeconds),
    memory: megabytes(spec.memoryMb),
    environment,
    permissions: statements.map((statement) => ({
      effect: statement.effect ?? 'allow',
      actions: [...statement.actions],
      resources: [...statement.resources],
      ...(statement.conditions === undefined
        ? {}
        : { conditions: statement.conditions.map((condition) => ({ test: condition.test, variable: condition.variable, values: [...condition.values] })) }),
    })),
    policies: [...settings.tasks.managedPolicyArns],
    logging: { retention: LOG_RETENTION },
    // SST bundles with esbuild itself; these match scripts/build-functions.ts. For ESM output SST
    // prepends its own `require`/`__filename`/`__dirname` banner, so none is passed here.
    nodejs: {
      format: BUNDLE.format,
      minify: BUNDLE.minify,
      sourcemap: BUNDLE.sourcemap,
      esbuild: { target: BUNDLE.target, mainFields: [...BUNDLE.mainFields], external: [...EXTERNAL_PACKAGES] },
    },
    transform: { function: { tracingConfig: { mode: 'Active' } } },
  });
}
