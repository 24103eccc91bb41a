import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStore } from '../../../core/adapters/local/memory-store.ts';
import type { QueuedMessage } from '../../../core/ports.ts';
import type { RuntimeDeps } from '../../../core/runtime/durable/deps.ts';
import { DurableEngine } from '../../../core/runtime/durable/engine.ts';
import { MachineCache } from '../../../core/runtime/durable/machines.ts';
import { processMessage } from '../../../core/runtime/durable/worker.ts';
import { stateMachineRecord } from '../../fixtures/runtime/state-machine.ts';

const stateMachine = stateMachineRecord('greet', { StartAt: 'Hello', States: { Hello: { Type: 'Pass', Result: 'hello', End: true } } });
const executionArn = (name: string): string => `arn:aws:states:us-east-1:123456789012:execution:greet:${name}`;

/** A runtime with no restart sweep (as on AWS), whose queue refuses the sends `failing` names. */
function runtime(failing: (send: number) => boolean): { engine: DurableEngine; deps: RuntimeDeps; queued: QueuedMessage[]; store: MemoryStore } {
  const store = new MemoryStore();
  const queued: QueuedMessage[] = [];
  let sends = 0;
  const deps: RuntimeDeps = {
    store,
    queue: {
      send: async (messages) => {
        if (failing(++sends)) throw new Error(`send ${sends} failed`);
        queued.push(...messages);
      },
    },
    timers: { schedule: async () => undefined, cancel: async () => undefined },
    tasks: { invoke: async () => ({ kind: 'Succeeded', output: {} }) },
    machines: new MachineCache(),
    clock: { now: () => 1_700_000_000_000 },
    secret: 'secret',
  };
  return { engine: new DurableEngine(deps), deps, queued, store };
}

async function drain(queued: QueuedMessage[], deps: RuntimeDeps): Promise<void> {
  for (let next = queued.shift(); next; next = queued.shift()) await processMessage(next.message, deps);
}

describe('StartExecution that died before queueing the first message', () => {
  it('is finished by the caller retrying the same start', async () => {
    const { engine, deps, queued, store } = runtime((send) => send === 1);
    await assert.rejects(engine.startExecution({ stateMachine, name: 'once', input: '{}' }), /send 1 failed/);
    assert.equal(queued.length, 0);
    assert.equal((await store.getExecution(executionArn('once')))?.status, 'RUNNING');

    const retried = await engine.startExecution({ stateMachine, name: 'once', input: '{}' });
    assert.equal(retried.created, false);
    await drain(queued, deps);
    const execution = await store.getExecution(executionArn('once'));
    assert.equal(execution?.status, 'SUCCEEDED');
    assert.equal(execution?.output, 'hello');
  });

  it('queues nothing more for an execution already under way or ended', async () => {
    const { engine, deps, queued } = runtime(() => false);
    await engine.startExecution({ stateMachine, name: 'twice', input: '{}' });
    assert.equal(queued.length, 1);
    await drain(queued, deps);
    await engine.startExecution({ stateMachine, name: 'twice', input: '{}' });
    assert.equal(queued.length, 0);
  });
});
