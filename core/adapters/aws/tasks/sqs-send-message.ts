/**
 * `arn:aws:states:::sqs:sendMessage`: SendMessage's parameters (a JSON `MessageBody` is sent as
 * JSON text); the result is SendMessage's response (`MD5OfMessageBody`, `MessageId`, ...) with
 * the SDK metadata AWS adds (recorded `services__send_message_attributes`).
 */
import { fillToken, isFifo } from './idempotency.ts';
import type { IntegrationContext, ServiceIntegration } from './integration.ts';
import { callOptimized } from './optimized-call.ts';

export const sqsSendMessage: ServiceIntegration = {
  resources: ['sqs:sendMessage'],
  patterns: ['REQUEST_RESPONSE', 'WAIT_FOR_TASK_TOKEN'],
  async run(context: IntegrationContext) {
    const called = await callOptimized(
      context,
      { service: 'sqs', operation: 'SendMessage', parameters: context.request.parameters, prepare: (input) => prepareSendMessage(input, context.request.idempotencyKey) },
      { sdkMetadata: true },
    );
    return called.ok ? { kind: 'Succeeded', output: called.output } : called.outcome;
  },
};

/** Where SendMessage carries the idempotency key (see idempotency.ts). */
export function prepareSendMessage(input: Record<string, unknown>, idempotencyKey: string): void {
  if (isFifo(input['QueueUrl'])) fillToken(input, 'MessageDeduplicationId', idempotencyKey);
}

/** SendMessageBatch: one deduplication id per entry, told apart by the entry's `Id`. */
export function prepareSendMessageBatch(input: Record<string, unknown>, idempotencyKey: string): void {
  if (!isFifo(input['QueueUrl']) || !Array.isArray(input['Entries'])) return;
  for (const entry of input['Entries'] as unknown[]) {
    if (typeof entry === 'object' && entry !== null) {
      const fields = entry as Record<string, unknown>;
      fillToken(fields, 'MessageDeduplicationId', `${idempotencyKey}#${String(fields['Id'])}`);
    }
  }
}
