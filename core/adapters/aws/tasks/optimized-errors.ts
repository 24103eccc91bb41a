/**
 * Errors of the optimized integrations (`arn:aws:states:::sqs:sendMessage`, `lambda:invoke`, ...),
 * named as the AWS SDK for Java 1.x behind them names its exceptions:
 *   error  `<Prefix>.<ExceptionClass>`: the model's exception (`SNS.NotFoundException`,
 *          `DynamoDB.ResourceNotFoundException`, `Lambda.TooManyRequestsException`), or the
 *          service's base class for codes the model does not name (`DynamoDB.AmazonDynamoDBException`
 *          for `ValidationException`, `SQS.AmazonSQSException` for `MissingParameter`);
 *   cause  `<message> (Service: <client>; Status Code: <n>; Error Code: <code>; Request ID: <id>; Proxy: null)`.
 * Sources: the recorded `services__publish_base_error_topic_arn`, `services__fifo_message_attribute-*`,
 * `error_handling__invalid_param`, `error_handling__put_item_*`, `error_handling__send_message_empty_body`,
 * `error_handling__no_such_function-2` cases, and the developer guide's "Handle Lambda service
 * exceptions" (`Lambda.ServiceException`, `Lambda.AWSLambdaException`, `Lambda.SdkClientException`,
 * `Lambda.TooManyRequestsException`).
 */
import type { CallFailure } from './call-failure.ts';
import type { OptimizedNaming } from './services.ts';

export interface ErrorAndCause {
  readonly error: string;
  readonly cause: string;
}

export function optimizedIntegrationError(naming: OptimizedNaming, failure: CallFailure): ErrorAndCause {
  if (failure.kind === 'client') {
    return { error: `${naming.prefix}.SdkClientException`, cause: `Unable to execute HTTP request: ${failure.message}` };
  }
  const exception = failure.modeled ? exceptionClassName(failure.name) : naming.baseException;
  return {
    error: `${naming.prefix}.${exception}`,
    cause:
      `${failure.message} (Service: ${naming.serviceName}; Status Code: ${failure.statusCode}; Error Code: ${failure.code}; ` +
      `Request ID: ${failure.requestId ?? 'null'}; Proxy: null)`,
  };
}

/**
 * Both Java SDKs name exception classes after the model's shape with an `Exception` suffix added
 * where the shape lacks one (SQS `QueueDoesNotExist` → `QueueDoesNotExistException`; the
 * developer guide's S3 `BucketAlreadyExists` → `S3.BucketAlreadyExistsException`).
 */
export function exceptionClassName(shapeName: string): string {
  return shapeName.endsWith('Exception') ? shapeName : `${shapeName}Exception`;
}
