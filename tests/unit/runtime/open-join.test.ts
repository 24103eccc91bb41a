import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openJoin, type StartChildren } from '../../../core/runtime/open-join.ts';
import type { BranchRecord } from '../../../core/runtime/records.ts';

const startChildren: StartChildren = {
  type: 'StartChildren',
  seq: 4,
  stateType: 'Parallel',
  children: [{ scope: '/P/0', input: 1 }],
  parentEventId: 3,
  maxConcurrency: 0,
};

function waiting(seq: number, outbox: BranchRecord['outbox']): Pick<BranchRecord, 'snapshot' | 'outbox'> {
  return {
    outbox,
    snapshot: {
      status: 'RUNNING',
      scope: '',
      lastEventId: 3,
      seq,
      current: { name: 'P', input: 1, enteredEventId: 2, enteredTime: 0, retries: [], pending: { kind: 'Children', seq, stateType: 'Parallel', distributed: false } },
    },
  };
}

describe('the join a branch waits in', () => {
  it('is the StartChildren effect its last step left in the outbox', () => {
    assert.deepEqual(openJoin(waiting(4, [{ type: 'StartTimer', seq: 0, timer: 'ExecutionTimeout', fireAt: 9 }, startChildren]), 4), startChildren);
  });

  it('is closed once the branch has moved past the state', () => {
    const moved = { ...waiting(4, []), snapshot: { ...waiting(4, []).snapshot, current: undefined } };
    assert.equal(openJoin(moved, 4), undefined);
    assert.equal(openJoin(waiting(5, []), 4), undefined);
  });

  it('refuses a waiting branch whose outbox lost the join, rather than leave it waiting forever', () => {
    assert.throws(() => openJoin(waiting(4, []), 4), /waits for children/);
  });
});
