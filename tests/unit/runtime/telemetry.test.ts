import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualRuntime } from '../../../core/adapters/local/virtual-runtime.ts';
import type { Telemetry } from '../../../core/ports.ts';
import { fanOutWorkflow, flakyThenDoubling } from '../../fixtures/runtime/fan-out-workflow.ts';
import { stateMachineRecord } from '../../fixtures/runtime/state-machine.ts';

type Call = { readonly method: keyof Telemetry; readonly info: Record<string, unknown> };

function recording(): { telemetry: Telemetry; calls: Call[] } {
  const calls: Call[] = [];
  const record = (method: keyof Telemetry) => (info: object) => void calls.push({ method, info: { ...info } });
  return {
    calls,
    telemetry: {
      transition: record('transition'),
      executionStarted: record('executionStarted'),
      executionEnded: record('executionEnded'),
      taskEnded: record('taskEnded'),
      messageReceived: record('messageReceived'),
    },
  };
}

const stateMachine = stateMachineRecord('observed', fanOutWorkflow({ items: [1, 2, 3], maxConcurrency: 0 }));
const executionArn = 'arn:aws:states:us-east-1:123456789012:execution:observed:one';

for (const inlineTasks of [true, false]) {
  describe(`the durable runtime's telemetry (tasks ${inlineTasks ? 'inline' : 'dispatched'})`, () => {
    it('reports one transition per state entered (a retry enters no state), with the state type, and each task attempt', async () => {
      const { telemetry, calls } = recording();
      const runtime = new VirtualRuntime({ tasks: flakyThenDoubling(), inlineTasks, telemetry });
      await runtime.engine.startExecution({ stateMachine, name: 'one', input: '{}' });
      await runtime.runUntilIdle();

      const history = (await runtime.store.getHistory(executionArn, { reverseOrder: false }, { limit: 1000 })).items;
      const entered = history.filter((event) => event.type.endsWith('StateEntered'));
      const transitions = calls.filter((call) => call.method === 'transition');
      assert.equal(transitions.length, entered.length);
      assert.deepEqual(
        transitions.map((call) => `${call.info['stateType']}:${call.info['stateName']}`).sort(),
        ['Pass:Prepare', 'Wait:Hold', 'Parallel:Both', 'Task:Flaky', 'Map:Each', 'Task:Double', 'Task:Double', 'Task:Double'].sort(),
      );
      assert.ok(transitions.every((call) => call.info['stateMachineArn'] === stateMachine.stateMachineArn && call.info['executionArn'] === executionArn));

      // Flaky fails once (Busy) and is retried; Double runs once per item.
      const tasks = calls.filter((call) => call.method === 'taskEnded').map((call) => `${call.info['stateName']}:${call.info['outcome']}`);
      assert.deepEqual(tasks.sort(), ['Double:Succeeded', 'Double:Succeeded', 'Double:Succeeded', 'Flaky:Failed', 'Flaky:Succeeded'].sort());

      assert.deepEqual(calls.filter((call) => call.method === 'executionStarted').map((call) => call.info), [{ executionArn, stateMachineArn: stateMachine.stateMachineArn }]);
      const ended = calls.filter((call) => call.method === 'executionEnded');
      assert.equal(ended.length, 1);
      assert.equal(ended[0]!.info['status'], 'SUCCEEDED');
      // The Wait holds the execution 30 s on the virtual clock.
      assert.ok((ended[0]!.info['durationMs'] as number) >= 30_000);
      assert.ok(calls.some((call) => call.method === 'messageReceived' && call.info['executionArn'] === executionArn));
    });
  });
}
