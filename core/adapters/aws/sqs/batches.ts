import { MAX_BATCH_BYTES, MAX_BATCH_ENTRIES, MAX_DELAY_SECONDS, MAX_MESSAGE_BYTES } from './limits.ts';

/** One SendMessageBatch entry, ready to send. */
export interface BatchEntry {
  /** Unique within its batch: letters, digits, `-` and `_`, at most 80 characters. */
  readonly Id: string;
  readonly MessageBody: string;
  readonly DelaySeconds: number;
  /** UTF-8 size of MessageBody. */
  readonly bytes: number;
  /** The WorkMessage's key, to name the message in errors. */
  readonly key: string;
}

/**
 * Splits entries, in order, into SendMessageBatch requests within SQS's limits: at most 10
 * entries and 1 MiB of bodies each. Refuses, before anything is sent, a message SQS would
 * refuse on its own (too large, or a delay outside 0..900 s), so that no part of the
 * messages goes out when the whole cannot.
 */
export function groupIntoBatches(entries: readonly BatchEntry[]): BatchEntry[][] {
  const batches: BatchEntry[][] = [];
  let current: BatchEntry[] = [];
  let currentBytes = 0;
  for (const entry of entries) {
    if (entry.bytes > MAX_MESSAGE_BYTES) {
      throw new RangeError(`work message ${entry.key} is ${entry.bytes} bytes: SQS accepts at most ${MAX_MESSAGE_BYTES} bytes per message`);
    }
    if (!Number.isInteger(entry.DelaySeconds) || entry.DelaySeconds < 0 || entry.DelaySeconds > MAX_DELAY_SECONDS) {
      throw new RangeError(`work message ${entry.key} has DelaySeconds ${entry.DelaySeconds}: SQS accepts whole seconds from 0 to ${MAX_DELAY_SECONDS}`);
    }
    if (current.length === MAX_BATCH_ENTRIES || currentBytes + entry.bytes > MAX_BATCH_BYTES) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(entry);
    currentBytes += entry.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
