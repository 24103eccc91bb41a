/**
 * The work queue and its dead-letter queue. Numbers only; `infra/queues.ts` creates them.
 */
import { FUNCTIONS, WORKER_EVENT_SOURCE } from './functions.ts';

/** SQS's largest message since 2025; the runtime's messages stay below it (core/adapters/aws/sqs). */
export const MAX_MESSAGE_BYTES = 1_048_576;

/** The longest SQS keeps a message: a delayed timer message must not expire before it is due. */
export const MESSAGE_RETENTION_SECONDS = 1_209_600;

/**
 * AWS's rule for a queue feeding a Lambda function: at least six times the function's timeout,
 * plus the batching window, so that a batch whose invocation was throttled or retried is not
 * delivered a second time while the first is still running.
 */
export function visibilityTimeoutSeconds(functionTimeoutSeconds: number, batchingWindowSeconds: number): number {
  return 6 * functionTimeoutSeconds + batchingWindowSeconds;
}

export const WORK_QUEUE = {
  maxMessageSizeBytes: MAX_MESSAGE_BYTES,
  messageRetentionSeconds: MESSAGE_RETENTION_SECONDS,
  visibilityTimeoutSeconds: visibilityTimeoutSeconds(FUNCTIONS.worker.timeoutSeconds, WORKER_EVENT_SOURCE.maximumBatchingWindowSeconds),
  /**
   * Receives before a message is parked in the DLQ. Transitions commit with conditional writes,
   * so a repeated delivery is harmless and transient failures (throttling, a crashed worker)
   * deserve several tries; a message that fails this often is a bug to look at, not to retry.
   */
  maxReceiveCount: 10,
  /** Encrypted with SQS-owned keys: free, and senders (Scheduler included) need no KMS permission. */
  sqsManagedSseEnabled: true,
} as const;

export const DEAD_LETTER_QUEUE = {
  maxMessageSizeBytes: MAX_MESSAGE_BYTES,
  // A moved message keeps its original enqueue time, so the DLQ must keep messages at least as long.
  messageRetentionSeconds: MESSAGE_RETENTION_SECONDS,
  sqsManagedSseEnabled: true,
} as const;

/** The queue's redrive policy as SQS wants it: a JSON string. */
export function redrivePolicy(deadLetterQueueArn: string): string {
  return JSON.stringify({ deadLetterTargetArn: deadLetterQueueArn, maxReceiveCount: WORK_QUEUE.maxReceiveCount });
}
