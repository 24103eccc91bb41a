import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildResult, JoinRecord } from '../../../core/runtime/records.ts';
import { DynamoDbStore } from '../../../core/adapters/aws/dynamodb/store.ts';
import type { Fixture } from './fixture.ts';
import { execution, incompressible, startFixture, stateMachine } from './fixture.ts';

let fx: Fixture;
before(async () => {
  fx = await startFixture();
});
after(async () => {
  await fx?.close();
});

const executionArn = execution(stateMachine('Fan'), 'fan').executionArn;

function join(joinSeq: number, children: number, overrides: Partial<JoinRecord> = {}): JoinRecord {
  return {
    executionArn,
    parentBranchId: 'root',
    joinSeq,
    stateType: 'Map',
    children: Array.from({ length: children }, (_, index) => ({ scope: '/Each', input: { index }, mapItem: { index, value: index, mapState: 'Each' } })),
    parentEventId: 5,
    maxConcurrency: 0,
    ...overrides,
  };
}

function succeeded(index: number, output: ChildResult['output'] = { index }): ChildResult {
  return { index, status: 'SUCCEEDED', at: 1_000 + index, eventCount: 3, output };
}

function failed(index: number, at: number, error: string, cause?: string): ChildResult {
  return { index, status: 'FAILED', at, eventCount: 4, error, ...(cause === undefined ? {} : { cause }) };
}

describe('joins', () => {
  it('records a join once: a second put changes nothing', async () => {
    const first = join(1, 3, { toleratedFailureCount: 1, variables: { x: 1 } });
    await fx.store.putJoin(first);
    await fx.store.putJoin(join(1, 9));
    assert.deepEqual(await fx.store.getJoin(executionArn, 'root', 1), first);
    // Read by a store that has not cached it.
    const fresh = new DynamoDbStore({ client: fx.client, tableName: fx.tableName });
    assert.deepEqual(await fresh.getJoin(executionArn, 'root', 1), first);
    assert.equal(await fresh.getJoin(executionArn, 'root', 99), undefined);
  });

  it('keeps a join whose children hold 1 MB of items that do not compress', async () => {
    const items = Array.from({ length: 4 }, (_, index) => ({ scope: '/Each', input: incompressible(256 * 1024) as string, mapItem: { index, value: index, mapState: 'Each' } }));
    const big = join(2, 0, { children: items });
    await fx.store.putJoin(big);
    const fresh = new DynamoDbStore({ client: fx.client, tableName: fx.tableName });
    assert.deepEqual(await fresh.getJoin(executionArn, 'root', 2), big);
  });

  it('counts each child once, and answers a repeat with the counters and duplicate: true', async () => {
    await fx.store.putJoin(join(3, 3));
    assert.deepEqual(await fx.store.recordChildResult(executionArn, 'root', 3, succeeded(1)), { counters: { succeeded: 1, failed: 0 }, duplicate: false });
    assert.deepEqual(await fx.store.recordChildResult(executionArn, 'root', 3, succeeded(1, 'different')), { counters: { succeeded: 1, failed: 0 }, duplicate: true });
    const failure = failed(0, 2_000, 'Oops', 'first');
    assert.deepEqual(await fx.store.recordChildResult(executionArn, 'root', 3, failure), {
      counters: { succeeded: 1, failed: 1, firstFailure: { error: 'Oops', cause: 'first' } },
      duplicate: false,
    });
    // A failure that happened later leaves the first one in place.
    assert.deepEqual(await fx.store.recordChildResult(executionArn, 'root', 3, failed(2, 3_000, 'Later')), {
      counters: { succeeded: 1, failed: 2, firstFailure: { error: 'Oops', cause: 'first' } },
      duplicate: false,
    });
    assert.deepEqual(await fx.store.getChildResults(executionArn, 'root', 3), [failure, succeeded(1), failed(2, 3_000, 'Later')]);
  });

  it('reports the failure that happened first, whatever order the results arrive in', async () => {
    await fx.store.putJoin(join(7, 3));
    await fx.store.recordChildResult(executionArn, 'root', 7, failed(2, 5_000, 'Late'));
    const answer = await fx.store.recordChildResult(executionArn, 'root', 7, failed(0, 4_000, 'Early'));
    assert.deepEqual(answer.counters, { succeeded: 0, failed: 2, firstFailure: { error: 'Early' } });
  });

  it('counts exactly once under 50 concurrent reports of 10 children, duplicates included', async () => {
    await fx.store.putJoin(join(4, 10));
    // Each child reported five times, from five "workers" (stores with their own caches), at once.
    const workers = Array.from({ length: 5 }, () => new DynamoDbStore({ client: fx.client, tableName: fx.tableName }));
    const calls = Array.from({ length: 50 }, (_, n) => {
      const index = n % 10;
      const result: ChildResult = index % 4 === 3 ? failed(index, 2_000 + index, `E${index}`, `child ${index}`) : succeeded(index);
      return workers[n % 5]!.recordChildResult(executionArn, 'root', 4, result);
    });
    const answers = await Promise.all(calls);
    assert.equal(answers.filter((answer) => !answer.duplicate).length, 10);
    assert.equal(answers.filter((answer) => answer.duplicate).length, 40);
    // Every answer includes at least its own child; exactly one first answer sees all ten.
    const totals = answers.map((answer) => answer.counters.succeeded + answer.counters.failed);
    assert.ok(totals.every((total) => total >= 1 && total <= 10));
    const final = await fx.store.recordChildResult(executionArn, 'root', 4, succeeded(0));
    assert.equal(final.duplicate, true);
    assert.equal(final.counters.succeeded, 8);
    assert.equal(final.counters.failed, 2);
    assert.equal(final.counters.firstFailure?.error, 'E3');
    const results = await fx.store.getChildResults(executionArn, 'root', 4);
    assert.deepEqual(results.map((result) => result.index), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('returns child outputs of 256 KiB in index order', async () => {
    await fx.store.putJoin(join(5, 3));
    const outputs = [incompressible(256 * 1024), { small: true }, incompressible(200 * 1024)];
    for (const index of [2, 0, 1]) await fx.store.recordChildResult(executionArn, 'root', 5, succeeded(index, outputs[index]!));
    assert.deepEqual(await fx.store.getChildResults(executionArn, 'root', 5), outputs.map((output, index) => succeeded(index, output)));
  });

  it('returns no results and zero counters for a join nobody reported to', async () => {
    assert.deepEqual(await fx.store.getChildResults(executionArn, 'root', 77), []);
  });
});
