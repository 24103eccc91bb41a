import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { HistoryEvent } from '../../../core/asl/history/event.ts';
import { eventCountOf, eventIdBase, firstEventIdOf, parentBranchOf } from '../../../core/runtime/event-ids.ts';
import { assembleHistory, layoutChildren } from '../../../core/runtime/history-merge.ts';

function event(id: number, previousEventId: number, type: string): HistoryEvent {
  return { id, previousEventId, timestamp: 0, type };
}

const SPACE = 2 ** 32;

describe('event id spaces', () => {
  it('gives the root ids from 1 and each nesting depth a space of its own', () => {
    assert.equal(firstEventIdOf('root'), 1);
    assert.equal(firstEventIdOf('root/3/0'), SPACE + 1);
    assert.equal(firstEventIdOf('root/3/0/2/7'), 2 * SPACE + 1);
    assert.equal(eventIdBase('root/3/1'), SPACE);
    assert.equal(eventCountOf('root/3/1', SPACE + 6), 5);
    assert.equal(parentBranchOf('root/3/0/2/7'), 'root/3/0');
    assert.equal(parentBranchOf('root/3/0'), 'root');
    assert.equal(parentBranchOf('root'), undefined);
  });
});

describe('assembleHistory', () => {
  // The root: ExecutionStarted, ParallelStateEntered, ParallelStateStarted (1-3); then, after its
  // two branches, ParallelStateSucceeded and ExecutionSucceeded.
  const root = {
    branchId: 'root',
    events: [event(1, 0, 'ExecutionStarted'), event(2, 1, 'ParallelStateEntered'), event(3, 2, 'ParallelStateStarted'), event(9, 3, 'ParallelStateSucceeded'), event(10, 9, 'ExecutionSucceeded')],
    merged: layoutChildren(4, [
      { branchId: 'root/1/0', count: 3 },
      { branchId: 'root/1/1', count: 2 },
    ]),
  };
  const first = { branchId: 'root/1/0', events: [event(SPACE + 1, 3, 'PassStateEntered'), event(SPACE + 2, SPACE + 1, 'PassStateExited'), event(SPACE + 3, SPACE + 2, 'SucceedStateEntered')], merged: [] };
  const second = { branchId: 'root/1/1', events: [event(SPACE + 1, 3, 'PassStateEntered'), event(SPACE + 2, SPACE + 1, 'PassStateExited')], merged: [] };

  it('numbers merged children after the parent\'s events, in branch order, gapless', () => {
    const history = assembleHistory([second, root, first]);
    assert.deepEqual(
      history.map((e) => [e.id, e.previousEventId, e.type]),
      [
        [1, 0, 'ExecutionStarted'],
        [2, 1, 'ParallelStateEntered'],
        [3, 2, 'ParallelStateStarted'],
        [4, 3, 'PassStateEntered'],
        [5, 4, 'PassStateExited'],
        [6, 5, 'SucceedStateEntered'],
        [7, 3, 'PassStateEntered'],
        [8, 7, 'PassStateExited'],
        [9, 3, 'ParallelStateSucceeded'],
        [10, 9, 'ExecutionSucceeded'],
      ],
    );
  });

  it('leaves out children not merged yet, and events a child committed after it was placed', () => {
    const running = assembleHistory([{ ...root, events: root.events.slice(0, 3), merged: [] }, first, second]);
    assert.deepEqual(running.map((e) => e.id), [1, 2, 3]);
    const late = { ...second, events: [...second.events, event(SPACE + 3, SPACE + 2, 'PassStateEntered')] };
    assert.deepEqual(assembleHistory([root, first, late]).map((e) => e.id), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('resolves nested children through their parent\'s placement', () => {
    // A Map iteration (root/1/0) that ran a Parallel of one branch (root/1/0/1/0).
    const iteration = {
      branchId: 'root/1/0',
      events: [event(SPACE + 1, 3, 'ParallelStateEntered'), event(SPACE + 2, SPACE + 1, 'ParallelStateStarted'), event(SPACE + 4, SPACE + 2, 'ParallelStateSucceeded')],
      merged: layoutChildren(SPACE + 3, [{ branchId: 'root/1/0/1/0', count: 1 }]),
    };
    const inner = { branchId: 'root/1/0/1/0', events: [event(2 * SPACE + 1, SPACE + 2, 'PassStateEntered')], merged: [] };
    const outer = { branchId: 'root', events: [event(1, 0, 'ExecutionStarted'), event(2, 1, 'MapStateEntered'), event(3, 2, 'MapStateStarted'), event(8, 3, 'MapStateSucceeded')], merged: layoutChildren(4, [{ branchId: 'root/1/0', count: 4 }]) };
    assert.deepEqual(
      assembleHistory([inner, iteration, outer]).map((e) => [e.id, e.previousEventId, e.type]),
      [
        [1, 0, 'ExecutionStarted'],
        [2, 1, 'MapStateEntered'],
        [3, 2, 'MapStateStarted'],
        [4, 3, 'ParallelStateEntered'],
        [5, 4, 'ParallelStateStarted'],
        [6, 5, 'PassStateEntered'],
        [7, 5, 'ParallelStateSucceeded'],
        [8, 3, 'MapStateSucceeded'],
      ],
    );
  });
});
