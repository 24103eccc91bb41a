import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Effect } from '../../../core/asl/interpreter/effect.ts';
import { tallyBetween } from '../../../core/adapters/aws/dynamodb/request-counter.ts';
import type { BranchRecord } from '../../../core/runtime/records.ts';
import type { Fixture } from './fixture.ts';
import { allPages, events, execution, incompressible, rootBranch, snapshot, startFixture, stateMachine } from './fixture.ts';

let fx: Fixture;
before(async () => {
  fx = await startFixture();
});
after(async () => {
  await fx?.close();
});

const machine = stateMachine('Orders');

describe('createExecution', () => {
  it('creates the execution and its root branch once, and returns the existing one on a repeat', async () => {
    const record = execution(machine, 'create-once', { traceHeader: 'Root=1-abc' });
    const first = await fx.store.createExecution(record, rootBranch(record.executionArn));
    assert.equal(first.created, true);
    assert.deepEqual(first.record, record);

    const again = await fx.store.createExecution({ ...record, input: '{"other":true}' }, rootBranch(record.executionArn, { version: 7 }));
    assert.equal(again.created, false);
    assert.deepEqual(again.record, record);
    assert.deepEqual(await fx.store.getExecution(record.executionArn), record);
    assert.equal((await fx.store.getBranch(record.executionArn, 'root'))?.version, 0);
  });

  it('answers a concurrent start of the same name with one creation', async () => {
    const record = execution(machine, 'create-race');
    const results = await Promise.all(Array.from({ length: 8 }, () => fx.store.createExecution(record, rootBranch(record.executionArn))));
    assert.equal(results.filter((result) => result.created).length, 1);
    for (const result of results) assert.deepEqual(result.record, record);
  });

  it('keeps an input of 256 KiB that does not compress, outside the META item', async () => {
    const input = JSON.stringify({ blob: incompressible(256 * 1024 - 20) });
    const record = execution(machine, 'large-input', { input });
    await fx.store.createExecution(record, rootBranch(record.executionArn));
    assert.equal((await fx.store.getExecution(record.executionArn))?.input, input);
  });

  it('returns undefined for an unknown execution or branch', async () => {
    assert.equal(await fx.store.getExecution('arn:aws:states:us-east-1:123456789012:execution:Orders:nope'), undefined);
    assert.equal(await fx.store.getBranch('arn:aws:states:us-east-1:123456789012:execution:Orders:nope', 'root'), undefined);
  });
});

describe('commitStep', () => {
  const outbox: Effect[] = [{ type: 'StartTimer', seq: 1, timer: 'Wait', fireAt: 1_700_000_100_000 }];

  async function started(name: string) {
    const record = execution(machine, name);
    await fx.store.createExecution(record, rootBranch(record.executionArn));
    return record.executionArn;
  }

  function next(executionArn: string, version: number, branchId = 'root', extra: Partial<BranchRecord> = {}): BranchRecord {
    return { executionArn, branchId, version, snapshot: snapshot({ lastEventId: version }), outbox, appliedKey: `m${version}`, nextEventId: version + 1, ...extra };
  }

  it('commits the branch and the step\'s events together', async () => {
    const arn = await started('commit');
    assert.equal(await fx.store.commitStep({ executionArn: arn, branch: next(arn, 1), events: events(1, 3) }), 'committed');
    assert.deepEqual(await fx.store.getBranch(arn, 'root'), next(arn, 1));
    assert.deepEqual((await fx.store.getHistory(arn, { reverseOrder: false }, { limit: 10 })).items, events(1, 3));
  });

  it('refuses a version already committed as a branch conflict and changes nothing', async () => {
    const arn = await started('stale-branch');
    assert.equal(await fx.store.commitStep({ executionArn: arn, branch: next(arn, 1), events: events(1, 1) }), 'committed');
    // Another message that read version 0 too.
    assert.equal(await fx.store.commitStep({ executionArn: arn, branch: next(arn, 1, 'root', { appliedKey: 'other' }), events: events(2, 1) }), 'branch-conflict');
    assert.equal((await fx.store.getBranch(arn, 'root'))?.appliedKey, 'm1');
    assert.deepEqual((await fx.store.getHistory(arn, { reverseOrder: false }, { limit: 10 })).items, events(1, 1));
  });

  it('lets exactly one of many concurrent messages for one branch commit its next version', async () => {
    const arn = await started('racers');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => fx.store.commitStep({ executionArn: arn, branch: next(arn, 1, 'root', { appliedKey: `m${i}` }), events: events(1, 1) })),
    );
    assert.equal(results.filter((result) => result === 'committed').length, 1);
    assert.equal((await fx.store.getHistory(arn, { reverseOrder: false }, { limit: 10 })).items.length, 1);
  });

  it('creates a child branch with version 1 only while it is absent', async () => {
    const arn = await started('child-branch');
    const child = next(arn, 1, 'root/1/0', { parent: { branchId: 'root', joinSeq: 1, index: 0, terms: { childCount: 2, maxConcurrency: 0 } } });
    assert.equal(await fx.store.commitStep({ executionArn: arn, branch: child, events: [] }), 'committed');
    assert.deepEqual(await fx.store.getBranch(arn, 'root/1/0'), child);
    assert.equal(await fx.store.commitStep({ executionArn: arn, branch: child, events: [] }), 'branch-conflict');
    assert.deepEqual(
      (await fx.store.listBranches(arn)).map((branch) => [branch.branchId, branch.version]).sort(),
      [
        ['root', 0],
        ['root/1/0', 1],
      ],
    );
  });

  it('numbers a merged child\'s events after the parent\'s own, as one history', async () => {
    const arn = await started('merged');
    const base = 2 ** 32;
    // The root enters the Parallel (events 1-2); the child numbers its events in its own space.
    await fx.store.commitStep({ executionArn: arn, branch: next(arn, 1, 'root', { nextEventId: 3 }), events: events(1, 2) });
    const childEvents = events(base + 1, 2).map((event, i) => (i === 0 ? { ...event, previousEventId: 2 } : event));
    await fx.store.commitStep({ executionArn: arn, branch: next(arn, 1, 'root/1/0', { nextEventId: base + 3 }), events: childEvents });
    // Until the parent merges it, the child's events are not in the history.
    assert.equal((await fx.store.getHistory(arn, { reverseOrder: false }, { limit: 10 })).items.length, 2);
    await fx.store.commitStep({
      executionArn: arn,
      branch: next(arn, 2, 'root', { nextEventId: 6 }),
      events: events(5, 1).map((event) => ({ ...event, previousEventId: 2 })),
      merged: [{ branchId: 'root/1/0', start: 3, count: 2 }],
    });
    const history = (await fx.store.getHistory(arn, { reverseOrder: false }, { limit: 10 })).items;
    assert.deepEqual(history.map((event) => [event.id, event.previousEventId]), [[1, 0], [2, 1], [3, 2], [4, 3], [5, 2]]);
    const reversed = await allPages((nextToken) => fx.store.getHistory(arn, { reverseOrder: true }, { limit: 2, ...(nextToken ? { nextToken } : {}) }));
    assert.deepEqual(reversed.items.map((event) => event.id), [5, 4, 3, 2, 1]);
  });

  it('ends the execution with the step; a second end changes nothing', async () => {
    const arn = await started('ends');
    const output = { result: 'ok', big: 'x'.repeat(5_000) };
    const end = { status: 'SUCCEEDED' as const, output, stopDate: 1_700_000_500_000 };
    assert.equal(await fx.store.commitStep({ executionArn: arn, branch: next(arn, 1), events: events(1, 2), executionEnd: end }), 'committed');
    await fx.store.recordExecutionEnd(arn, { status: 'ABORTED', stopDate: 1_700_000_600_000 });
    const ended = await fx.store.getExecution(arn);
    assert.equal(ended?.status, 'SUCCEEDED');
    assert.deepEqual(ended?.output, output);
    assert.equal(ended?.stopDate, 1_700_000_500_000);
  });

  it('stores a branch holding two 256 KiB payloads that do not compress (beyond one item)', async () => {
    const arn = await started('large-branch');
    const input = incompressible(256 * 1024);
    const big = next(arn, 1, 'root', {
      snapshot: snapshot({ current: { name: 'Work', input, enteredEventId: 1, enteredTime: 0, retries: [] } }),
      outbox: [{ type: 'InvokeTask', seq: 1, request: { parameters: incompressible(256 * 1024) } as never }],
    });
    assert.equal(await fx.store.commitStep({ executionArn: arn, branch: big, events: events(1, 1, input) }), 'committed');
    assert.deepEqual(await fx.store.getBranch(arn, 'root'), big);
    // A racing message with another large body is refused and leaves the stored parts alone.
    const rival = { ...big, appliedKey: 'rival', outbox: [{ type: 'InvokeTask', seq: 1, request: { parameters: incompressible(256 * 1024) } as never }] } as BranchRecord;
    assert.equal(await fx.store.commitStep({ executionArn: arn, branch: rival, events: [] }), 'branch-conflict');
    assert.deepEqual(await fx.store.getBranch(arn, 'root'), big);
    const small = next(arn, 2);
    assert.equal(await fx.store.commitStep({ executionArn: arn, branch: small, events: [] }), 'committed');
    assert.deepEqual(await fx.store.getBranch(arn, 'root'), small);
    assert.deepEqual(await fx.store.listBranches(arn), [small]);
    assert.deepEqual((await fx.store.getHistory(arn, { reverseOrder: false }, { limit: 10 })).items, events(1, 1, input));
  });

  it('keeps an output of 256 KiB that does not compress', async () => {
    const arn = await started('large-output');
    const output = { data: incompressible(256 * 1024 - 20) };
    const end = { status: 'SUCCEEDED' as const, output, stopDate: 1 };
    assert.equal(await fx.store.commitStep({ executionArn: arn, branch: next(arn, 1), events: events(1, 1), executionEnd: end }), 'committed');
    assert.deepEqual((await fx.store.getExecution(arn))?.output, output);
  });

  it('costs one write request of one or two units for a typical step, and one read unit to read the execution', async () => {
    const arn = await started('cost');
    // A Task state's step: state entered + task scheduled + task started, a snapshot with a
    // small input, an outbox holding the task invocation.
    const input = { orderId: 'o-123', items: [{ sku: 'A1', qty: 2 }], customer: { id: 'c-9', tier: 'gold' } };
    const branch = next(arn, 1, 'root', {
      nextEventId: 4,
      snapshot: snapshot({ lastEventId: 3, seq: 1, current: { name: 'Charge', input, enteredEventId: 2, enteredTime: 1, retries: [0], pending: { kind: 'Task', seq: 1, resourceKind: 'lambda', pattern: 'requestResponse', submitted: true } } as never }),
      outbox: [{ type: 'InvokeTask', seq: 1, request: { resource: 'arn:aws:states:::lambda:invoke', parameters: { FunctionName: 'charge', Payload: input } } as never }],
    });
    const stepEvents = [
      { id: 1, previousEventId: 0, timestamp: 1, type: 'TaskStateEntered', details: { name: 'Charge', input } },
      { id: 2, previousEventId: 1, timestamp: 1, type: 'TaskScheduled', details: { resource: 'invoke', resourceType: 'lambda', region: 'us-east-1', parameters: { FunctionName: 'charge', Payload: input } } },
      { id: 3, previousEventId: 2, timestamp: 1, type: 'TaskStarted', details: { resource: 'invoke', resourceType: 'lambda' } },
    ];
    const before = fx.store.counter.snapshot();
    assert.equal(await fx.store.commitStep({ executionArn: arn, branch, events: stepEvents }), 'committed');
    const commit = tallyBetween(before, fx.store.counter.snapshot());
    const beforeRead = fx.store.counter.snapshot();
    await fx.store.getExecution(arn);
    const read = tallyBetween(beforeRead, fx.store.counter.snapshot());
    console.log(`typical step: ${commit.requests} request(s), ${commit.writeUnits} write units; getExecution: ${read.requests} request(s), ${read.readUnits} read units`);
    // One PutItem of the step item (deflated), no transaction.
    assert.equal(commit.requests, 1);
    assert.ok(commit.writeUnits > 0 && commit.writeUnits <= 2, String(commit.writeUnits));
    assert.equal(read.requests, 1);
    assert.equal(read.readUnits, 1);
  });
});

describe('listExecutions', () => {
  const listed = stateMachine('Listed');
  const other = stateMachine('Other');

  before(async () => {
    for (let i = 0; i < 7; i++) {
      const record = execution(listed, `run-${i}`, { startDate: 1_700_000_000_000 + i * 1000 });
      await fx.store.createExecution(record, rootBranch(record.executionArn));
    }
    const foreign = execution(other, 'run-x');
    await fx.store.createExecution(foreign, rootBranch(foreign.executionArn));
    // End run-1, run-4 and run-5.
    for (const [i, status] of [[1, 'SUCCEEDED'], [4, 'FAILED'], [5, 'SUCCEEDED']] as const) {
      const arn = execution(listed, `run-${i}`).executionArn;
      const branch: BranchRecord = { ...rootBranch(arn), version: 1, nextEventId: 2 };
      assert.equal(await fx.store.commitStep({ executionArn: arn, branch, events: events(1, 1), executionEnd: { status, stopDate: 1 } }), 'committed');
    }
  });

  it('lists newest first across pages', async () => {
    const { items, pages } = await allPages((nextToken) => fx.store.listExecutions(listed.stateMachineArn, {}, { limit: 3, ...(nextToken ? { nextToken } : {}) }));
    assert.deepEqual(items.map((item) => item.name), ['run-6', 'run-5', 'run-4', 'run-3', 'run-2', 'run-1', 'run-0']);
    assert.ok(pages >= 3);
    assert.equal(items[0]?.definition, listed.definition);
  });

  it('filters by status, the status having moved with the end of the execution', async () => {
    const names = async (status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED') =>
      (await allPages((nextToken) => fx.store.listExecutions(listed.stateMachineArn, { status }, { limit: 2, ...(nextToken ? { nextToken } : {}) }))).items.map(
        (item) => item.name,
      );
    assert.deepEqual(await names('RUNNING'), ['run-6', 'run-3', 'run-2', 'run-0']);
    assert.deepEqual(await names('SUCCEEDED'), ['run-5', 'run-1']);
    assert.deepEqual(await names('FAILED'), ['run-4']);
    assert.deepEqual(await names('ABORTED'), []);
  });

  it('refuses a token that is not one of ours', async () => {
    await assert.rejects(fx.store.listExecutions(listed.stateMachineArn, {}, { limit: 2, nextToken: 'not-a-token' }), /Invalid nextToken/);
    // A token of another machine's listing.
    const { nextToken } = await fx.store.listExecutions(listed.stateMachineArn, {}, { limit: 2 });
    assert.ok(nextToken);
    await assert.rejects(fx.store.listExecutions(other.stateMachineArn, {}, { limit: 2, nextToken }), /Invalid nextToken/);
  });
});

describe('task tokens', () => {
  it('puts, gets and deletes a token', async () => {
    const token = `tok-${'x'.repeat(500)}`;
    const record = { taskToken: token, executionArn: execution(machine, 'tokens').executionArn, branchId: 'root/2/5', seq: 4, heartbeatSeconds: 30 };
    await fx.store.putTaskToken(record);
    assert.deepEqual(await fx.store.getTaskToken(token), record);
    await fx.store.putTaskToken(record);
    const { heartbeatSeconds: _ignored, ...withoutHeartbeat } = record;
    await fx.store.putTaskToken(withoutHeartbeat);
    assert.deepEqual(await fx.store.getTaskToken(token), withoutHeartbeat);
    await fx.store.deleteTaskToken(token);
    assert.equal(await fx.store.getTaskToken(token), undefined);
    await fx.store.deleteTaskToken(token);
  });
});
