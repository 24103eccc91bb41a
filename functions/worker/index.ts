/**
 * The worker function: the durable runtime fed by the work queue (SQS event source with
 * `ReportBatchItemFailures`). Each record is one hop of one branch of one execution.
 */
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { processMessage } from '../../core/runtime/durable/worker.ts';
import { BackgroundWork } from '../background-work.ts';
import { readWorkerConfig } from '../config.ts';
import { logFailure } from '../log-failure.ts';
import type { FunctionRuntime } from '../runtime.ts';
import { prepareRuntime } from '../runtime.ts';
import { handleBatch } from './batch.ts';
import { recordAction } from './sqs-record.ts';

const { telemetry, runtime } = prepareRuntime(readWorkerConfig());

/**
 * Records are handled concurrently: a hop is mostly waiting on DynamoDB and SQS, and the records
 * of a batch are independent (when two belong to the same branch, the conditional write makes
 * one re-read and step again, as it does across worker instances), so handling them one after
 * the other would add up their latencies on a function billed by the millisecond. The bound
 * is the event source's batch size, so a larger batch configured later cannot open an
 * unbounded number of connections.
 */
const CONCURRENT_RECORDS = 10;

/** Enough of an unreadable body to recognise it in the logs; it is acknowledged, so this is the only trace of it. */
const LOGGED_BODY_CHARS = 1024;

export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  telemetry.appendKeys({ awsRequestId: context.awsRequestId });
  try {
    // A runtime that cannot be built fails the whole invocation: nothing was handled, so SQS delivers all of it again.
    const built = await runtime();
    return await handleBatch(
      event.Records,
      (record) =>
        handleRecord(record, built).catch((error: unknown) => {
          logFailure(telemetry.log.logger, 'Work message failed; SQS will deliver it again', error, { messageId: record.messageId });
          throw error;
        }),
      CONCURRENT_RECORDS,
    );
  } finally {
    telemetry.flush();
  }
}

async function handleRecord(record: SQSRecord, { deps }: FunctionRuntime): Promise<void> {
  const action = recordAction(record.body, deps.clock.now());
  switch (action.kind) {
    case 'discard':
      telemetry.log.logger.error('Work message discarded: it is not one this runtime can process', {
        messageId: record.messageId,
        reason: action.reason,
        body: record.body.slice(0, LOGGED_BODY_CHARS),
      });
      return;
    case 'redelay':
      await deps.queue.send([{ message: action.message, delaySeconds: action.delaySeconds }]);
      return;
    case 'process': {
      // Task work this message starts belongs to this record: if it fails (its result never
      // queued), the record is delivered again, and the redelivery re-sends the committed
      // step's effects, the task included.
      const work = new BackgroundWork();
      const processed = await processMessage(action.message, { ...deps, track: work.track }).then(
        () => ({ ok: true as const }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      const [workFailure] = await work.settle();
      if (!processed.ok) throw processed.error;
      if (workFailure !== undefined) throw workFailure;
    }
  }
}
