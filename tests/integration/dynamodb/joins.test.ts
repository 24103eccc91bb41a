import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildResult } from '../../../core/runtime/records.ts';
import { countersOf } from '../../../core/runtime/join-counters.ts';
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

function succeeded(index: number, output: ChildResult['output'] = { index }): ChildResult {
  return { index, status: 'SUCCEEDED', at: 1_000 + index, eventCount: 3, output };
}

function failed(index: number, at: number, error: string, cause?: string): ChildResult {
  return { index, status: 'FAILED', at, eventCount: 4, error, ...(cause === undefined ? {} : { cause }) };
}

describe('joins', () => {
  it('records each child once, and answers a repeat with the results and duplicate: true', async () => {
    assert.deepEqual(await fx.store.recordChildResult(executionArn, 'root', 3, succeeded(1)), { results: [succeeded(1)], duplicate: false });
    assert.deepEqual(await fx.store.recordChildResult(executionArn, 'root', 3, succeeded(1, 'different')), { results: [succeeded(1)], duplicate: true });
    const failure = failed(0, 2_000, 'Oops', 'first');
    assert.deepEqual(await fx.store.recordChildResult(executionArn, 'root', 3, failure), { results: [failure, succeeded(1)], duplicate: false });
    assert.deepEqual(await fx.store.recordChildResult(executionArn, 'root', 3, failed(2, 3_000, 'Later')), {
      results: [failure, succeeded(1), failed(2, 3_000, 'Later')],
      duplicate: false,
    });
    assert.deepEqual(await fx.store.getChildResults(executionArn, 'root', 3), [failure, succeeded(1), failed(2, 3_000, 'Later')]);
  });

  it('reports the failure that happened first, whatever order the results arrive in', async () => {
    await fx.store.recordChildResult(executionArn, 'root', 7, failed(2, 5_000, 'Late'));
    const answer = await fx.store.recordChildResult(executionArn, 'root', 7, failed(0, 4_000, 'Early'));
    assert.deepEqual(countersOf(answer.results), { succeeded: 0, failed: 2, firstFailure: { error: 'Early' } });
  });

  it('counts exactly once under 50 concurrent reports of 10 children, duplicates included', async () => {
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
    // Every answer includes at least its own child; the first report that was stored last sees all
    // ten, so some child always finds the join complete.
    const totals = answers.map((answer) => answer.results.length);
    assert.ok(totals.every((total) => total >= 1 && total <= 10));
    assert.ok(answers.some((answer) => !answer.duplicate && answer.results.length === 10));
    const final = await fx.store.recordChildResult(executionArn, 'root', 4, succeeded(0));
    assert.equal(final.duplicate, true);
    const counters = countersOf(final.results);
    assert.equal(counters.succeeded, 8);
    assert.equal(counters.failed, 2);
    assert.equal(counters.firstFailure?.error, 'E3');
    const results = await fx.store.getChildResults(executionArn, 'root', 4);
    assert.deepEqual(results.map((result) => result.index), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('returns child outputs of 256 KiB in index order', async () => {
    const outputs = [incompressible(256 * 1024), { small: true }, incompressible(200 * 1024)];
    for (const index of [2, 0, 1]) await fx.store.recordChildResult(executionArn, 'root', 5, succeeded(index, outputs[index]!));
    assert.deepEqual(await fx.store.getChildResults(executionArn, 'root', 5), outputs.map((output, index) => succeeded(index, output)));
  });

  it('returns no results and zero counters for a join nobody reported to', async () => {
    assert.deepEqual(await fx.store.getChildResults(executionArn, 'root', 77), []);
  });
});
