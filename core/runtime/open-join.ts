import type { Effect } from '../asl/interpreter/effect.ts';
import type { BranchRecord } from './records.ts';

export type StartChildren = Extract<Effect, { type: 'StartChildren' }>;

/**
 * The StartChildren effect of join `seq` while the branch waits in it. The step that entered the
 * Parallel or Map state left it in the branch's outbox, and a branch waiting for its children
 * takes no other step (only their settle, a stop or the execution timeout move it, and each
 * leaves the state), so the branch's latest record still holds it: the join needs no record of
 * its own. Undefined once the branch has moved on.
 */
export function openJoin(branch: Pick<BranchRecord, 'snapshot' | 'outbox'>, seq: number): StartChildren | undefined {
  const pending = branch.snapshot.current?.pending;
  if (pending?.kind !== 'Children' || pending.seq !== seq) return undefined;
  const effect = branch.outbox.find((candidate): candidate is StartChildren => candidate.type === 'StartChildren' && candidate.seq === seq);
  if (!effect) throw new Error(`Branch ${JSON.stringify(pending)} waits for children its last step did not start`);
  return effect;
}
