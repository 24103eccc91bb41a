/**
 * `arn:aws:states:::aws-sdk:<service>:<action>` for every service with an installed client:
 * the action is the API operation in camelCase, parameters and result are the operation's input
 * and output with PascalCase names, and the response comes without SDK metadata (recorded
 * `services__dynamodb_put_*`, `services__base_integrations-DYNAMODB_PUT_QUERY`,
 * `services__sfn_start_execution*`). Unlike `lambda:invoke`, `aws-sdk:lambda:invoke` returns the
 * payload as text and does not fail on a function error (developer guide, "Invoke Lambda").
 */
import type { TaskOutcome } from '../../../asl/task-request.ts';
import { callOperation, UnknownOperationError } from './call-operation.ts';
import type { IntegrationContext, ServiceIntegration } from './integration.ts';
import { prepareInvoke } from './lambda-invocation.ts';
import { failed, notRecognized, runtimeFailure } from './outcomes.ts';
import { sdkIntegrationError } from './sdk-integration-errors.ts';
import { pascalCase } from './sdk-shapes.ts';
import { isServiceId, SERVICES, type ServiceId } from './services.ts';
import { preparePublish, preparePublishBatch } from './sns-publish.ts';
import { prepareSendMessage, prepareSendMessageBatch } from './sqs-send-message.ts';

/** Where operations without an idempotency-token member carry the key (see idempotency.ts). */
const PREPARE: Readonly<Record<string, (input: Record<string, unknown>, idempotencyKey: string) => void>> = {
  'lambda:Invoke': prepareInvoke,
  'sqs:SendMessage': prepareSendMessage,
  'sqs:SendMessageBatch': prepareSendMessageBatch,
  'sns:Publish': preparePublish,
  'sns:PublishBatch': preparePublishBatch,
};

export const awsSdk: ServiceIntegration = {
  resources: [],
  patterns: ['REQUEST_RESPONSE', 'WAIT_FOR_TASK_TOKEN'],
  async run(context: IntegrationContext): Promise<TaskOutcome> {
    const { request } = context;
    const serviceName = (request.service ?? '').slice('aws-sdk:'.length);
    const action = request.action ?? '';
    if (!/^[a-z][A-Za-z0-9]*$/.test(action)) return notRecognized(request.resource);
    if (!isServiceId(serviceName)) {
      return runtimeFailure(`The resource ${request.resource} needs the AWS SDK client @aws-sdk/client-${serviceName}, which is not installed.`);
    }
    const service: ServiceId = serviceName;
    const operation = pascalCase(action);
    const prepare = PREPARE[`${service}:${operation}`];
    let result;
    try {
      result = await callOperation(context, {
        service,
        operation,
        parameters: request.parameters,
        ...(prepare === undefined ? {} : { prepare: (input: Record<string, unknown>) => prepare(input, request.idempotencyKey) }),
      });
    } catch (thrown) {
      if (thrown instanceof UnknownOperationError) return notRecognized(request.resource);
      throw thrown;
    }
    if (!result.ok) {
      const { error, cause } = sdkIntegrationError(SERVICES[service].sdk, result.failure);
      return failed(error, cause);
    }
    return { kind: 'Succeeded', output: result.output };
  },
};
