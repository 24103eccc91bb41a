import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStore } from '../../../core/adapters/local/memory-store.ts';
import { decodeWorkMessage, encodeWorkMessage } from '../../../core/adapters/aws/sqs/index.ts';
import type { QueuedMessage, Telemetry } from '../../../core/ports.ts';
import type { RuntimeDeps } from '../../../core/runtime/durable/deps.ts';
import { DurableEngine } from '../../../core/runtime/durable/engine.ts';
import { MachineCache } from '../../../core/runtime/durable/machines.ts';
import { processMessage } from '../../../core/runtime/durable/worker.ts';
import { stateMachineRecord } from '../../fixtures/runtime/state-machine.ts';

const stateMachine = stateMachineRecord(
  'quick',
  { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } },
  { type: 'EXPRESS' },
);

function queuedRuntime(): { deps: RuntimeDeps; sent: QueuedMessage[]; ended: Record<string, unknown>[]; store: MemoryStore } {
  const store = new MemoryStore();
  const sent: QueuedMessage[] = [];
  const ended: Record<string, unknown>[] = [];
  const ignore = (): void => undefined;
  const telemetry: Telemetry = { transition: ignore, executionStarted: ignore, taskEnded: ignore, messageReceived: ignore, executionEnded: (info) => void ended.push({ ...info }) };
  const deps: RuntimeDeps = {
    store,
    stateMachines: store,
    queue: { send: async (messages) => void sent.push(...messages) },
    timers: { schedule: async () => undefined, cancel: async () => undefined },
    tasks: { invoke: async (request) => ({ kind: 'Succeeded', output: { called: request.stateName } }) },
    machines: new MachineCache(),
    clock: { now: () => Date.now() },
    secret: 'secret',
    telemetry,
    expressStarts: 'queue',
  };
  return { deps, sent, ended, store };
}

describe('Express StartExecution handed to a worker', () => {
  it('answers at once with the execution, and queues one message that a worker runs to its end', async () => {
    const { deps, sent, ended, store } = queuedRuntime();
    await store.createStateMachine(stateMachine);
    const started = await new DurableEngine(deps).startExecution({ stateMachine, name: 'first', input: '{"n":1}' });
    assert.equal(started.created, true);
    assert.match(started.record.executionArn, /^arn:aws:states:us-east-1:123456789012:express:quick:first:[0-9a-f-]{36}$/);
    assert.equal(ended.length, 0, 'nothing ran in the starting process');
    assert.equal(sent.length, 1);

    // The message survives the SQS body codec, as a worker receives it.
    const decoded = decodeWorkMessage(encodeWorkMessage(sent[0]!.message));
    assert.ok(decoded.ok, decoded.ok ? '' : decoded.error);
    assert.equal(await processMessage(decoded.message, deps), 'committed');
    assert.deepEqual(
      ended.map((info) => [info['executionArn'], info['status']]),
      [[started.record.executionArn, 'SUCCEEDED']],
    );
  });

  it('runs nothing for a state machine deleted before the message arrived', async () => {
    const { deps, sent, ended, store } = queuedRuntime();
    await store.createStateMachine(stateMachine);
    await new DurableEngine(deps).startExecution({ stateMachine, name: 'orphan', input: '{}' });
    await store.deleteStateMachine(stateMachine.stateMachineArn);
    assert.equal(await processMessage(sent[0]!.message, deps), 'ignored');
    assert.equal(ended.length, 0);
  });
});
