/** The work queue on SQS, the message body format it shares with the timers, and early arrivals. */
export { SqsWorkQueue } from './sqs-work-queue.ts';
export type { SqsWorkQueueOptions } from './sqs-work-queue.ts';
export { SendMessageBatchError } from './send-message-batch-error.ts';
export type { FailedEntry } from './send-message-batch-error.ts';
export { SqsRequestCounter } from './request-counter.ts';
export type { SqsRequestCounts } from './request-counter.ts';
export { decodeWorkMessage, encodeWorkMessage, bodyBytes, WORK_MESSAGE_FORMAT } from './work-message-body.ts';
export type { DecodedBody } from './work-message-body.ts';
export { earlyArrival, EARLY_TOLERANCE_MS } from './early-arrival.ts';
export type { Arrival } from './early-arrival.ts';
export { MAX_BATCH_BYTES, MAX_BATCH_ENTRIES, MAX_DELAY_SECONDS, MAX_MESSAGE_BYTES } from './limits.ts';
