import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Json } from '../../../core/asl/json.ts';
import type { HistoryEvent } from '../../../core/asl/history/event.ts';
import { VirtualRuntime } from '../../../core/adapters/local/virtual-runtime.ts';
import { fanOutWorkflow, flakyThenDoubling } from '../../fixtures/runtime/fan-out-workflow.ts';
import { stateMachineRecord } from '../../fixtures/runtime/state-machine.ts';

const definition = fanOutWorkflow({ items: [1, 2, 3, 4, 5], maxConcurrency: 2 });

async function run(inlineTasks: boolean, failSend?: (n: number) => boolean): Promise<{ status: string; output?: Json; history: HistoryEvent[] }> {
  const runtime = new VirtualRuntime({ tasks: flakyThenDoubling(), inlineTasks, ...(failSend ? { failSend } : {}) });
  const stateMachine = stateMachineRecord('crashy', definition);
  const executionArn = 'arn:aws:states:us-east-1:123456789012:execution:crashy:run';
  try {
    await runtime.engine.startExecution({ stateMachine, name: 'run', input: '{}' });
  } catch {
    // StartExecution died after storing the execution: the restart's recovery starts it.
    await runtime.recover();
  }
  await runtime.runUntilIdle();
  const record = { executionArn };
  const execution = await runtime.store.getExecution(record.executionArn);
  const history = (await runtime.store.getHistory(record.executionArn, { reverseOrder: false }, { limit: 10_000 })).items;
  return { status: execution!.status, ...(execution!.output === undefined ? {} : { output: execution!.output }), history: [...history] };
}

for (const inlineTasks of [true, false]) {
describe(`a worker dying between commit and sending its effects (tasks ${inlineTasks ? 'inline' : 'dispatched'})`, () => {
  it('finishes every execution exactly once with the right output, whichever send fails', async () => {
    const clean = await run(inlineTasks);
    assert.equal(clean.status, 'SUCCEEDED');
    for (let crashAt = 1; crashAt <= 40; crashAt++) {
      const crashed = await run(inlineTasks, (n) => n === crashAt);
      assert.equal(crashed.status, 'SUCCEEDED', `crash at send ${crashAt}`);
      assert.deepEqual(crashed.output, clean.output, `crash at send ${crashAt}`);
      assert.deepEqual(crashed.history.map((e) => e.type).sort(), clean.history.map((e) => e.type).sort(), `crash at send ${crashAt}`);
    }
  });

  it('numbers history events 1..n with no gap or repeat, after crashes at many points in one run', async () => {
    const crashes = new Set([2, 5, 9, 14, 20, 27, 35, 44]);
    const crashed = await run(inlineTasks, (n) => crashes.has(n));
    assert.equal(crashed.status, 'SUCCEEDED');
    assert.deepEqual(crashed.history.map((e) => e.id), crashed.history.map((_, i) => i + 1));
    assert.equal(crashed.history.filter((e) => e.type === 'ExecutionSucceeded').length, 1);
  });

  it('produces the output of the workflow: the retried task and the mapped items', async () => {
    const clean = await run(inlineTasks);
    assert.deepEqual(clean.output, [2, [2, 4, 6, 8, 10]]);
  });
});
}
