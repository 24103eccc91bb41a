import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENV, FUNCTION_NAMES, readApiConfig, readEventStartConfig, readWorkerConfig, REQUIRED_ENV } from '../../../functions/config.ts';
import type { FunctionName } from '../../../functions/config.ts';
import { functionEnvironment, METRIC_NAMESPACE, RESERVED_LAMBDA_KEYS } from '../../../infra/spec/environment.ts';
import type { EnvironmentRefs } from '../../../infra/spec/environment.ts';

const REFS: EnvironmentRefs<string> = {
  accountId: '123456789012',
  tableName: 'Table-1a2b3c4',
  queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/WorkQueue-1a2b3c4',
  queueArn: 'arn:aws:sqs:us-east-1:123456789012:WorkQueue-1a2b3c4',
  schedulerGroupName: 'TimerScheduleGroup-1a2b3c4',
  schedulerRoleArn: 'arn:aws:iam::123456789012:role/SchedulerRole-1a2b3c4',
  secretParameterName: '/stepwise/dev/installation-secret',
  stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:orders',
};

const READERS: { readonly [F in FunctionName]: (env: Record<string, string>) => object } = {
  api: readApiConfig,
  worker: readWorkerConfig,
  'event-start': readEventStartConfig,
};

/** What Lambda adds to every function's environment. */
const LAMBDA_PROVIDED = { AWS_REGION: 'us-east-1' };

describe('infra: function environments', () => {
  for (const fn of FUNCTION_NAMES) {
    it(`sets every variable the ${fn} function requires, and its config reader accepts the result`, () => {
      const environment = functionEnvironment(fn, REFS);
      for (const name of REQUIRED_ENV[fn]) assert.ok(environment[name], `${fn}: ${name} is not set`);
      assert.doesNotThrow(() => READERS[fn]({ ...environment, ...LAMBDA_PROVIDED }));
    });

    it(`sets no variable Lambda reserves, and no STEPWISE_ variable the ${fn} function does not read`, () => {
      const environment = functionEnvironment(fn, REFS);
      for (const key of RESERVED_LAMBDA_KEYS) assert.equal(key in environment, false, `${fn}: ${key} is reserved`);
      const extra = Object.keys(environment).filter((key) => key.startsWith('STEPWISE_') && !(REQUIRED_ENV[fn] as readonly string[]).includes(key));
      assert.deepEqual(extra, []);
    });
  }

  it('points metrics at the namespace the dashboard reads', () => {
    const environment = functionEnvironment('worker', REFS);
    assert.equal(environment[ENV.metricNamespace], METRIC_NAMESPACE);
    assert.equal(environment['POWERTOOLS_METRICS_NAMESPACE'], METRIC_NAMESPACE);
    assert.equal(METRIC_NAMESPACE, 'Stepwise');
  });

  it('gives only event-start a state machine, and only api and worker the scheduler', () => {
    assert.equal(functionEnvironment('event-start', REFS)[ENV.stateMachineArn], REFS.stateMachineArn);
    assert.equal(ENV.stateMachineArn in functionEnvironment('api', REFS), false);
    assert.equal(ENV.schedulerGroup in functionEnvironment('event-start', REFS), false);
    assert.equal(functionEnvironment('worker', REFS)[ENV.schedulerRoleArn], REFS.schedulerRoleArn);
  });

  it('refuses to build an event-start environment without a state machine', () => {
    const { stateMachineArn: _omitted, ...withoutMachine } = REFS;
    assert.throws(() => functionEnvironment('event-start', withoutMachine), /STEPWISE_STATE_MACHINE_ARN/);
  });
});
