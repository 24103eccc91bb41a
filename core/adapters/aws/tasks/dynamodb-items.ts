/**
 * `arn:aws:states:::dynamodb:getItem|putItem|updateItem|deleteItem`: the API's parameters with
 * attribute values in DynamoDB JSON (`{"S": "..."}`), and its response as is, with the SDK
 * metadata AWS adds (recorded `services__base_integrations-DYNAMODB_*`). AWS offers these four
 * request-response only. None of them has an idempotency token; PutItem and DeleteItem are
 * idempotent by nature, UpdateItem only when its expression is.
 */
import type { IntegrationContext, ServiceIntegration } from './integration.ts';
import { callOptimized } from './optimized-call.ts';
import { pascalCase } from './sdk-shapes.ts';

export const dynamodbItems: ServiceIntegration = {
  resources: ['dynamodb:getItem', 'dynamodb:putItem', 'dynamodb:updateItem', 'dynamodb:deleteItem'],
  patterns: ['REQUEST_RESPONSE'],
  async run(context: IntegrationContext) {
    const operation = pascalCase(context.request.action ?? '');
    const called = await callOptimized(context, { service: 'dynamodb', operation, parameters: context.request.parameters }, { sdkMetadata: true });
    return called.ok ? { kind: 'Succeeded', output: called.output } : called.outcome;
  },
};
