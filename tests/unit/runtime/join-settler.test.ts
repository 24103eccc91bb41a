import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { settleRole, type SettleRole } from '../../../core/runtime/join-settler.ts';
import type { ChildResult, JoinTerms } from '../../../core/runtime/records.ts';

const ok = (index: number, at: number): ChildResult => ({ index, status: 'SUCCEEDED', at, eventCount: 2 });
const failed = (index: number, at: number): ChildResult => ({ index, status: 'FAILED', at, eventCount: 2, error: `E${index}` });
const terms = (childCount: number, tolerance: Partial<JoinTerms> = {}): JoinTerms => ({ childCount, maxConcurrency: 0, ...tolerance });

/** Each child's role, judging the same results; every child's result was stored 5 ms after its `at`. */
function roles(results: readonly ChildResult[], join: JoinTerms, verdict: 'succeeded' | 'failed'): Record<number, SettleRole> {
  return Object.fromEntries(results.map((result) => [result.index, settleRole(results, result.index, join, verdict, result.at + 5)]));
}

describe('who settles a join', () => {
  it('is exactly one child, the last to finish, when the join succeeded', () => {
    assert.deepEqual(roles([ok(0, 300), ok(1, 100), ok(2, 200)], terms(3), 'succeeded'), { 0: 'designated', 1: 'backup-late', 2: 'backup-late' });
  });

  it('is the one with the highest index when the last ones finished in the same millisecond', () => {
    assert.deepEqual(roles([ok(0, 300), ok(1, 300), ok(2, 200)], terms(3), 'succeeded'), { 0: 'backup-now', 1: 'designated', 2: 'backup-late' });
  });

  it('is the first failure when nothing is tolerated, whoever else has finished', () => {
    assert.deepEqual(roles([ok(0, 50), failed(1, 400), failed(2, 200)], terms(5), 'failed'), { 0: 'backup-late', 1: 'backup-now', 2: 'designated' });
  });

  it('is the failure that exceeded a tolerated failure count', () => {
    // One failure is tolerated: the second to happen fails the Map.
    const results = [failed(0, 100), failed(1, 300), failed(2, 200), ok(3, 10)];
    assert.equal(settleRole(results, 2, terms(10, { toleratedFailureCount: 1 }), 'failed', 205), 'designated');
    assert.equal(settleRole(results, 0, terms(10, { toleratedFailureCount: 1 }), 'failed', 105), 'backup-late');
  });

  it('is the failure that exceeded a tolerated percentage', () => {
    // 25% of 4 tolerates one failure; the second exceeds it.
    assert.equal(settleRole([failed(0, 500), failed(1, 300), failed(3, 400)], 3, terms(4, { toleratedFailurePercentage: 25 }), 'failed', 405), 'designated');
  });

  it('is also a child whose result was stored after the designated child finished: it may not have been seen', () => {
    // Child 1 finished first, but its write completed after child 0 had started its own.
    assert.equal(settleRole([ok(0, 103), ok(1, 100)], 1, terms(2), 'succeeded', 110), 'backup-now');
    // Child 0 started after child 1's result was stored, so child 0 read it: child 1 only backs up late.
    assert.equal(settleRole([ok(0, 103), ok(1, 100)], 1, terms(2), 'succeeded', 102), 'backup-late');
  });

});
