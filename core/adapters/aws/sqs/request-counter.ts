import { BILLED_CHUNK_BYTES } from './limits.ts';

/**
 * Counts what the queue costs: SQS bills every request attempt, and a request whose payload
 * exceeds 64 KB as one request per 64 KB chunk. Attempts include the SDK's own retries.
 */
export interface SqsRequestCounts {
  /** SendMessageBatch attempts. */
  readonly sendMessageBatch: number;
  /** Entries in those attempts (a re-sent failed entry counts again). */
  readonly messages: number;
  /** Billed requests: each attempt's 64 KB chunks, at least one. */
  readonly billedRequests: number;
}

export class SqsRequestCounter {
  private counts: SqsRequestCounts = { sendMessageBatch: 0, messages: 0, billedRequests: 0 };

  recordSendMessageBatch(attempts: number, messages: number, payloadBytes: number): void {
    const chunks = Math.max(1, Math.ceil(payloadBytes / BILLED_CHUNK_BYTES));
    this.counts = {
      sendMessageBatch: this.counts.sendMessageBatch + attempts,
      messages: this.counts.messages + attempts * messages,
      billedRequests: this.counts.billedRequests + attempts * chunks,
    };
  }

  snapshot(): SqsRequestCounts {
    return this.counts;
  }
}
