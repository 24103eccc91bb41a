/** Error names and causes of aws-sdk integrations, against what AWS recorded. Pure. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sdkIntegrationError } from '../../../core/adapters/aws/tasks/sdk-integration-errors.ts';
import { SERVICES } from '../../../core/adapters/aws/tasks/services.ts';
import { recordedFailure } from '../../fixtures/aws/recorded-match.ts';
import { serviceFailure } from '../../fixtures/aws/service-failure.ts';

describe('sdkIntegrationError', () => {
  it('a modeled exception: <Service>.<Exception> (error_handling__dynamodb_put_item_no_such_table)', () => {
    const failure = serviceFailure({ name: 'ResourceNotFoundException', message: 'Requested resource not found', statusCode: 400 });
    assert.deepEqual(sdkIntegrationError(SERVICES.dynamodb.sdk, failure), recordedFailure('error_handling__dynamodb_put_item_no_such_table'));
  });

  it('a code the model does not name: the service base exception (error_handling__dynamodb_invalid_param)', () => {
    const failure = serviceFailure({
      modeled: false,
      name: 'ValidationException',
      message: "1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null",
      statusCode: 400,
    });
    assert.deepEqual(sdkIntegrationError(SERVICES.dynamodb.sdk, failure), recordedFailure('error_handling__dynamodb_invalid_param'));
  });

  it('Step Functions causes end with the attempt count (services__sfn_send_task_outcome_with_no_such_token-*)', () => {
    const failure = serviceFailure({ name: 'InvalidToken', message: "Invalid Token: 'Invalid token'", statusCode: 400 });
    const expected = recordedFailure('services__sfn_send_task_outcome_with_no_such_token-state_machine_template0');
    assert.deepEqual(sdkIntegrationError(SERVICES.sfn.sdk, failure), expected);
    assert.deepEqual(sdkIntegrationError(SERVICES.sfn.sdk, failure), recordedFailure('services__sfn_send_task_outcome_with_no_such_token-state_machine_template1'));
  });

  it('a shape without the suffix gets it, as the developer guide says (Sqs.QueueDoesNotExistException)', () => {
    const failure = serviceFailure({ name: 'QueueDoesNotExist', code: 'AWS.SimpleQueueService.NonExistentQueue', message: 'The specified queue does not exist.', statusCode: 400, requestId: 'r-1' });
    assert.deepEqual(sdkIntegrationError(SERVICES.sqs.sdk, failure), {
      error: 'Sqs.QueueDoesNotExistException',
      cause: 'The specified queue does not exist. (Service: Sqs, Status Code: 400, Request ID: r-1)',
    });
  });

  it('an extended request id is part of the cause', () => {
    const failure = serviceFailure({ name: 'ResourceNotFoundException', message: 'm', statusCode: 404, requestId: 'r', extendedRequestId: 'x' });
    assert.equal(sdkIntegrationError(SERVICES.lambda.sdk, failure).cause, 'm (Service: Lambda, Status Code: 404, Request ID: r, Extended Request ID: x)');
  });

  it('every installed service has its SDK name as prefix', () => {
    const failure = serviceFailure({ modeled: false, name: 'X', message: 'm', statusCode: 500 });
    const errors = (['lambda', 'sqs', 'sns', 'dynamodb', 'eventbridge', 'sts', 'scheduler', 'sfn'] as const).map((service) => sdkIntegrationError(SERVICES[service].sdk, failure).error);
    assert.deepEqual(errors, [
      'Lambda.LambdaException',
      'Sqs.SqsException',
      'Sns.SnsException',
      'DynamoDb.DynamoDbException',
      'EventBridge.EventBridgeException',
      'Sts.StsException',
      'Scheduler.SchedulerException',
      'Sfn.SfnException',
    ]);
  });

  it('no answer is SdkClientException', () => {
    assert.equal(sdkIntegrationError(SERVICES.sqs.sdk, { kind: 'client', message: 'socket hang up' }).error, 'Sqs.SdkClientException');
  });
});
