import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStore } from '../../../core/adapters/local/memory-store.ts';
import { VirtualRuntime } from '../../../core/adapters/local/virtual-runtime.ts';
import type { CommitResult, StepCommit } from '../../../core/ports.ts';
import { stateMachineRecord } from '../../fixtures/runtime/state-machine.ts';

/** A memory store that keeps every commit it was asked for. */
class RecordingStore extends MemoryStore {
  readonly commits: StepCommit[] = [];
  override commitStep(commit: StepCommit): Promise<CommitResult> {
    this.commits.push(commit);
    return super.commitStep(commit);
  }
}


async function commitsOf(definition: object): Promise<{ commits: StepCommit[]; startDate: number }> {
  const store = new RecordingStore();
  const runtime = new VirtualRuntime({ tasks: { invoke: async () => ({ kind: 'Succeeded', output: {} }) }, store, startTime: 1_700_000_000_000 });
  const started = await runtime.engine.startExecution({ stateMachine: stateMachineRecord('m', definition), name: 'one', input: '{}' });
  await runtime.runUntilIdle();
  return { commits: store.commits, startDate: started.record.startDate };
}

describe('the deadline a step commit carries', () => {
  it('is the execution start plus TimeoutSeconds, on every step, children included', async () => {
    const { commits, startDate } = await commitsOf({
      TimeoutSeconds: 600,
      StartAt: 'Both',
      States: { Both: { Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: { Type: 'Wait', Seconds: 5, End: true } } }], End: true } },
    });
    assert.ok(commits.length >= 3);
    assert.ok(commits.some((commit) => commit.branch.branchId !== 'root'));
    assert.ok(commits.every((commit) => commit.deadline === startDate + 600_000));
  });

  it('is absent when the state machine sets no TimeoutSeconds', async () => {
    const { commits } = await commitsOf({ StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } });
    assert.ok(commits.length > 0);
    assert.ok(commits.every((commit) => commit.deadline === undefined));
  });
});
