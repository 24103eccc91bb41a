import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { HistoryEvent } from '../../../core/asl/history/event.ts';
import type { BranchRecord } from '../../../core/runtime/records.ts';
import type { Fixture } from './fixture.ts';
import { allPages, events, execution, incompressible, rootBranch, startFixture, stateMachine } from './fixture.ts';

let fx: Fixture;
before(async () => {
  fx = await startFixture();
});
after(async () => {
  await fx?.close();
});

const machine = stateMachine('History');

/** Creates an execution and commits steps of the given event counts; returns every event. */
async function withSteps(name: string, steps: ReadonlyArray<{ count: number; payload?: string }>): Promise<{ arn: string; all: HistoryEvent[] }> {
  const record = execution(machine, name);
  await fx.store.createExecution(record, rootBranch(record.executionArn));
  const all: HistoryEvent[] = [];
  let version = 0;
  for (const step of steps) {
    const stepEvents = events(all.length + 1, step.count, step.payload ?? { n: all.length });
    const branch: BranchRecord = { ...rootBranch(record.executionArn), version: ++version, nextEventId: all.length + step.count + 1 };
    const result = await fx.store.commitStep({ executionArn: record.executionArn, branch, events: stepEvents });
    assert.equal(result, 'committed');
    all.push(...stepEvents);
  }
  return { arn: record.executionArn, all };
}

async function read(arn: string, reverseOrder: boolean, limit: number) {
  return allPages((nextToken) => fx.store.getHistory(arn, { reverseOrder }, { limit, ...(nextToken ? { nextToken } : {}) }));
}

describe('getHistory', () => {
  let small: { arn: string; all: HistoryEvent[] };
  let large: { arn: string; all: HistoryEvent[] };

  before(async () => {
    // Steps of 1, 2, 5, 1, 150 (one step chaining many states), 3 events: step items of many sizes.
    small = await withSteps('small', [{ count: 1 }, { count: 2 }, { count: 5 }, { count: 1 }, { count: 150 }, { count: 3 }]);
    // 24 events of ~100 KB that do not compress, in one step: its item spills into part items;
    // then a small step.
    large = await withSteps('large', [{ count: 24, payload: incompressible(100_000) }, { count: 2 }]);
  });

  for (const limit of [1, 2, 3, 7, 100, 1000]) {
    it(`pages event by event across step boundaries, forward and reverse, ${limit} per page`, async () => {
      const forward = await read(small.arn, false, limit);
      assert.deepEqual(forward.items, small.all);
      assert.equal(forward.pages, Math.max(1, Math.ceil(small.all.length / limit)));
      const reverse = await read(small.arn, true, limit);
      assert.deepEqual(reverse.items, [...small.all].reverse());
      assert.equal(reverse.pages, Math.max(1, Math.ceil(small.all.length / limit)));
    });
  }

  it('pages through a step whose events took several part items', async () => {
    // 2.4 MB of events (deflating to about 1.8 MB): two step items, the first with parts of 380 KB.
    let chunks = 0;
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await fx.client.send(
        new QueryCommand({
          TableName: fx.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: `B#${large.arn}` } },
          Select: 'COUNT',
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      chunks += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    assert.ok(chunks >= 2 + Math.ceil(1_700_000 / 380_000), String(chunks));
    for (const limit of [1, 5, 10]) {
      assert.deepEqual((await read(large.arn, false, limit)).items.map((event) => event.id), large.all.map((event) => event.id));
      assert.deepEqual((await read(large.arn, true, limit)).items.map((event) => event.id), large.all.map((event) => event.id).reverse());
    }
    assert.deepEqual((await read(large.arn, false, 4)).items, large.all);
  });

  it('gives no token on the last page, even when it ends exactly at the end', async () => {
    const page = await fx.store.getHistory(small.arn, { reverseOrder: false }, { limit: small.all.length });
    assert.equal(page.items.length, small.all.length);
    assert.equal(page.nextToken, undefined);
    const empty = await fx.store.getHistory(execution(machine, 'none').executionArn, { reverseOrder: false }, { limit: 10 });
    assert.deepEqual(empty, { items: [] });
  });

  it('refuses a token that is not one of ours', async () => {
    await assert.rejects(fx.store.getHistory(small.arn, { reverseOrder: false }, { limit: 10, nextToken: 'bm9wZQ' }), /Invalid nextToken/);
  });

  it('commits a step of 2,000 events as one step', async () => {
    const many = await withSteps('many', [{ count: 2_000 }]);
    assert.deepEqual((await read(many.arn, false, 1000)).items, many.all);
    assert.equal((await fx.store.getBranch(many.arn, 'root'))?.nextEventId, 2_001);
  });
});
