import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { groupIntoBatches } from '../../../core/adapters/aws/sqs/batches.ts';
import type { BatchEntry } from '../../../core/adapters/aws/sqs/batches.ts';

function entry(index: number, bytes: number, DelaySeconds = 0): BatchEntry {
  return { Id: `m${index}`, MessageBody: '', DelaySeconds, bytes, key: `k${index}` };
}

describe('groupIntoBatches', () => {
  it('puts at most 10 entries in a batch, in order', () => {
    const batches = groupIntoBatches(Array.from({ length: 25 }, (_, i) => entry(i, 100)));
    assert.deepEqual(
      batches.map((batch) => batch.length),
      [10, 10, 5],
    );
    assert.deepEqual(
      batches.flat().map((e) => e.Id),
      Array.from({ length: 25 }, (_, i) => `m${i}`),
    );
  });

  it('keeps each batch within 1 MiB of bodies', () => {
    const batches = groupIntoBatches([entry(0, 600_000), entry(1, 448_576), entry(2, 1), entry(3, 1_048_576)]);
    assert.deepEqual(
      batches.map((batch) => batch.map((e) => e.Id)),
      [['m0', 'm1'], ['m2'], ['m3']],
    );
  });

  it('sends nothing for no entries', () => {
    assert.deepEqual(groupIntoBatches([]), []);
  });

  it('refuses a message over 1 MiB, naming it', () => {
    assert.throws(() => groupIntoBatches([entry(0, 10), entry(1, 1_048_577)]), /work message k1 is 1048577 bytes/);
  });

  it('refuses a delay SQS would refuse', () => {
    assert.throws(() => groupIntoBatches([entry(0, 10, 901)]), /DelaySeconds 901/);
    assert.throws(() => groupIntoBatches([entry(0, 10, -1)]), /DelaySeconds -1/);
    assert.throws(() => groupIntoBatches([entry(0, 10, 1.5)]), /DelaySeconds 1.5/);
    assert.equal(groupIntoBatches([entry(0, 10, 900)]).length, 1);
  });
});
