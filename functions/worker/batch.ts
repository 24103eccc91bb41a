/**
 * A batch of SQS records handled under `ReportBatchItemFailures`: the records whose handling
 * threw are reported, and SQS delivers only those again; the others are deleted.
 */
import type { SQSBatchResponse } from 'aws-lambda';

export async function handleBatch<R extends { readonly messageId: string }>(
  records: readonly R[],
  handle: (record: R) => Promise<void>,
  concurrency: number,
): Promise<SQSBatchResponse> {
  const failed = new Set<string>();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < records.length) {
      const record = records[next++]!;
      try {
        await handle(record);
      } catch {
        failed.add(record.messageId);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, records.length)) }, lane));
  // In the batch's order, so that a reader of the response sees the records as SQS listed them.
  return { batchItemFailures: records.filter((record) => failed.has(record.messageId)).map((record) => ({ itemIdentifier: record.messageId })) };
}
