import type { CallbackResult } from '../../api/engine.ts';
import type { WorkMessage } from '../records.ts';
import type { RuntimeDeps } from './deps.ts';
import { processMessage } from './worker.ts';

const TOKEN_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Delivers a task token's callback (SendTaskSuccess/Failure/Heartbeat, or a nested execution's
 * end) to the Task that handed out the token, while that Task still waits for it. `suffix` makes
 * the message key: the same callback delivered twice is applied once.
 */
export async function deliverCallback(
  deps: RuntimeDeps,
  taskToken: string,
  event: (seq: number) => WorkMessage['event'],
  suffix: string,
  completes: boolean,
): Promise<CallbackResult> {
  if (!TOKEN_PATTERN.test(taskToken)) return { ok: false, refusal: 'InvalidToken' };
  const target = await deps.store.getTaskToken(taskToken);
  if (!target) return { ok: false, refusal: 'TaskDoesNotExist' };
  const branch = await deps.store.getBranch(target.executionArn, target.branchId);
  const pending = branch?.snapshot.current?.pending;
  if (!branch || branch.snapshot.status !== 'RUNNING' || pending?.kind !== 'Task' || pending.seq !== target.seq) {
    await deps.store.deleteTaskToken(taskToken);
    return { ok: false, refusal: 'TaskTimedOut' };
  }
  const at = deps.clock.now();
  await processMessage({ executionArn: target.executionArn, branchId: target.branchId, event: event(target.seq), key: `${target.branchId}#${target.seq}#${suffix}`, at }, deps);
  if (completes) await deps.store.deleteTaskToken(taskToken);
  return { ok: true };
}
