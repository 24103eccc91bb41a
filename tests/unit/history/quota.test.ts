import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { HistoryEvent } from '../../../core/asl/history/event.ts';
import { enforceHistoryQuota } from '../../../core/asl/history/quota.ts';
import { VirtualRuntime } from '../../../core/adapters/local/virtual-runtime.ts';
import { stateMachineRecord } from '../../fixtures/runtime/state-machine.ts';

function events(first: number, types: readonly string[]): HistoryEvent[] {
  return types.map((type, i) => ({ id: first + i, previousEventId: first + i - 1, timestamp: 0, type }));
}

describe('the history quota', () => {
  it('leaves a step alone while its events stay under the quota', () => {
    assert.equal(enforceHistoryQuota(events(1, ['ExecutionStarted', 'PassStateEntered']), 10, 0), undefined);
  });

  it('lets the last allowed event be ExecutionSucceeded', () => {
    assert.equal(enforceHistoryQuota(events(9, ['PassStateExited', 'ExecutionSucceeded']), 10, 0), undefined);
  });

  it('ends the execution with ExecutionFailed as the last allowed event otherwise', () => {
    const over = enforceHistoryQuota(events(8, ['PassStateEntered', 'PassStateExited', 'PassStateEntered', 'PassStateExited']), 10, 5);
    assert.ok(over);
    assert.deepEqual(over.events.map((e) => [e.id, e.type]), [
      [8, 'PassStateEntered'],
      [9, 'PassStateExited'],
      [10, 'ExecutionFailed'],
    ]);
    assert.equal(over.error, 'States.Runtime');
    assert.equal(over.cause, 'The execution reached the maximum number of history events (10).');
  });

  it('is enforced by the durable runtime too', async () => {
    const runtime = new VirtualRuntime({ tasks: { invoke: () => Promise.reject(new Error('no tasks')) }, maxHistoryEvents: 1000 });
    const definition = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' } } };
    const { record } = await runtime.engine.startExecution({
      stateMachine: stateMachineRecord('loop', definition),
      name: 'forever',
      input: '{}',
    });
    await runtime.runUntilIdle();
    const execution = await runtime.store.getExecution(record.executionArn);
    assert.equal(execution?.status, 'FAILED');
    assert.equal(execution?.cause, 'The execution reached the maximum number of history events (1000).');
    const history = (await runtime.store.getHistory(record.executionArn, { reverseOrder: false }, { limit: 2000 })).items;
    assert.equal(history.length, 1000);
    assert.equal(history[999]?.type, 'ExecutionFailed');
  });
});
