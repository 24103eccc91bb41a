/**
 * A Task attempt's idempotency key, put where each API has a place for one, so that a redelivered
 * work message repeating the same attempt does not repeat its effect:
 *
 *   - idempotency-token members the API declares (`ClientToken`, `ClientRequestToken`: DynamoDB
 *     TransactWriteItems, EventBridge Scheduler CreateSchedule, Step Functions RedriveExecution...),
 *     unless the Task sets them;
 *   - `MessageDeduplicationId` on FIFO queues and FIFO topics (SQS SendMessage, SNS Publish),
 *     unless the Task sets it; AWS then drops a repeat within its 5-minute deduplication window
 *     (this also replaces content-based deduplication, which would drop equal messages of
 *     different attempts);
 *   - Lambda Invoke: `idempotencyKey` in the `custom` object of the `ClientContext`, which the
 *     function's context carries, unless the Task sets a ClientContext.
 *
 * Token fields have length limits (36 characters for DynamoDB's), so the key is hashed into a
 * UUID-shaped token; the Lambda ClientContext carries the key itself.
 */
import { createHash } from 'node:crypto';

export function idempotencyToken(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Lambda's `ClientContext`: base64 JSON with `custom`, `env` and `client` objects. */
export function lambdaClientContext(key: string): string {
  return Buffer.from(JSON.stringify({ custom: { idempotencyKey: key } })).toString('base64');
}

/** Queue URLs and topic ARNs of FIFO queues and topics end in `.fifo`. */
export function isFifo(queueUrlOrTopicArn: unknown): boolean {
  return typeof queueUrlOrTopicArn === 'string' && queueUrlOrTopicArn.endsWith('.fifo');
}

/** Sets `member` to the token unless the Task gave a value. */
export function fillToken(input: Record<string, unknown>, member: string, key: string): void {
  if (input[member] === undefined) input[member] = idempotencyToken(key);
}
