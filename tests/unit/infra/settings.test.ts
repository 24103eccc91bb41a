import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NO_TASK_INTEGRATIONS, readDeploySettings, SettingsError } from '../../../infra/spec/settings.ts';

describe('infra: deploy settings', () => {
  it('default to no task integrations, no alarm email and no example rule', () => {
    assert.deepEqual(readDeploySettings({}), { tasks: NO_TASK_INTEGRATIONS });
  });

  it('read comma-separated ARNs per integration', () => {
    const settings = readDeploySettings({
      STEPWISE_TASK_LAMBDA_ARNS: 'arn:aws:lambda:us-east-1:123456789012:function:a, arn:aws:lambda:us-east-1:123456789012:function:b:live,',
      STEPWISE_TASK_SQS_QUEUE_ARNS: 'arn:aws:sqs:us-east-1:123456789012:outbox',
      STEPWISE_TASK_POLICY_ARNS: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      STEPWISE_TASK_DYNAMODB_TABLE_ARNS: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
      STEPWISE_TASK_ROLE_ARNS: 'arn:aws:iam::210987654321:role/stepwise-tasks',
      STEPWISE_ALARM_EMAIL: 'ops@example.com',
      STEPWISE_EXAMPLE_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:123456789012:stateMachine:orders',
    });
    assert.deepEqual(settings.tasks.lambdaFunctionArns, ['arn:aws:lambda:us-east-1:123456789012:function:a', 'arn:aws:lambda:us-east-1:123456789012:function:b:live']);
    assert.deepEqual(settings.tasks.sqsQueueArns, ['arn:aws:sqs:us-east-1:123456789012:outbox']);
    assert.deepEqual(settings.tasks.managedPolicyArns, ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess']);
    assert.deepEqual(settings.tasks.dynamoDbTableArns, ['arn:aws:dynamodb:us-east-1:123456789012:table/orders']);
    assert.deepEqual(settings.tasks.roleArns, ['arn:aws:iam::210987654321:role/stepwise-tasks']);
    assert.equal(settings.alarmEmail, 'ops@example.com');
    assert.equal(settings.exampleStateMachineArn, 'arn:aws:states:us-east-1:123456789012:stateMachine:orders');
  });

  it('refuse a bare wildcard, an ARN of the wrong service, and malformed values', () => {
    assert.throws(() => readDeploySettings({ STEPWISE_TASK_LAMBDA_ARNS: '*' }), SettingsError);
    assert.throws(() => readDeploySettings({ STEPWISE_TASK_SNS_TOPIC_ARNS: 'arn:aws:sqs:us-east-1:123456789012:q' }), /STEPWISE_TASK_SNS_TOPIC_ARNS/);
    assert.throws(() => readDeploySettings({ STEPWISE_TASK_ROLE_ARNS: 'arn:aws:iam::aws:policy/AdministratorAccess' }), /STEPWISE_TASK_ROLE_ARNS/);
    assert.throws(() => readDeploySettings({ STEPWISE_ALARM_EMAIL: 'ops' }), SettingsError);
    assert.throws(() => readDeploySettings({ STEPWISE_EXAMPLE_STATE_MACHINE_ARN: 'orders' }), SettingsError);
  });
});
