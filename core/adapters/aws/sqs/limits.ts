/** SQS quotas the queue adapter keeps to (standard queues). */

/** Entries in one SendMessageBatch request. */
export const MAX_BATCH_ENTRIES = 10;

/** One message body, and the sum of the bodies in one batch, in UTF-8 bytes (1 MiB). */
export const MAX_MESSAGE_BYTES = 1_048_576;
export const MAX_BATCH_BYTES = 1_048_576;

/** DelaySeconds on a message: 0 to 15 minutes. */
export const MAX_DELAY_SECONDS = 900;

/** SQS bills each 64 KB chunk of a request's payload as one request. */
export const BILLED_CHUNK_BYTES = 65_536;
