import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ENV,
  FUNCTION_NAMES,
  InvalidEnvironmentError,
  MissingEnvironmentError,
  readApiConfig,
  readEventStartConfig,
  readWorkerConfig,
  REQUIRED_ENV,
} from '../../../functions/config.ts';

const FULL = {
  AWS_REGION: 'eu-west-1',
  STEPWISE_ACCOUNT_ID: '123456789012',
  STEPWISE_TABLE_NAME: 'Table-1a2b3c4',
  STEPWISE_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/WorkQueue-1a2b3c4',
  STEPWISE_QUEUE_ARN: 'arn:aws:sqs:eu-west-1:123456789012:WorkQueue-1a2b3c4',
  STEPWISE_SCHEDULER_GROUP: 'TimerScheduleGroup-1a2b3c4',
  STEPWISE_SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/SchedulerRole-1a2b3c4',
  STEPWISE_SECRET_PARAMETER: '/stepwise/dev/installation-secret',
  STEPWISE_METRIC_NAMESPACE: 'Stepwise',
  STEPWISE_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:123456789012:stateMachine:orders',
};

function without(...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(FULL).filter(([name]) => !names.includes(name)));
}

describe('functions/config: the environment contract', () => {
  it('reads every variable the api and worker need', () => {
    for (const read of [readApiConfig, readWorkerConfig]) {
      assert.deepEqual(read(FULL), {
        region: 'eu-west-1',
        accountId: '123456789012',
        tableName: 'Table-1a2b3c4',
        queueUrl: FULL.STEPWISE_QUEUE_URL,
        queueArn: FULL.STEPWISE_QUEUE_ARN,
        secretParameter: '/stepwise/dev/installation-secret',
        metricNamespace: 'Stepwise',
        schedulerGroup: 'TimerScheduleGroup-1a2b3c4',
        schedulerRoleArn: FULL.STEPWISE_SCHEDULER_ROLE_ARN,
      });
    }
  });

  it('gives event-start its state machine and no scheduler', () => {
    const config = readEventStartConfig(without(ENV.schedulerGroup, ENV.schedulerRoleArn));
    assert.equal(config.stateMachineArn, FULL.STEPWISE_STATE_MACHINE_ARN);
    assert.equal('schedulerGroup' in config, false);
  });

  it('names the missing variable in its error', () => {
    assert.throws(
      () => readWorkerConfig(without(ENV.tableName)),
      (error: unknown) =>
        error instanceof MissingEnvironmentError &&
        error.message.includes('STEPWISE_TABLE_NAME') &&
        error.message.includes('worker') &&
        error.variables.length === 1,
    );
  });

  it('lists every missing variable at once, empty ones included', () => {
    assert.throws(
      () => readApiConfig({ ...without(ENV.queueUrl, ENV.schedulerRoleArn), STEPWISE_SECRET_PARAMETER: '  ' }),
      (error: unknown) =>
        error instanceof MissingEnvironmentError &&
        ['STEPWISE_QUEUE_URL', 'STEPWISE_SCHEDULER_ROLE_ARN', 'STEPWISE_SECRET_PARAMETER'].every((name) => error.variables.includes(name)),
    );
  });

  it('takes the region from STEPWISE_REGION first, then from the Lambda runtime', () => {
    assert.equal(readApiConfig({ ...FULL, STEPWISE_REGION: 'us-east-2' }).region, 'us-east-2');
    assert.equal(readApiConfig(FULL).region, 'eu-west-1');
    assert.throws(() => readApiConfig(without('AWS_REGION')), /STEPWISE_REGION \(or AWS_REGION\)/);
  });

  it('refuses an account id or state machine ARN that cannot be right', () => {
    assert.throws(() => readApiConfig({ ...FULL, STEPWISE_ACCOUNT_ID: '1234' }), InvalidEnvironmentError);
    assert.throws(
      () => readEventStartConfig({ ...FULL, STEPWISE_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:123456789012:execution:orders:x' }),
      /STEPWISE_STATE_MACHINE_ARN is not a state machine ARN/,
    );
  });

  it('requires only STEPWISE_ names, and the region from none of them', () => {
    for (const fn of FUNCTION_NAMES) {
      assert.ok(REQUIRED_ENV[fn].every((name) => name.startsWith('STEPWISE_')));
      assert.equal(REQUIRED_ENV[fn].includes(ENV.region), false);
    }
  });
});
