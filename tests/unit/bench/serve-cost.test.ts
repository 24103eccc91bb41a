// The serve bench's pricing rests on these: DynamoDB's item-size rules, the capacity estimate
// built on them, and the dollar arithmetic. Hand-computed examples, so a wrong rule shows here
// rather than as a plausible-looking number in a bench report.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CapacityEstimator, indexWriteUnits, type TableShape } from '../../bench/serve/capacity-estimator.ts';
import { PortCounts } from '../../bench/serve/counting-ports.ts';
import { itemBytes, numberBytes, readUnitsFor, valueBytes, writeUnitsFor } from '../../bench/serve/item-size.ts';
import { itemKind } from '../../bench/serve/item-kinds.ts';
import { costPerMillionTransitions, DEFAULT_ASSUMPTIONS, lambdaGbSecondsPerMessage } from '../../bench/serve/pricing.ts';
import { percentile } from '../../bench/serve/stats.ts';
import { applyUpdate } from '../../bench/serve/update-expression.ts';
import type { WorkMessage } from '../../../core/runtime/records.ts';

const text = (bytes: number): string => 'x'.repeat(bytes);

describe('serve bench: DynamoDB item sizes', () => {
  it('counts attribute names plus values', () => {
    // pk(2) + 'X#a'(3) + sk(2) + 'M'(1) + n(1) + 12345 (5 digits → 3 + 1)
    assert.equal(itemBytes({ pk: 'X#a', sk: 'M', n: 12345 }), 13);
    // UTF-8 bytes, not characters: 'é' is 2 bytes
    assert.equal(itemBytes({ s: 'é' }), 3);
    // binary by raw length; booleans and null 1 byte; undefined is not stored
    assert.equal(itemBytes({ b: new Uint8Array(10), f: false, z: null, u: undefined }), 11 + 2 + 2);
  });

  it('sizes numbers by significant digits, zeros trimmed', () => {
    assert.equal(numberBytes(0), 1);
    assert.equal(numberBytes(7), 2);
    assert.equal(numberBytes(100), 2); // '1'
    assert.equal(numberBytes(-1.5), 2); // '15'
    assert.equal(numberBytes(0.000123), 3); // '123'
    assert.equal(numberBytes(1e21), 2); // '1e+21' → '1'
    assert.equal(numberBytes(1234567), 5); // 7 digits → 4 + 1
  });

  it('adds 3 bytes per list or map and 1 per element', () => {
    // m(1) + map 3 + [1 + a(1) + 'xy'(2)] + [1 + b(1) + true(1)]
    assert.equal(itemBytes({ m: { a: 'xy', b: true } }), 11);
    // l(1) + list 3 + [1 + 1 (2 bytes)] + [1 + 'ab'(2)]
    assert.equal(itemBytes({ l: [1, 'ab'] }), 10);
    assert.equal(valueBytes([]), 3);
    assert.equal(valueBytes(new Set(['ab', 'c'])), 3);
  });

  it('rounds writes up per KB (doubled in transactions) and reads per 4 KB', () => {
    assert.equal(writeUnitsFor(0, false), 1);
    assert.equal(writeUnitsFor(1024, false), 1);
    assert.equal(writeUnitsFor(1025, false), 2);
    assert.equal(writeUnitsFor(1025, true), 4);
    assert.equal(readUnitsFor(0, true), 1);
    assert.equal(readUnitsFor(4096, true), 1);
    assert.equal(readUnitsFor(4097, true), 2);
    assert.equal(readUnitsFor(4097, false), 1);
  });
});

describe('serve bench: update expressions', () => {
  it('applies SET with names and values, arithmetic, if_not_exists, ADD and REMOVE', () => {
    const before = { pk: 'p', sk: 's', nextEventId: 4, status: 'RUNNING', old: 'x', n: 1 };
    const after = applyUpdate(before, 'SET #next = :next, #status = :status, total = n + :one, f = if_not_exists(f, :f) ADD c :one REMOVE old', {
      '#next': 'nextEventId',
      '#status': 'status',
    }, { ':next': 7, ':status': 'SUCCEEDED', ':one': 1, ':f': 'first' });
    assert.deepEqual(after, { pk: 'p', sk: 's', nextEventId: 7, status: 'SUCCEEDED', n: 1, total: 2, f: 'first', c: 1 });
    // if_not_exists keeps what is there; ADD adds to it
    assert.deepEqual(applyUpdate({ f: 'kept', c: 2 }, 'ADD c :one SET f = if_not_exists(f, :f)', {}, { ':one': 1, ':f': 'new' }), { f: 'kept', c: 3 });
  });
});

describe('serve bench: capacity estimate', () => {
  const shape: TableShape = { keys: ['pk', 'sk'], indexes: [{ name: 'by-status', keys: ['st', 'lk'], projection: 'KEYS_ONLY' }] };
  const ok = { $metadata: {} };

  it('charges 2 units per started KB per item inside a transaction, ConditionCheck by the existing item', () => {
    const estimator = new CapacityEstimator(shape);
    estimator.record('PutItem', { Item: { pk: 'a', sk: 'b', v: text(300) } }, ok, 1); // 1 WU, the item is now known
    estimator.record(
      'TransactWriteItems',
      {
        TransactItems: [
          { Put: { Item: { pk: 'c', sk: 'd', v: text(1500) } } }, // pk(2)+c(1)+sk(2)+d(1)+v(1)+1,500 = 1,507 bytes → 2 KB → 4 WU
          { ConditionCheck: { Key: { pk: 'a', sk: 'b' }, ConditionExpression: 'attribute_exists(pk)' } }, // 307 bytes → 1 KB → 2 WU
        ],
      },
      ok,
      1,
    );
    const snapshot = estimator.snapshot();
    assert.equal(snapshot.operations['TransactWriteItems']!.writeUnits, 6);
    assert.equal(snapshot.total.writeUnits, 7);
    assert.deepEqual(snapshot.items['c'], { writes: 1, writeUnits: 4, bytes: 1507 });
  });

  it('charges an update by the larger of the item before and after', () => {
    const estimator = new CapacityEstimator(shape);
    estimator.record('PutItem', { Item: { pk: 'a', sk: 'b', big: text(2000) } }, ok, 1); // 2 WU
    estimator.record('UpdateItem', { Key: { pk: 'a', sk: 'b' }, UpdateExpression: 'REMOVE big SET small = :s', ExpressionAttributeValues: { ':s': 'x' } }, ok, 1);
    assert.equal(estimator.snapshot().operations['UpdateItem']!.writeUnits, 2); // before: 2,009 bytes → 2 WU, though the item after is small
    estimator.record('UpdateItem', { Key: { pk: 'a', sk: 'b' }, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': 1 } }, ok, 1);
    assert.equal(estimator.snapshot().operations['UpdateItem']!.writeUnits, 3); // now small: +1
  });

  it('bills a refused conditional write by the existing item and leaves the shadow as it was', () => {
    const estimator = new CapacityEstimator(shape);
    estimator.record('PutItem', { Item: { pk: 'a', sk: 'b', v: text(3000) } }, ok, 1); // 3 WU
    estimator.record('PutItem', { Item: { pk: 'a', sk: 'b' }, ConditionExpression: 'attribute_not_exists(pk)' }, undefined, 1); // refused: 3 WU
    estimator.record('GetItem', { Key: { pk: 'a', sk: 'b' }, ConsistentRead: true }, { Item: { pk: 'a', sk: 'b', v: text(3000) } }, 1);
    const snapshot = estimator.snapshot();
    assert.deepEqual(snapshot.operations['PutItem'], { requests: 2, failed: 1, readUnits: 0, writeUnits: 6, indexWriteUnits: 0 });
    assert.equal(snapshot.operations['GetItem']!.readUnits, 1);
  });

  it('reads: a missing item costs one unit, a query its items together per 4 KB', () => {
    const estimator = new CapacityEstimator(shape);
    estimator.record('GetItem', { Key: { pk: 'x', sk: 'y' }, ConsistentRead: true }, {}, 1);
    const items = [1, 2, 3].map((n) => ({ pk: 'q', sk: String(n), v: text(1995) })); // 2,002 bytes each
    estimator.record('Query', { KeyConditionExpression: 'pk = :pk', ConsistentRead: true }, { Items: items }, 1);
    const snapshot = estimator.snapshot();
    assert.equal(snapshot.operations['GetItem']!.readUnits, 1);
    assert.equal(snapshot.operations['Query']!.readUnits, 2); // 6,006 bytes → 2 × 4 KB
  });

  it('writes index entries when an item enters, moves within or leaves an index', () => {
    const index = shape.indexes[0]!;
    const running = { pk: 'a', sk: 'b', st: 'RUNNING', lk: '1', other: 'x' };
    assert.equal(indexWriteUnits(index, shape.keys, undefined, running), 1);
    assert.equal(indexWriteUnits(index, shape.keys, running, { ...running, other: 'changed' }), 0); // not projected
    assert.equal(indexWriteUnits(index, shape.keys, running, { ...running, st: 'SUCCEEDED' }), 2); // delete + put
    assert.equal(indexWriteUnits(index, shape.keys, running, undefined), 1);
    assert.equal(indexWriteUnits(index, shape.keys, { pk: 'a', sk: 'b' }, { pk: 'a', sk: 'c' }), 0);
  });

  it('names the store\'s items by their keys', () => {
    assert.equal(itemKind({ pk: 'X#arn', sk: 'M' }), 'execution META');
    assert.equal(itemKind({ pk: 'X#arn', sk: 'M#input#000' }), 'execution META input part');
    assert.equal(itemKind({ pk: 'J#arn#root#2', sk: 'R#0000000001' }), 'child result');
    assert.equal(itemKind({ pk: 'J#arn#root#2', sk: 'J' }), 'join');
    assert.equal(itemKind({ pk: 'B#arn', sk: 'root/1/0#0000000002' }), 'step');
    assert.equal(itemKind({ pk: 'B#arn', sk: '~root#0000000002#001' }), 'step body part');
  });
});

describe('serve bench: pricing', () => {
  it('prices usage per transition in dollars per million transitions', () => {
    const cost = costPerMillionTransitions({ writeUnits: 4, readUnits: 2, messages: 0.5, sendRequests: 0.25, chunksPerMessage: 1, cpuMsPerMessage: 2, schedulerInvocations: 0 });
    assert.equal(cost.dynamoDbWrites, 2.5); // 4 × $0.625
    assert.equal(cost.dynamoDbReads, 0.25); // 2 × $0.125
    // 0.25 sends + 0.5 messages × (receive + delete) / 10 per batch = 0.35 requests × $0.40
    assert.ok(Math.abs(cost.sqs - 0.14) < 1e-12);
    assert.ok(Math.abs(cost.lambdaRequests - 0.01) < 1e-12); // 0.05 invocations × $0.20
    // 10 messages × 2 ms = 20 ms per invocation → 2 ms × 0.25 GB = 0.0005 GB-s per message, × 0.5 messages
    assert.ok(Math.abs(cost.lambdaDuration - 0.00025 * 0.0000133334 * 1e6) < 1e-12);
    assert.equal(cost.scheduler, 0);
    assert.ok(Math.abs(cost.total - (2.5 + 0.25 + 0.14 + 0.01 + cost.lambdaDuration)) < 1e-12);
    const idle = costPerMillionTransitions({ writeUnits: 0, readUnits: 0, messages: 0.5, sendRequests: 0.5, chunksPerMessage: 1, cpuMsPerMessage: 0, schedulerInvocations: 1 }, { ...DEFAULT_ASSUMPTIONS, messagesPerReceive: 1 });
    assert.ok(Math.abs(idle.sqs - 0.6) < 1e-12); // 0.5 × (send + receive + delete) × $0.40
    assert.equal(idle.scheduler, 1); // one schedule per transition: $1 per million
  });

  it('rounds each invocation up to a whole millisecond', () => {
    // 10 × 0.01 ms = 0.1 ms → 1 ms per invocation → 0.1 ms per message
    assert.ok(Math.abs(lambdaGbSecondsPerMessage(0.01) - 0.0001 * 0.25) < 1e-15);
  });

  it('counts SQS requests per started 64 KB of a message', () => {
    const counts = new PortCounts();
    const message = (bytes: number) => ({ executionArn: text(bytes), branchId: 'root', event: { type: 'Start' }, key: 'k', at: 0 }) as unknown as WorkMessage;
    counts.sent([{ message: message(10) }, { message: message(70_000) }]);
    const tally = counts.snapshot();
    assert.equal(tally.messagesSent, 2);
    assert.equal(tally.sendCalls, 1);
    assert.equal(tally.sentChunks, 3);
  });

  it('takes nearest-rank percentiles', () => {
    assert.equal(percentile([5, 1, 4, 2, 3], 50), 3);
    assert.equal(percentile([5, 1, 4, 2, 3], 99), 5);
    assert.equal(percentile(Array.from({ length: 200 }, (_, i) => i + 1), 99), 198);
  });
});
