/** Where the idempotency key goes, and in what form. Pure. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillToken, idempotencyToken, isFifo, lambdaClientContext } from '../../../core/adapters/aws/tasks/idempotency.ts';

const KEY = 'arn:aws:states:us-east-1:123456789012:execution:order-flow:run-1#0#3';

describe('idempotency', () => {
  it('the token is stable, UUID-shaped (fits the 36-character token fields) and differs per key', () => {
    assert.equal(idempotencyToken(KEY), idempotencyToken(KEY));
    assert.match(idempotencyToken(KEY), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.notEqual(idempotencyToken(KEY), idempotencyToken(`${KEY}x`));
  });

  it('the Lambda ClientContext carries the key in custom', () => {
    assert.deepEqual(JSON.parse(Buffer.from(lambdaClientContext(KEY), 'base64').toString('utf8')), { custom: { idempotencyKey: KEY } });
  });

  it('FIFO queues and topics end in .fifo', () => {
    assert.equal(isFifo('https://sqs.us-east-1.amazonaws.com/123456789012/q.fifo'), true);
    assert.equal(isFifo('arn:aws:sns:us-east-1:123456789012:t.fifo'), true);
    assert.equal(isFifo('arn:aws:sns:us-east-1:123456789012:t'), false);
    assert.equal(isFifo(undefined), false);
  });

  it('fills a token only where the Task set none', () => {
    const input: Record<string, unknown> = { ClientToken: 'mine' };
    fillToken(input, 'ClientToken', KEY);
    fillToken(input, 'MessageDeduplicationId', KEY);
    assert.deepEqual(input, { ClientToken: 'mine', MessageDeduplicationId: idempotencyToken(KEY) });
  });
});
