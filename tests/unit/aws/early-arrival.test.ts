import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { earlyArrival } from '../../../core/adapters/aws/sqs/early-arrival.ts';

const now = 1_767_225_600_000;

describe('earlyArrival', () => {
  it('lets a message through when it is due or past due', () => {
    assert.deepEqual(earlyArrival({ at: now }, now), { early: false });
    assert.deepEqual(earlyArrival({ at: now - 60_000 }, now), { early: false });
  });

  it('lets a message through within the 1 s tolerance', () => {
    assert.deepEqual(earlyArrival({ at: now + 1_000 }, now), { early: false });
  });

  it('re-delays an early message by the remaining whole seconds, rounded up', () => {
    assert.deepEqual(earlyArrival({ at: now + 1_001 }, now), { early: true, delaySeconds: 2 });
    assert.deepEqual(earlyArrival({ at: now + 42_000 }, now), { early: true, delaySeconds: 42 });
    assert.deepEqual(earlyArrival({ at: now + 59_999 }, now), { early: true, delaySeconds: 60 });
  });

  it('caps the delay at 900 s, the longest SQS allows', () => {
    assert.deepEqual(earlyArrival({ at: now + 900_000 }, now), { early: true, delaySeconds: 900 });
    assert.deepEqual(earlyArrival({ at: now + 3_600_000 }, now), { early: true, delaySeconds: 900 });
  });

  it('takes another tolerance', () => {
    assert.deepEqual(earlyArrival({ at: now + 3_000 }, now, 5_000), { early: false });
    assert.deepEqual(earlyArrival({ at: now + 300 }, now, 0), { early: true, delaySeconds: 1 });
  });

  it('treats a time that is not a number as due', () => {
    assert.deepEqual(earlyArrival({ at: Number.NaN }, now), { early: false });
  });
});
