import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Fixture } from './fixture.ts';
import { events, execution, incompressible, rootBranch, snapshot, startFixture, stateMachine } from './fixture.ts';

let fx: Fixture;
before(async () => {
  fx = await startFixture();
});
after(async () => {
  await fx?.close();
});

const DAY = 24 * 60 * 60;

/** Every item of the execution's partitions, as stored. */
async function itemsOf(executionArn: string): Promise<Record<string, unknown>[]> {
  const doc = DynamoDBDocumentClient.from(fx.client);
  const found: Record<string, unknown>[] = [];
  for (const pk of [`X#${executionArn}`, `B#${executionArn}`]) {
    const page = await doc.send(new QueryCommand({ TableName: fx.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }));
    found.push(...(page.Items ?? []));
  }
  return found;
}

function near(actual: unknown, expected: number): boolean {
  return typeof actual === 'number' && Math.abs(actual - expected) <= 60;
}

describe('retention (TTL on expiresAt)', () => {
  it('keeps a running execution, expires its steps a year and 90 days after writing, and the execution 90 days after its end', async () => {
    const record = execution(stateMachine('Kept'), 'retention');
    const arn = record.executionArn;
    await fx.store.createExecution(record, rootBranch(arn));
    const now = Math.ceil(Date.now() / 1000);
    const step = { executionArn: arn, branchId: 'root', version: 1, snapshot: snapshot({ lastEventId: 2 }), outbox: [], appliedKey: 'm1', nextEventId: 3 };
    assert.equal(await fx.store.commitStep({ executionArn: arn, branch: step, events: events(1, 2) }), 'committed');

    let items = await itemsOf(arn);
    const meta = items.find((item) => item['sk'] === 'M');
    assert.ok(meta);
    assert.equal(meta['expiresAt'], undefined, 'a running execution has no expiry');
    const steps = items.filter((item) => String(item['pk']).startsWith('B#'));
    assert.equal(steps.length, 1);
    assert.ok(near(steps[0]!['expiresAt'], now + 455 * DAY), `step expiry ${String(steps[0]!['expiresAt'])}`);

    await fx.store.recordExecutionEnd(arn, { status: 'SUCCEEDED', output: { done: true }, stopDate: Date.now() });
    items = await itemsOf(arn);
    assert.ok(near(items.find((item) => item['sk'] === 'M')?.['expiresAt'], now + 90 * DAY));
  });

  it('expires the steps of an execution with a deadline (TimeoutSeconds) 90 days after that deadline', async () => {
    const record = execution(stateMachine('Bounded'), 'deadline');
    const arn = record.executionArn;
    await fx.store.createExecution(record, rootBranch(arn));
    const deadline = Date.now() + 3_600_000;
    const step = { executionArn: arn, branchId: 'root', version: 1, snapshot: snapshot({ lastEventId: 2 }), outbox: [], appliedKey: 'm1', nextEventId: 3 };
    assert.equal(await fx.store.commitStep({ executionArn: arn, branch: step, events: events(1, 2), deadline }), 'committed');
    const steps = (await itemsOf(arn)).filter((item) => String(item['pk']).startsWith('B#'));
    assert.ok(near(steps[0]?.['expiresAt'], Math.ceil(deadline / 1000) + 90 * DAY), `step expiry ${String(steps[0]?.['expiresAt'])}`);
  });

  it('expires the part items of a large output with the ended execution', async () => {
    const record = execution(stateMachine('Large'), 'large-output');
    const arn = record.executionArn;
    await fx.store.createExecution(record, rootBranch(arn));
    const now = Math.ceil(Date.now() / 1000);
    await fx.store.recordExecutionEnd(arn, { status: 'SUCCEEDED', output: { blob: incompressible(8 * 1024) }, stopDate: Date.now() });
    const parts = (await itemsOf(arn)).filter((item) => String(item['sk']).startsWith('M#output'));
    assert.ok(parts.length > 0, 'the output is kept outside the META item');
    for (const part of parts) assert.ok(near(part['expiresAt'], now + 90 * DAY), `part expiry ${String(part['expiresAt'])}`);
  });
});
