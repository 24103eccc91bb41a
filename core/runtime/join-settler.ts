import { judgeChildren } from '../asl/states/map/fan-in.ts';
import type { ChildResult, JoinTerms } from './records.ts';

/**
 * How a child that saw its join decided settles the parent.
 *
 * Every child that sees the same results agrees on one designated settler: for a join that
 * succeeded, the child that finished last; for one that failed, the failure that tipped it over
 * its tolerance (the first failure when nothing is tolerated), in the order the children finished
 * (`at`, taken just before each child's result was stored). The designated child settles at once
 * (`designated`). Another child only knows that the designated child saw the join decided if the
 * designated child finished after this child's own result was stored (`recordedAt`): then its
 * settle is a late safety net (`backup-late`), which finds the join closed and costs two reads.
 * Otherwise the designated child may have read the results before this child's was stored, so
 * this child settles at once too (`backup-now`): a possible duplicate, which the parent takes
 * as stale, rather than a join left waiting for the safety net. Clocks that disagree only move a
 * case between the two backups, never leave a join unsettled.
 */
export type SettleRole = 'designated' | 'backup-now' | 'backup-late';

export function settleRole(
  results: readonly ChildResult[],
  index: number,
  terms: JoinTerms,
  verdict: 'succeeded' | 'failed',
  recordedAt: number,
): SettleRole {
  const settler = designatedSettler(results, terms, verdict);
  if (settler?.index === index) return 'designated';
  return settler !== undefined && settler.at >= recordedAt ? 'backup-late' : 'backup-now';
}

function designatedSettler(results: readonly ChildResult[], terms: JoinTerms, verdict: 'succeeded' | 'failed'): ChildResult | undefined {
  const inOrder = [...results].sort((a, b) => a.at - b.at || a.index - b.index);
  if (verdict === 'succeeded') return inOrder.at(-1);
  const failures = inOrder.filter((result) => result.status === 'FAILED');
  return failures.find((_, n) => judgeChildren(terms.childCount, 0, n + 1, terms, undefined).kind === 'failed');
}
