import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { WorkQueue } from '../../../ports.ts';
import type { WorkMessage } from '../../../runtime/records.ts';
import { groupIntoBatches } from './batches.ts';
import type { BatchEntry } from './batches.ts';
import { SqsRequestCounter } from './request-counter.ts';
import type { SqsRequestCounts } from './request-counter.ts';
import { SendMessageBatchError } from './send-message-batch-error.ts';
import type { FailedEntry } from './send-message-batch-error.ts';
import { bodyBytes, encodeWorkMessage } from './work-message-body.ts';

export interface SqsWorkQueueOptions {
  readonly client: SQSClient;
  readonly queueUrl: string;
  /** Times an entry is sent while SQS lists it as `Failed`, the first included (default 4). */
  readonly failedEntryAttempts?: number;
  /** SendMessageBatch requests in flight at once for one `send` (default 4). */
  readonly concurrency?: number;
  /** Shared with other queues to total their requests; each queue has its own otherwise. */
  readonly counter?: SqsRequestCounter;
}

/**
 * The work queue on an SQS standard queue. `send` resolves only when SQS has accepted every
 * message: a worker acknowledges its incoming message after `send`, so an error here leaves
 * that message to be redelivered, and its outbox (these messages) to be sent again.
 */
export class SqsWorkQueue implements WorkQueue {
  private readonly client: SQSClient;
  private readonly queueUrl: string;
  private readonly failedEntryAttempts: number;
  private readonly concurrency: number;
  private readonly counter: SqsRequestCounter;

  constructor(options: SqsWorkQueueOptions) {
    this.client = options.client;
    this.queueUrl = options.queueUrl;
    this.failedEntryAttempts = Math.max(1, options.failedEntryAttempts ?? 4);
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.counter = options.counter ?? new SqsRequestCounter();
  }

  async send(messages: readonly { readonly message: WorkMessage; readonly delaySeconds?: number }[]): Promise<void> {
    const entries = messages.map(({ message, delaySeconds }, index): BatchEntry => {
      const body = encodeWorkMessage(message);
      return { Id: `m${index}`, MessageBody: body, DelaySeconds: delaySeconds ?? 0, bytes: bodyBytes(body), key: message.key };
    });
    const batches = groupIntoBatches(entries);
    const errors: unknown[] = [];
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        // One batch failing does not stop the others: fewer messages are left to re-send.
        try {
          await this.sendBatch(batch);
        } catch (error) {
          errors.push(error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, batches.length) }, lane));
    if (errors.length > 0) throw errors[0];
  }

  /** What this queue's requests have cost so far. */
  requestCounts(): SqsRequestCounts {
    return this.counter.snapshot();
  }

  private async sendBatch(batch: readonly BatchEntry[]): Promise<void> {
    let pending = batch;
    for (let attempt = 1; ; attempt++) {
      const failed = await this.sendOnce(pending);
      if (failed.length === 0) return;
      if (attempt >= this.failedEntryAttempts) throw new SendMessageBatchError(failed, attempt);
      await backoff(attempt);
      const retry = new Set(failed.map((entry) => entry.Id));
      pending = pending.filter((entry) => retry.has(entry.Id));
    }
  }

  /** Sends one request; returns the entries SQS did not accept. */
  private async sendOnce(entries: readonly BatchEntry[]): Promise<FailedEntry[]> {
    const payloadBytes = entries.reduce((sum, entry) => sum + entry.bytes, 0);
    const command = new SendMessageBatchCommand({
      QueueUrl: this.queueUrl,
      Entries: entries.map(({ Id, MessageBody, DelaySeconds }) => ({ Id, MessageBody, DelaySeconds })),
    });
    let output;
    try {
      output = await this.client.send(command);
    } catch (error) {
      this.counter.recordSendMessageBatch(attemptsOf(error), entries.length, payloadBytes);
      throw error;
    }
    this.counter.recordSendMessageBatch(output.$metadata.attempts ?? 1, entries.length, payloadBytes);
    const accepted = new Set((output.Successful ?? []).map((entry) => entry.Id));
    const reported = new Map((output.Failed ?? []).map((entry) => [entry.Id, entry]));
    // An entry SQS lists under neither is treated as failed: re-sending risks a duplicate,
    // which the runtime tolerates; assuming success risks losing the message.
    return entries
      .filter((entry) => !accepted.has(entry.Id))
      .map((entry) => {
        const failure = reported.get(entry.Id);
        return {
          Id: entry.Id,
          Code: failure?.Code ?? 'MissingFromResponse',
          ...(failure?.Message === undefined ? {} : { Message: failure.Message }),
          SenderFault: isTrue(failure?.SenderFault),
          key: entry.key,
        };
      });
  }
}

/** SQS sends a boolean; some SQS-compatible endpoints (moto) send the text "true". */
function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

function attemptsOf(error: unknown): number {
  const attempts = (error as { $metadata?: { attempts?: unknown } } | null)?.$metadata?.attempts;
  return typeof attempts === 'number' && attempts > 0 ? attempts : 1;
}

/** Jittered exponential back-off between re-sends of failed entries: 50 ms doubling, at most 1 s. */
function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(1_000, 50 * 2 ** (attempt - 1));
  return new Promise((resolve) => setTimeout(resolve, ceiling / 2 + (Math.random() * ceiling) / 2));
}
