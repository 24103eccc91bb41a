/**
 * Errors of `arn:aws:states:::aws-sdk:<service>:<action>` integrations, named as the AWS SDK for
 * Java 2.x behind them names its exceptions. The developer guide ("AWS SDK service
 * integrations"): the error is `ServiceName.ErrorName`, both PascalCase, with an `Exception`
 * suffix even where the API's error name has none (`S3.BucketAlreadyExistsException`). Codes the
 * model does not name are the service's base exception (`DynamoDb.DynamoDbException`,
 * `SecretsManager.SecretsManagerException` in the recorded `error_handling__dynamodb_invalid_param`
 * and `error_handling__invalid_secret_name` cases). Causes are the SDK's message:
 * `<message> (Service: <Name>, Status Code: <n>, Request ID: <id>[, Extended Request ID: <id>])`,
 * with ` (SDK Attempt Count: <n>)` for services whose recordings show it.
 */
import type { CallFailure } from './call-failure.ts';
import { exceptionClassName, type ErrorAndCause } from './optimized-errors.ts';
import type { SdkNaming } from './services.ts';

export function sdkIntegrationError(naming: SdkNaming, failure: CallFailure): ErrorAndCause {
  if (failure.kind === 'client') {
    return { error: `${naming.name}.SdkClientException`, cause: `Unable to execute HTTP request: ${failure.message}` };
  }
  const exception = failure.modeled ? exceptionClassName(failure.name) : `${naming.name}Exception`;
  const extended = failure.extendedRequestId === undefined ? '' : `, Extended Request ID: ${failure.extendedRequestId}`;
  const attempts = naming.attemptCountInCause ? ` (SDK Attempt Count: ${failure.attempts})` : '';
  return {
    error: `${naming.name}.${exception}`,
    cause: `${failure.message} (Service: ${naming.name}, Status Code: ${failure.statusCode}, Request ID: ${failure.requestId ?? 'null'}${extended})${attempts}`,
  };
}
