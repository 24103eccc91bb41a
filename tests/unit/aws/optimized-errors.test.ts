/** Error names and causes of the optimized integrations, against what AWS recorded. Pure. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exceptionClassName, optimizedIntegrationError } from '../../../core/adapters/aws/tasks/optimized-errors.ts';
import { SERVICES } from '../../../core/adapters/aws/tasks/services.ts';
import { recordedFailure } from '../../fixtures/aws/recorded-match.ts';
import { serviceFailure } from '../../fixtures/aws/service-failure.ts';

describe('optimizedIntegrationError', () => {
  it('a code the DynamoDB model does not name is the base exception (error_handling__invalid_param)', () => {
    const failure = serviceFailure({
      modeled: false,
      name: 'ValidationException',
      message: "1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null",
      statusCode: 400,
    });
    assert.deepEqual(optimizedIntegrationError(SERVICES.dynamodb.optimized, failure), recordedFailure('error_handling__invalid_param'));
  });

  it('a modeled DynamoDB exception keeps its name (error_handling__put_item_no_such_table)', () => {
    const failure = serviceFailure({ name: 'ResourceNotFoundException', message: 'Requested resource not found', statusCode: 400 });
    assert.deepEqual(optimizedIntegrationError(SERVICES.dynamodb.optimized, failure), recordedFailure('error_handling__put_item_no_such_table'));
  });

  it('SNS: the model name with the wire code in the cause (services__publish_base_error_topic_arn)', () => {
    const failure = serviceFailure({ name: 'NotFoundException', code: 'NotFound', message: 'Topic does not exist', statusCode: 404 });
    assert.deepEqual(optimizedIntegrationError(SERVICES.sns.optimized, failure), recordedFailure('services__publish_base_error_topic_arn'));
  });

  it('SNS InvalidParameter (services__fifo_message_attribute-input_params0-True)', () => {
    const failure = serviceFailure({
      name: 'InvalidParameterException',
      code: 'InvalidParameter',
      message: 'Invalid parameter: The MessageGroupId parameter is required for FIFO topics',
      statusCode: 400,
    });
    assert.deepEqual(optimizedIntegrationError(SERVICES.sns.optimized, failure), recordedFailure('services__fifo_message_attribute-input_params0-True'));
  });

  it('SQS MissingParameter is AmazonSQSException (error_handling__send_message_empty_body)', () => {
    const failure = serviceFailure({ modeled: false, name: 'MissingParameter', message: 'The request must contain the parameter MessageBody.', statusCode: 400 });
    assert.deepEqual(optimizedIntegrationError(SERVICES.sqs.optimized, failure), recordedFailure('error_handling__send_message_empty_body'));
  });

  it('Lambda ResourceNotFoundException (error_handling__no_such_function-2)', () => {
    const failure = serviceFailure({
      name: 'ResourceNotFoundException',
      message: 'Function not found: arn:<partition>:lambda:<region>:111111111111:function:no_such_<lambda_function_name>:$LATEST',
      statusCode: 404,
    });
    assert.deepEqual(optimizedIntegrationError(SERVICES.lambda.optimized, failure), recordedFailure('error_handling__no_such_function-2'));
  });

  it('Step Functions, for the states:startExecution integration (error_handling__start_execution_no_such_arn)', () => {
    const failure = serviceFailure({
      name: 'StateMachineDoesNotExist',
      code: 'StateMachineDoesNotExist',
      message: "State Machine Does Not Exist: 'arn:<partition>:states:<region>:111111111111:stateMachine:<ArnPart_0idx><random_arn_part>'",
      statusCode: 400,
    });
    assert.deepEqual(optimizedIntegrationError(SERVICES.sfn.optimized, failure), recordedFailure('error_handling__start_execution_no_such_arn'));
  });

  it("Lambda's transient errors carry the names the developer guide lists", () => {
    const names = ['ServiceException', 'TooManyRequestsException', 'EC2ThrottledException'].map(
      (name) => optimizedIntegrationError(SERVICES.lambda.optimized, serviceFailure({ name, message: 'm', statusCode: 500 })).error,
    );
    assert.deepEqual(names, ['Lambda.ServiceException', 'Lambda.TooManyRequestsException', 'Lambda.EC2ThrottledException']);
    assert.equal(optimizedIntegrationError(SERVICES.lambda.optimized, serviceFailure({ modeled: false, name: 'Whatever', message: 'm', statusCode: 500 })).error, 'Lambda.AWSLambdaException');
  });

  it('no answer is SdkClientException', () => {
    assert.deepEqual(optimizedIntegrationError(SERVICES.lambda.optimized, { kind: 'client', message: 'connect ECONNREFUSED 127.0.0.1:9' }), {
      error: 'Lambda.SdkClientException',
      cause: 'Unable to execute HTTP request: connect ECONNREFUSED 127.0.0.1:9',
    });
  });

  it('a missing request id prints as null, as the SDK for Java does', () => {
    const { requestId: _, ...withoutId } = serviceFailure({ name: 'NotFoundException', code: 'NotFound', message: 'gone', statusCode: 404 });
    assert.match(optimizedIntegrationError(SERVICES.sns.optimized, withoutId).cause, /Request ID: null; Proxy: null\)$/);
  });
});

describe('exceptionClassName', () => {
  it('adds the Exception suffix only where the shape lacks it', () => {
    assert.equal(exceptionClassName('QueueDoesNotExist'), 'QueueDoesNotExistException');
    assert.equal(exceptionClassName('BucketAlreadyExists'), 'BucketAlreadyExistsException');
    assert.equal(exceptionClassName('NotFoundException'), 'NotFoundException');
  });
});
