import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeWorkMessage } from '../../../core/adapters/aws/sqs/index.ts';
import type { WorkMessage } from '../../../core/runtime/records.ts';
import { handleBatch } from '../../../functions/worker/batch.ts';
import { recordAction } from '../../../functions/worker/sqs-record.ts';

const NOW = Date.parse('2026-11-24T12:00:00Z');

const message: WorkMessage = {
  executionArn: 'arn:aws:states:us-east-1:111111111111:execution:orders:o-1',
  branchId: 'root',
  event: { type: 'TimerFired', seq: 2, timer: 'Wait' },
  key: 'timer:o-1|root|2|Wait',
  at: NOW,
};

describe('functions/worker: what an SQS record asks for', () => {
  it('processes a message that is due', () => {
    assert.deepEqual(recordAction(encodeWorkMessage(message), NOW), { kind: 'process', message });
    assert.deepEqual(recordAction(encodeWorkMessage({ ...message, at: NOW - 60_000 }), NOW).kind, 'process');
  });

  it('processes a message within the clock tolerance of its time', () => {
    assert.equal(recordAction(encodeWorkMessage({ ...message, at: NOW + 900 }), NOW).kind, 'process');
  });

  it('re-delays an early timer message for the rest of its wait, in whole seconds, at most 15 minutes', () => {
    assert.deepEqual(recordAction(encodeWorkMessage({ ...message, at: NOW + 4_200 }), NOW), { kind: 'redelay', message: { ...message, at: NOW + 4_200 }, delaySeconds: 5 });
    const later = recordAction(encodeWorkMessage({ ...message, at: NOW + 3_600_000 }), NOW);
    assert.equal(later.kind === 'redelay' && later.delaySeconds, 900);
  });

  it('discards, with the reason, a body that is not a work message', () => {
    for (const body of ['', 'not json', '{"format":99,"message":{}}', '{"format":1,"message":{"executionArn":""}}', '[]']) {
      const action = recordAction(body, NOW);
      assert.equal(action.kind, 'discard', body);
      assert.ok(action.kind === 'discard' && action.reason.length > 0);
    }
  });
});

describe('functions/worker: a batch under ReportBatchItemFailures', () => {
  const records = ['a', 'b', 'c', 'd', 'e'].map((messageId) => ({ messageId }));

  it('reports exactly the records that threw, in batch order, and handles each record once', async () => {
    const handled: string[] = [];
    const response = await handleBatch(
      records,
      async (record) => {
        handled.push(record.messageId);
        if (record.messageId === 'b' || record.messageId === 'd') throw new Error(`poisoned ${record.messageId}`);
      },
      10,
    );
    assert.deepEqual(response, { batchItemFailures: [{ itemIdentifier: 'b' }, { itemIdentifier: 'd' }] });
    assert.deepEqual([...handled].sort(), ['a', 'b', 'c', 'd', 'e']);
  });

  it('reports nothing when every record succeeds, and an empty batch is fine', async () => {
    assert.deepEqual(await handleBatch(records, async () => undefined, 3), { batchItemFailures: [] });
    assert.deepEqual(await handleBatch([], async () => undefined, 3), { batchItemFailures: [] });
  });

  it('keeps at most `concurrency` records in hand at once', async () => {
    let inHand = 0;
    let most = 0;
    await handleBatch(
      records,
      async () => {
        most = Math.max(most, ++inHand);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inHand--;
      },
      2,
    );
    assert.equal(most, 2);
  });
});
