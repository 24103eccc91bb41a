/** One entry SQS reported in a SendMessageBatch response's `Failed` list. */
export interface FailedEntry {
  readonly Id: string;
  readonly Code: string;
  readonly Message?: string;
  readonly SenderFault: boolean;
  /** The WorkMessage's key. */
  readonly key: string;
}

/**
 * Entries SQS still refused after the retries. Thrown so that the worker does not acknowledge
 * the message being handled: its redelivery re-sends the outbox, these messages included.
 */
export class SendMessageBatchError extends Error {
  override readonly name: string = 'SendMessageBatchError';

  constructor(
    readonly failed: readonly FailedEntry[],
    readonly attempts: number,
  ) {
    const first = failed[0];
    const detail = first === undefined ? 'no details' : `${first.Code}${first.Message ? `: ${first.Message}` : ''} (message ${first.key})`;
    const codes = [...new Set(failed.map((entry) => entry.Code))].join(', ');
    super(`SendMessageBatch failed for ${failed.length} message(s) after ${attempts} attempt(s) [${codes}]: ${detail}`);
  }
}
