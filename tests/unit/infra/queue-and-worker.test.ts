import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_MESSAGE_BYTES as RUNTIME_MAX_MESSAGE_BYTES } from '../../../core/adapters/aws/sqs/limits.ts';
import { FUNCTION_NAMES } from '../../../functions/config.ts';
import { ARCHITECTURE, BUNDLE, FUNCTIONS, RUNTIME, WORKER_EVENT_SOURCE } from '../../../infra/spec/functions.ts';
import { DEAD_LETTER_QUEUE, redrivePolicy, visibilityTimeoutSeconds, WORK_QUEUE } from '../../../infra/spec/queues.ts';

describe('infra: work queue', () => {
  it('keeps a message invisible for at least 6 times the worker timeout plus the batching window', () => {
    assert.ok(WORK_QUEUE.visibilityTimeoutSeconds >= 6 * FUNCTIONS.worker.timeoutSeconds + WORKER_EVENT_SOURCE.maximumBatchingWindowSeconds);
    assert.equal(visibilityTimeoutSeconds(300, 5), 1805);
  });

  it('stays within SQS limits', () => {
    assert.ok(WORK_QUEUE.visibilityTimeoutSeconds <= 43_200, 'SQS allows at most 12 hours');
    assert.ok(WORK_QUEUE.messageRetentionSeconds <= 1_209_600);
  });

  it('moves a message to the DLQ after several receives, not the first or second', () => {
    assert.ok(WORK_QUEUE.maxReceiveCount >= 5 && WORK_QUEUE.maxReceiveCount <= 20, `maxReceiveCount ${WORK_QUEUE.maxReceiveCount}`);
    assert.deepEqual(JSON.parse(redrivePolicy('arn:aws:sqs:us-east-1:123456789012:dlq')), {
      deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq',
      maxReceiveCount: WORK_QUEUE.maxReceiveCount,
    });
  });

  it('accepts 1 MiB messages, the size the runtime sends up to', () => {
    assert.equal(WORK_QUEUE.maxMessageSizeBytes, 1_048_576);
    assert.equal(WORK_QUEUE.maxMessageSizeBytes, RUNTIME_MAX_MESSAGE_BYTES);
    assert.equal(DEAD_LETTER_QUEUE.maxMessageSizeBytes, WORK_QUEUE.maxMessageSizeBytes);
  });

  it('keeps dead letters at least as long as the queue keeps messages', () => {
    assert.ok(DEAD_LETTER_QUEUE.messageRetentionSeconds >= WORK_QUEUE.messageRetentionSeconds);
  });

  it('holds a timer message for the longest SQS delay with days to spare', () => {
    assert.ok(WORK_QUEUE.messageRetentionSeconds >= 4 * 86_400);
  });
});

describe('infra: worker event source', () => {
  it('takes batches of at most 10 and reports failed items one by one', () => {
    assert.ok(WORKER_EVENT_SOURCE.batchSize >= 1 && WORKER_EVENT_SOURCE.batchSize <= 10);
    assert.deepEqual([...WORKER_EVENT_SOURCE.functionResponseTypes], ['ReportBatchItemFailures']);
  });

  it('uses a batching window only within what Lambda allows', () => {
    assert.ok(WORKER_EVENT_SOURCE.maximumBatchingWindowSeconds >= 0 && WORKER_EVENT_SOURCE.maximumBatchingWindowSeconds <= 300);
  });

  it("caps the worker's concurrency within Lambda's range for SQS", () => {
    assert.ok(WORKER_EVENT_SOURCE.maximumConcurrency >= 2 && WORKER_EVENT_SOURCE.maximumConcurrency <= 1000);
  });
});

describe('infra: functions', () => {
  it('run on Node.js 22 on arm64', () => {
    assert.equal(RUNTIME, 'nodejs22.x');
    assert.equal(ARCHITECTURE, 'arm64');
  });

  it('are bundled for the runtime they run on, as ES modules', () => {
    assert.equal(BUNDLE.target, `node${RUNTIME.match(/^nodejs(\d+)\.x$/)![1]}`);
    assert.equal(BUNDLE.format, 'esm');
    assert.equal(BUNDLE.platform, 'node');
  });

  it('point at functions/<name>/index.ts and its handler export', () => {
    for (const fn of FUNCTION_NAMES) {
      assert.equal(FUNCTIONS[fn].entry, `functions/${fn}/index.ts`);
      assert.equal(FUNCTIONS[fn].handler, `functions/${fn}/index.handler`);
    }
  });

  it('stay within Lambda limits, and the api within API Gateway’s 30-second integration timeout', () => {
    for (const fn of FUNCTION_NAMES) {
      assert.ok(FUNCTIONS[fn].timeoutSeconds >= 1 && FUNCTIONS[fn].timeoutSeconds <= 900, fn);
      assert.ok(FUNCTIONS[fn].memoryMb >= 128 && FUNCTIONS[fn].memoryMb <= 10_240, fn);
    }
    assert.ok(FUNCTIONS.api.timeoutSeconds <= 30);
  });

  it('give the worker time for a whole Express execution (5 minutes), which it runs for StartExecution', () => {
    assert.ok(FUNCTIONS.worker.timeoutSeconds > 300);
  });
});
