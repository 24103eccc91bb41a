/**
 * `arn:aws:states:::sns:publish`: Publish's parameters (a JSON `Message` is sent as JSON text);
 * the result is Publish's response (`MessageId`, `SequenceNumber` for FIFO topics) with the SDK
 * metadata AWS adds (recorded `services__publish_base-*`, `services__fifo_message_attribute-*`).
 */
import { fillToken, isFifo } from './idempotency.ts';
import type { IntegrationContext, ServiceIntegration } from './integration.ts';
import { callOptimized } from './optimized-call.ts';

export const snsPublish: ServiceIntegration = {
  resources: ['sns:publish'],
  patterns: ['REQUEST_RESPONSE', 'WAIT_FOR_TASK_TOKEN'],
  async run(context: IntegrationContext) {
    const called = await callOptimized(
      context,
      { service: 'sns', operation: 'Publish', parameters: context.request.parameters, prepare: (input) => preparePublish(input, context.request.idempotencyKey) },
      { sdkMetadata: true },
    );
    return called.ok ? { kind: 'Succeeded', output: called.output } : called.outcome;
  },
};

/** Where Publish carries the idempotency key (see idempotency.ts). */
export function preparePublish(input: Record<string, unknown>, idempotencyKey: string): void {
  if (isFifo(input['TopicArn'] ?? input['TargetArn'])) fillToken(input, 'MessageDeduplicationId', idempotencyKey);
}

/** PublishBatch: one deduplication id per entry, told apart by the entry's `Id`. */
export function preparePublishBatch(input: Record<string, unknown>, idempotencyKey: string): void {
  if (!isFifo(input['TopicArn']) || !Array.isArray(input['PublishBatchRequestEntries'])) return;
  for (const entry of input['PublishBatchRequestEntries'] as unknown[]) {
    if (typeof entry === 'object' && entry !== null) {
      const fields = entry as Record<string, unknown>;
      fillToken(fields, 'MessageDeduplicationId', `${idempotencyKey}#${String(fields['Id'])}`);
    }
  }
}
